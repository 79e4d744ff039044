import LinearAlgebra
import RealModule

/// A value of an identity's side at one sample point, with a first-order bound on its
/// rounding error.
///
/// The bound is a running error analysis: every operation adds the error it inherits
/// from its operands (through the operation's derivative) and the rounding of its own
/// result. Bounds are in units of the unit roundoff `u = 2⁻⁵³`; an entry `e` of
/// ``error`` means the computed value is within about `e·u` of the exact value of the
/// expression at that point. Matrix operations use the classical componentwise bounds
/// (a product over `n` terms: `n|A||B|`; LU-based determinants and inverses:
/// `4n|A|` as the backward error). The comparison of two sides allows a multiple of the
/// sum of their bounds (see ``IdentityComparison``), so a side that is exact in exact
/// arithmetic is never failed by its rounding, while a false identity fails wherever its
/// error exceeds what rounding can explain.
enum Quantity {
    /// A number, with its error bound.
    case scalar(Double, Double)
    /// A matrix (a vector is a column), with an entrywise error bound.
    case matrix(Matrix, Matrix)
    /// `c·I` of whatever size its neighbours need, with the error bound of `c`.
    case identity(Double, Double)

    /// Why a side has no value at a point.
    enum Failure: Error, Equatable {
        /// Outside the domain of an operation at this point (a logarithm of a negative
        /// number, a singular matrix): the point says nothing about the identity when both
        /// sides fail, and is a counterexample when only one does.
        case undefined(String)
        /// Rounding leaves the value in doubt at this point (a floor of a value within its
        /// error bound of an integer): the point decides nothing.
        case undecided(String)
        /// Ill-formed whatever the point: adding a number to a matrix, a non-square
        /// determinant. The identity cannot be checked; `offset` locates the part.
        case invalid(String, offset: Int)
    }

    /// A 1×1 matrix is a number.
    static func matrixOrScalar(_ value: Matrix, _ error: Matrix) -> Quantity {
        if value.rows == 1, value.columns == 1 { return .scalar(value[0, 0], error[0, 0]) }
        return .matrix(value, error)
    }

    /// What the value is, for messages: "a number", "a 3×3 matrix", "a vector of ℝ³".
    var kindDescription: String {
        switch self {
        case .scalar: "a number"
        case let .matrix(m, _): m.columns == 1 ? "a vector of ℝ^\(m.rows)" : "a \(m.rows)×\(m.columns) matrix"
        case .identity: "the identity matrix"
        }
    }

    /// The value as a matrix of `size` (the identity materialised); nil for a number.
    func materialised(_ size: Int) -> (Matrix, Matrix)? {
        switch self {
        case .scalar: return nil
        case let .matrix(v, e): return (v, e)
        case let .identity(c, e): return (c * Matrix.identity(size), e * Matrix.identity(size))
        }
    }

    /// Whether every entry is finite (an overflow leaves a point undecided).
    var isFinite: Bool {
        switch self {
        case let .scalar(v, e), let .identity(v, e): v.isFinite && e.isFinite
        case let .matrix(v, e): v.elements.allSatisfy(\.isFinite) && e.elements.allSatisfy(\.isFinite)
        }
    }

    /// The largest magnitude of the value's entries.
    var magnitude: Double {
        switch self {
        case let .scalar(v, _), let .identity(v, _): abs(v)
        case let .matrix(v, _): v.maxAbs
        }
    }
}

// MARK: - Arithmetic with error bounds

extension Quantity {
    static func add(_ a: Quantity, _ b: Quantity, subtract: Bool, at offset: Int) throws(Failure) -> Quantity {
        let sign: Double = subtract ? -1 : 1
        switch (a, b) {
        case let (.scalar(x, ex), .scalar(y, ey)):
            let v = x + sign * y
            return .scalar(v, ex + ey + abs(v))
        case let (.identity(x, ex), .identity(y, ey)):
            let v = x + sign * y
            return .identity(v, ex + ey + abs(v))
        case (.identity, .matrix(let m, _)), (.matrix(let m, _), .identity):
            guard m.isSquare else {
                throw Failure.invalid("the identity matrix cannot be added to a \(m.rows)×\(m.columns) matrix", offset: offset)
            }
            let (x, ex) = a.materialised(m.rows)!, (y, ey) = b.materialised(m.rows)!
            let v = subtract ? x - y : x + y
            return .matrix(v, ex + ey + v.map(abs))
        case let (.matrix(x, ex), .matrix(y, ey)):
            guard x.rows == y.rows, x.columns == y.columns else {
                throw Failure.invalid("cannot \(subtract ? "subtract" : "add") \(a.kindDescription) and \(b.kindDescription)", offset: offset)
            }
            let v = subtract ? x - y : x + y
            return .matrix(v, ex + ey + v.map(abs))
        default:
            throw Failure.invalid("cannot \(subtract ? "subtract" : "add") \(a.kindDescription) and \(b.kindDescription)", offset: offset)
        }
    }

    static func multiply(_ a: Quantity, _ b: Quantity, at offset: Int) throws(Failure) -> Quantity {
        switch (a, b) {
        case let (.scalar(x, ex), .scalar(y, ey)):
            let v = x * y
            return .scalar(v, abs(x) * ey + abs(y) * ex + abs(v))
        case let (.scalar(s, es), .identity(c, ec)), let (.identity(c, ec), .scalar(s, es)), let (.identity(s, es), .identity(c, ec)):
            let v = s * c
            return .identity(v, abs(s) * ec + abs(c) * es + abs(v))
        case let (.scalar(s, es), .matrix(m, em)), let (.matrix(m, em), .scalar(s, es)):
            let v = s * m
            return .matrix(v, abs(s) * em + es * m.map(abs) + v.map(abs))
        case let (.identity(c, ec), .matrix(m, em)), let (.matrix(m, em), .identity(c, ec)):
            let v = c * m
            return .matrix(v, abs(c) * em + ec * m.map(abs) + v.map(abs))
        case let (.matrix(x, ex), .matrix(y, ey)):
            guard x.columns == y.rows else {
                throw Failure.invalid(
                    "cannot multiply \(a.kindDescription) by \(b.kindDescription): \(x.columns) columns against \(y.rows) rows",
                    offset: offset)
            }
            let v = x * y
            let ax = x.map(abs), ay = y.map(abs)
            return matrixOrScalar(v, ax * ey + ex * ay + Double(x.columns) * (ax * ay))
        }
    }

    static func divide(_ a: Quantity, _ b: Quantity, at offset: Int) throws(Failure) -> Quantity {
        guard case let .scalar(y, ey) = b else {
            throw Failure.invalid("cannot divide by \(b.kindDescription); multiply by its inverse (^{-1})", offset: offset)
        }
        guard y != 0 else { throw Failure.undefined("division by zero") }
        switch a {
        case let .scalar(x, ex):
            let v = x / y
            return .scalar(v, (ex + abs(v) * ey) / abs(y) + abs(v))
        case let .identity(x, ex):
            let v = x / y
            return .identity(v, (ex + abs(v) * ey) / abs(y) + abs(v))
        case let .matrix(m, em):
            let v = m / y
            return .matrix(v, (em + ey * v.map(abs)) / abs(y) + v.map(abs))
        }
    }

    /// `x` with every entry's sign flipped (exact).
    static func negate(_ a: Quantity) -> Quantity {
        switch a {
        case let .scalar(v, e): .scalar(-v, e)
        case let .identity(v, e): .identity(-v, e)
        case let .matrix(v, e): .matrix(-1 * v, e)
        }
    }

    static func transpose(_ a: Quantity) -> Quantity {
        guard case let .matrix(v, e) = a else { return a }
        return matrixOrScalar(v.transposed, e.transposed)
    }

    /// A real function of a number, its error carried through its derivative (estimated
    /// by a central difference) plus two units of its own rounding.
    static func apply(_ name: String, _ a: Quantity, at offset: Int, _ f: (Double) -> Double) throws(Failure) -> Quantity {
        guard case let .scalar(x, ex) = a else {
            throw Failure.invalid("\\\(name) of \(a.kindDescription) is not defined here; it takes a number", offset: offset)
        }
        let v = f(x)
        // NaN is outside the domain; an infinity from a finite argument is an overflow,
        // which the comparison leaves undecided.
        guard !v.isNaN || x.isNaN else { throw Failure.undefined("\\\(name)(\(ValueFormat.number(x))) is not a real number") }
        var inherited = 0.0
        if ex > 0 {
            let h = 1e-6 * max(abs(x), 1e-300)
            let slope = (f(x + h) - f(x - h)) / (2 * h)
            inherited = slope.isFinite ? abs(slope) * ex : .infinity
        }
        return .scalar(v, inherited + 2 * abs(v))
    }

    static func inverse(_ a: Quantity, at offset: Int) throws(Failure) -> Quantity {
        switch a {
        case let .scalar(x, ex):
            guard x != 0 else { throw Failure.undefined("the reciprocal of 0") }
            let v = 1 / x
            return .scalar(v, ex * v * v + abs(v))
        case let .identity(c, ec):
            guard c != 0 else { throw Failure.undefined("the inverse of 0·I") }
            return .identity(1 / c, ec / (c * c) + abs(1 / c))
        case let .matrix(m, em):
            guard m.isSquare else { throw Failure.invalid("only a square matrix has an inverse; this is \(a.kindDescription)", offset: offset) }
            guard let v = try? m.inverse(), v.elements.allSatisfy(\.isFinite) else { throw Failure.undefined("the matrix is singular") }
            let av = v.map(abs)
            return .matrix(v, av * em * av + Double(4 * m.rows) * (av * m.map(abs) * av))
        }
    }

    /// `det A` with the bound of a perturbation of the rows: by Hadamard's inequality a
    /// change `δᵢ` of row `i` moves the determinant by at most `‖δᵢ‖ ∏ₖ≠ᵢ ‖aₖ‖`.
    static func determinant(_ a: Quantity, at offset: Int) throws(Failure) -> Quantity {
        switch a {
        case .scalar: return a
        case .identity:
            throw Failure.invalid("the determinant of I needs its size: write I_n", offset: offset)
        case let .matrix(m, em):
            guard m.isSquare else { throw Failure.invalid("only a square matrix has a determinant; this is \(a.kindDescription)", offset: offset) }
            guard let d = try? m.determinant() else { throw Failure.undefined("the determinant could not be computed") }
            let n = m.rows
            let rowNorms = (0..<n).map { m.row($0).norm }
            let perturbation = em + Double(4 * n) * m.map(abs)
            var bound = abs(d)
            for i in 0..<n {
                var others = 1.0
                for k in 0..<n where k != i { others *= rowNorms[k] }
                bound += perturbation.row(i).norm * others
            }
            return .scalar(d, bound)
        }
    }

    static func trace(_ a: Quantity, at offset: Int) throws(Failure) -> Quantity {
        switch a {
        case .scalar: return a
        case .identity: throw Failure.invalid("the trace of I needs its size: write I_n", offset: offset)
        case let .matrix(m, em):
            guard m.isSquare else { throw Failure.invalid("only a square matrix has a trace; this is \(a.kindDescription)", offset: offset) }
            let absoluteDiagonal = (0..<m.rows).reduce(0.0) { $0 + abs(m[$1, $1]) }
            return .scalar(m.trace, em.trace + Double(m.rows) * absoluteDiagonal)
        }
    }

    /// An integer power: repeated products (a negative power of the inverse).
    static func integerPower(_ a: Quantity, _ k: Int, at offset: Int) throws(Failure) -> Quantity {
        if case let .matrix(m, _) = a, !m.isSquare {
            throw Failure.invalid("only a square matrix has powers; this is \(a.kindDescription)", offset: offset)
        }
        var base = k < 0 ? try inverse(a, at: offset) : a
        var remaining = abs(k)
        guard remaining > 0 else {
            switch a {
            case .scalar: return .scalar(1, 0)
            case .identity: return .identity(1, 0)
            case let .matrix(m, _): return .matrix(Matrix.identity(m.rows), Matrix.zeros(m.rows, m.rows))
            }
        }
        var result: Quantity?
        while remaining > 0 {
            if remaining & 1 == 1 { result = try result.map { (r) throws(Failure) in try multiply(r, base, at: offset) } ?? base }
            remaining >>= 1
            if remaining > 0 { base = try multiply(base, base, at: offset) }
        }
        return result!
    }
}
