import Identities
import LinearAlgebra
import RealModule

/// Evaluates an ``IdentityExpression`` at one point, with error bounds (``Quantity``).
///
/// Conventions beyond those of the reading (`IdentityExpression`): `\log` and `\ln` are
/// natural logarithms; `\|A\|` and `\|A\|_2` of a matrix are its spectral norm (of a
/// vector, its Euclidean length); `n!` and `\binom{n}{k}` need integers (`\binom{n}{k}` is
/// 0 for k outside 0…n); `\Gamma` is Euler's gamma function; an entry index runs from 1.
/// A sum or product runs over the integers from its lower to its upper bound (none when
/// the upper is smaller: a sum is then 0, a product 1) and may have at most 100 000 terms.
struct IdentityEvaluator {
    typealias Failure = Quantity.Failure

    /// The variables' values at the point, and the indices of enclosing sums.
    var values: [String: Quantity]

    func evaluate(_ e: IdentityExpression) throws(Failure) -> Quantity {
        switch e.kind {
        case let .number(x):
            return .scalar(x, x == x.rounded() ? 0 : abs(x))
        case .pi:
            return .scalar(.pi, .pi)
        case .euler:
            return .scalar(Double.exp(1), Double.exp(1))
        case let .variable(name):
            guard let value = values[name] else { throw Failure.invalid("'\(name)' has no value", offset: e.offset) }
            return value
        case let .element(name, indices):
            return try element(name, indices, at: e.offset)
        case let .identityMatrix(size):
            if let size { return .matrix(Matrix.identity(size), Matrix.zeros(size, size)) }
            return .identity(1, 0)
        case let .negate(a):
            return Quantity.negate(try evaluate(a))
        case let .binary(op, a, b):
            let x = try evaluate(a), y = try evaluate(b)
            switch op {
            case .add: return try Quantity.add(x, y, subtract: false, at: e.offset)
            case .subtract: return try Quantity.add(x, y, subtract: true, at: e.offset)
            case .multiply: return try Quantity.multiply(x, y, at: e.offset)
            case .divide: return try Quantity.divide(x, y, at: e.offset)
            }
        case let .power(a, b):
            return try power(a, b, at: e.offset)
        case let .transpose(a):
            return Quantity.transpose(try evaluate(a))
        case let .call(function, arguments):
            return try call(function, arguments, at: e.offset)
        case let .factorial(a):
            let n = try integer(try evaluate(a), "n!", at: a.offset)
            guard n >= 0 else { throw Failure.undefined("the factorial of a negative integer") }
            guard n <= 170 else { throw Failure.undefined("\(n)! overflows") }
            let v = Double.gamma(Double(n + 1))
            return .scalar(v, Double(n) * v)
        case let .norm(a, kind):
            return try norm(try evaluate(a), kind, at: e.offset)
        case let .aggregate(kind, index, from, to, body):
            let lower = try integer(try evaluate(from), "a bound of \\\(kind.rawValue)", at: from.offset)
            let upper = try integer(try evaluate(to), "a bound of \\\(kind.rawValue)", at: to.offset)
            guard upper - lower < 100_000 else {
                throw Failure.invalid("this \\\(kind.rawValue) would have \(upper - lower + 1) terms; at most 100 000 are evaluated", offset: e.offset)
            }
            var inner = self
            var total: Quantity = kind == .sum ? .scalar(0, 0) : .scalar(1, 0)
            if lower <= upper {
                for i in lower...upper {
                    inner.values[index] = .scalar(Double(i), 0)
                    let term = try inner.evaluate(body)
                    total = kind == .sum
                        ? try Quantity.add(total, term, subtract: false, at: e.offset)
                        : try Quantity.multiply(total, term, at: e.offset)
                }
            }
            return total
        case let .matrix(rows):
            let m = rows.count, n = rows[0].count
            var value = Matrix.zeros(m, n), error = Matrix.zeros(m, n)
            for (i, row) in rows.enumerated() {
                for (j, entry) in row.enumerated() {
                    guard case let .scalar(v, err) = try evaluate(entry) else {
                        throw Failure.invalid("an entry of a matrix literal must be a number", offset: entry.offset)
                    }
                    value[i, j] = v
                    error[i, j] = err
                }
            }
            return Quantity.matrixOrScalar(value, error)
        }
    }

    private func element(_ name: String, _ indices: [IdentityExpression], at offset: Int) throws(Failure) -> Quantity {
        guard case let .matrix(m, em)? = values[name] else { throw Failure.invalid("'\(name)' has no entries", offset: offset) }
        var position: [Int] = []
        for index in indices { position.append(try integer(try evaluate(index), "an index", at: index.offset)) }
        let (i, j) = m.columns == 1 && position.count == 1 ? (position[0], 1) : (position[0], position.count > 1 ? position[1] : 0)
        guard (1...m.rows).contains(i), (1...m.columns).contains(j) else {
            throw Failure.invalid(
                "\(name)_{\(position.map(String.init).joined(separator: ","))} is outside \(name), which is \(Quantity.matrix(m, em).kindDescription)",
                offset: offset)
        }
        return .scalar(m[i - 1, j - 1], em[i - 1, j - 1])
    }

    private func power(_ a: IdentityExpression, _ b: IdentityExpression, at offset: Int) throws(Failure) -> Quantity {
        let exponent = try evaluate(b)
        guard case let .scalar(p, ep) = exponent else {
            throw Failure.invalid("an exponent must be a number, not \(exponent.kindDescription)", offset: b.offset)
        }
        if case .euler = a.kind { return try Quantity.apply("exp", exponent, at: offset) { Double.exp($0) } }
        let base = try evaluate(a)
        if case let .scalar(x, ex) = base {
            if x < 0, p != p.rounded() { throw Failure.undefined("a negative number to a fractional power") }
            if x == 0, p < 0 { throw Failure.undefined("0 to a negative power") }
            let v = Self.power(x, p)
            var error = 2 * abs(v)
            if ex > 0 { error += abs(p * Self.power(x, p - 1)) * ex }
            if ep > 0, x > 0 { error += abs(v * Double.log(x)) * ep }
            return .scalar(v, error)
        }
        guard p == p.rounded(), abs(p) <= 1_000 else {
            throw Failure.invalid("a matrix power must be an integer", offset: b.offset)
        }
        return try Quantity.integerPower(base, Int(p), at: offset)
    }

    private func call(_ function: IdentityExpression.Function, _ arguments: [IdentityExpression], at offset: Int) throws(Failure) -> Quantity {
        var values: [Quantity] = []
        for argument in arguments { values.append(try evaluate(argument)) }
        let x = values[0]
        func real(_ name: String, _ f: (Double) -> Double) throws(Failure) -> Quantity {
            try Quantity.apply(name, x, at: offset, f)
        }
        switch function {
        case .sin: return try real("sin") { Double.sin($0) }
        case .cos: return try real("cos") { Double.cos($0) }
        case .tan: return try real("tan") { Double.tan($0) }
        case .cot: return try real("cot") { 1 / Double.tan($0) }
        case .sec: return try real("sec") { 1 / Double.cos($0) }
        case .csc: return try real("csc") { 1 / Double.sin($0) }
        case .arcsin: return try real("arcsin") { Double.asin($0) }
        case .arccos: return try real("arccos") { Double.acos($0) }
        case .arctan: return try real("arctan") { Double.atan($0) }
        case .sinh: return try real("sinh") { Double.sinh($0) }
        case .cosh: return try real("cosh") { Double.cosh($0) }
        case .tanh: return try real("tanh") { Double.tanh($0) }
        case .coth: return try real("coth") { 1 / Double.tanh($0) }
        case .exp: return try real("exp") { Double.exp($0) }
        case .ln, .log:
            if case let .scalar(v, _) = x, v <= 0 { throw Failure.undefined("the logarithm of \(ValueFormat.number(v))") }
            return try real(function.rawValue) { Double.log($0) }
        case .sqrt:
            if case let .scalar(v, _) = x, v < 0 { throw Failure.undefined("the square root of \(ValueFormat.number(v))") }
            return try real("sqrt") { $0.squareRoot() }
        case .abs:
            guard case let .scalar(v, e) = x else {
                throw Failure.invalid("|·| of \(x.kindDescription): write \\det A for a determinant or \\|x\\| for a norm", offset: offset)
            }
            return .scalar(abs(v), e)
        case .floor, .ceil:
            guard case let .scalar(v, e) = x else { throw Failure.invalid("\\l\(function.rawValue) takes a number", offset: offset) }
            let r = function == .floor ? v.rounded(.down) : v.rounded(.up)
            // A value within its error bound of an integer, but not on it, could round either
            // way: the point decides nothing. (One exactly on an integer is taken as it is:
            // integer arithmetic such as n/2 for an even n is exact.)
            if e > 0, v != v.rounded(), abs(v - v.rounded()) <= IdentityComparison.safety * e * IdentityComparison.unitRoundoff {
                throw Failure.undecided("a value too close to an integer to round reliably")
            }
            return .scalar(r, 0)
        case .gamma:
            if case let .scalar(v, _) = x, v <= 0, v == v.rounded() { throw Failure.undefined("Γ has a pole at \(ValueFormat.number(v))") }
            return try real("Gamma") { Double.gamma($0) }
        case .det: return try Quantity.determinant(x, at: offset)
        case .trace: return try Quantity.trace(x, at: offset)
        case .logBase:
            guard case let .scalar(b, _) = x, case let .scalar(v, _) = values[1] else {
                throw Failure.invalid("a logarithm takes numbers", offset: offset)
            }
            guard b > 0, b != 1 else { throw Failure.undefined("a logarithm to the base \(ValueFormat.number(b))") }
            guard v > 0 else { throw Failure.undefined("the logarithm of \(ValueFormat.number(v))") }
            let numerator = try Quantity.apply("log", values[1], at: offset) { Double.log($0) }
            let denominator = try Quantity.apply("log", x, at: offset) { Double.log($0) }
            return try Quantity.divide(numerator, denominator, at: offset)
        case .root:
            let n = try integer(x, "the index of a root", at: arguments[0].offset)
            guard n >= 1 else { throw Failure.undefined("a root of index \(n)") }
            guard case let .scalar(v, _) = values[1] else { throw Failure.invalid("a root takes a number", offset: offset) }
            if v < 0, n % 2 == 0 { throw Failure.undefined("an even root of \(ValueFormat.number(v))") }
            return try Quantity.apply("sqrt", values[1], at: offset) { ($0 < 0 ? -1 : 1) * Double.pow(abs($0), 1 / Double(n)) }
        case .binomial:
            let n = try integer(x, "\\binom's upper argument", at: arguments[0].offset)
            let k = try integer(values[1], "\\binom's lower argument", at: arguments[1].offset)
            guard n >= 0 else { throw Failure.undefined("\\binom with a negative upper argument") }
            guard k >= 0, k <= n else { return .scalar(0, 0) }
            var v = 1.0
            for j in 0..<min(k, n - k) { v = v * Double(n - j) / Double(j + 1) }
            return .scalar(v.rounded(), v < 0x1p53 ? 0 : Double(2 * k) * v)
        case .max, .min:
            var best: (Double, Double)?
            for value in values {
                guard case let .scalar(v, e) = value else { throw Failure.invalid("\\\(function.rawValue) takes numbers", offset: offset) }
                if let b = best {
                    let better = function == .max ? v > b.0 : v < b.0
                    best = better ? (v, e) : b
                } else {
                    best = (v, e)
                }
            }
            return .scalar(best!.0, values.reduce(0) { total, q in if case let .scalar(_, e) = q { return max(total, e) } else { return total } })
        }
    }

    private func norm(_ a: Quantity, _ kind: IdentityExpression.Norm, at offset: Int) throws(Failure) -> Quantity {
        switch a {
        case let .scalar(v, e):
            return .scalar(abs(v), e)
        case .identity:
            throw Failure.invalid("the norm of I needs its size: write I_n", offset: offset)
        case let .matrix(m, em):
            let n = Double(max(m.rows, m.columns))
            let isVector = m.columns == 1 || m.rows == 1
            let value: Double
            let inherited: Double
            switch kind {
            case .two where isVector, .frobenius:
                value = m.frobeniusNorm
                inherited = em.frobeniusNorm
            case .two:
                guard let s = try? m.twoNorm() else { throw Failure.undefined("the singular values could not be computed") }
                value = s
                inherited = em.frobeniusNorm + 4 * n * s
            case .one:
                value = isVector ? m.elements.reduce(0) { $0 + abs($1) } : m.oneNorm
                inherited = isVector ? em.elements.reduce(0, +) : em.oneNorm
            case .infinity:
                value = isVector ? m.maxAbs : m.infinityNorm
                inherited = isVector ? em.maxAbs : em.infinityNorm
            }
            return .scalar(value, inherited + n * value)
        }
    }

    /// `x^p`, with a negative `x` allowed when `p` is an integer (RealModule's `pow` is
    /// NaN for every negative base).
    static func power(_ x: Double, _ p: Double) -> Double {
        if p == p.rounded(), abs(p) < 0x1p31 { return Double.pow(x, Int(p)) }
        return Double.pow(x, p)
    }

    /// The integer a number holds, or a failure naming what needed one.
    private func integer(_ q: Quantity, _ what: String, at offset: Int) throws(Failure) -> Int {
        guard case let .scalar(v, _) = q else { throw Failure.invalid("\(what) must be an integer, not \(q.kindDescription)", offset: offset) }
        guard v == v.rounded(), abs(v) < 1e15 else { throw Failure.undefined("\(what) is \(ValueFormat.number(v)), not an integer") }
        return Int(v)
    }
}
