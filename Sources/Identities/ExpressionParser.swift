/// Reads the identity subset of TeX into ``IdentityExpression``s (the conventions are
/// documented there). Names must be declared (`names`) or bound by an enclosing `\sum` or
/// `\prod`; anything outside the subset is an ``IdentityProblem`` at the offending token.
public struct ExpressionParser {
    private var tokens: [TeXToken]
    private var position = 0
    private let names: [String: VariableShape]
    private let endOffset: Int
    /// Indices of enclosing sums and products.
    private var bound: [String] = []
    /// How many `|…|` and `\|…\|` are open: a bar then closes rather than opens.
    private var openBars = 0
    private var openNorms = 0

    public init(_ text: String, names: [String: VariableShape], offset: Int = 0) {
        tokens = TeXLexer.tokens(text).map { t in
            var t = t
            t.offset += offset
            t.end += offset
            return t
        }
        self.names = names
        endOffset = offset + text.utf8.count
    }

    /// A relation `a = b = …`: its sides (at least two), the offset where each side's text
    /// starts, and the offsets of its `=` signs.
    public mutating func relation() throws(IdentityProblem) -> (sides: [IdentityExpression], starts: [Int], equals: [Int]) {
        guard let first = peek else { throw IdentityProblem("identity.relation", "the identity has no formula", at: endOffset) }
        var starts = [first.offset]
        var sides = [try expression()]
        var equals: [Int] = []
        while let t = peek, t.isSymbol("=") {
            equals.append(t.offset)
            position += 1
            guard let next = peek else { throw IdentityProblem("identity.syntax", "nothing after '='", at: t.offset) }
            starts.append(next.offset)
            sides.append(try expression())
        }
        if let t = peek {
            if t.kind == .command, ["ne", "neq", "le", "leq", "ge", "geq", "lt", "gt", "approx", "equiv", "sim"].contains(t.text) || t.isSymbol("<") || t.isSymbol(">") {
                throw IdentityProblem(
                    "identity.relation", "an identity states equalities; '\(display(t))' is not '='", at: t.offset,
                    explanation: "write LHS = RHS (a chain a = b = c checks each link)")
            }
            throw unexpected(t)
        }
        guard sides.count >= 2 else {
            throw IdentityProblem(
                "identity.relation", "an identity needs '=': write LHS = RHS", at: sides[0].offset,
                explanation: "the formula has no '=' at its top level")
        }
        return (sides, starts, equals)
    }

    /// One expression that must use up all the tokens (a bound in a `where` line).
    public mutating func wholeExpression() throws(IdentityProblem) -> IdentityExpression {
        let e = try expression()
        if let t = peek { throw unexpected(t) }
        return e
    }

    // MARK: - Grammar

    /// `term (('+' | '-') term)*`
    mutating func expression() throws(IdentityProblem) -> IdentityExpression {
        var left = try term()
        while let t = peek, t.isSymbol("+") || t.isSymbol("-") {
            position += 1
            let right = try term()
            left = IdentityExpression(.binary(t.text == "+" ? .add : .subtract, left, right), at: left.offset)
        }
        return left
    }

    /// Factors joined by `\cdot`, `\times`, `*`, `/` or juxtaposition. With `bare`, the
    /// argument of a function written without parentheses: juxtaposition only, stopping
    /// before the next function.
    mutating func term(bare: Bool = false) throws(IdentityProblem) -> IdentityExpression {
        var left = try signedFactor()
        while let t = peek {
            if !bare, t.isCommand("cdot") || t.isCommand("times") || t.isSymbol("*") || t.isSymbol("/") {
                position += 1
                let right = try signedFactor()
                left = IdentityExpression(.binary(t.text == "/" ? .divide : .multiply, left, right), at: left.offset)
            } else if startsFactor(t), !(bare && startsFunction(t)) {
                let right = try factor()
                left = IdentityExpression(.binary(.multiply, left, right), at: left.offset)
            } else {
                break
            }
        }
        return left
    }

    mutating func signedFactor() throws(IdentityProblem) -> IdentityExpression {
        if let t = peek, t.isSymbol("-") || t.isSymbol("+") {
            position += 1
            let operand = try term(bare: true)
            return t.text == "-" ? IdentityExpression(.negate(operand), at: t.offset) : operand
        }
        return try factor()
    }

    /// A primary with its postfixes: powers, transposes, factorials.
    mutating func factor() throws(IdentityProblem) -> IdentityExpression {
        var base = try primary()
        while let t = peek {
            if t.isSymbol("^") {
                position += 1
                base = try superscript(of: base, at: t)
            } else if t.isSymbol("!") {
                position += 1
                base = IdentityExpression(.factorial(base), at: base.offset)
            } else if t.isSymbol("'") {
                throw IdentityProblem("identity.unsupported", "a prime (') is not in the subset: name the quantity, or write ^\\top for a transpose", at: t.offset)
            } else if t.isSymbol("_") {
                throw IdentityProblem("identity.unsupported", "a subscript here is not in the subset: only names take subscripts (x_i, A_{ij}, \\log_2)", at: t.offset)
            } else {
                break
            }
        }
        return base
    }

    /// What follows `^`: a transpose, or an exponent (a group, or one character).
    mutating func superscript(of base: IdentityExpression, at caret: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        guard let t = peek else { throw IdentityProblem("identity.syntax", "nothing after '^'", at: caret.offset) }
        if let length = transposeMarkLength(at: position) {
            position += length
            return IdentityExpression(.transpose(base), at: base.offset)
        }
        let exponent: IdentityExpression
        if t.kind == .number, t.text.count > 1 {
            // x^23 is x²·3, as TeX sets it: the exponent is one character.
            exponent = IdentityExpression(.number(Double(String(t.text.prefix(1)))!), at: t.offset)
            tokens[position].text.removeFirst()
            tokens[position].offset += 1
        } else {
            exponent = try group()
        }
        return IdentityExpression(.power(base, exponent), at: base.offset)
    }

    /// How many tokens the transpose mark at `k` takes: `\top`, `T` (when no variable is
    /// named `T`), `\intercal`, `\mathsf{T}`, `\mathrm{T}`, each bare or in braces; nil
    /// when there is none.
    func transposeMarkLength(at k: Int) -> Int? {
        guard k < tokens.count else { return nil }
        let t = tokens[k]
        func isT(_ j: Int) -> Bool { j < tokens.count && tokens[j].kind == .letter && tokens[j].text == "T" }
        func isClose(_ j: Int) -> Bool { j < tokens.count && tokens[j].isSymbol("}") }
        if t.isCommand("top") || t.isCommand("intercal") { return 1 }
        if isT(k), names["T"] == nil { return 1 }
        if t.isCommand("mathsf") || t.isCommand("mathrm") {
            if k + 1 < tokens.count, tokens[k + 1].isSymbol("{"), isT(k + 2), isClose(k + 3) { return 4 }
            if isT(k + 1) { return 2 }
        }
        if t.isSymbol("{"), let n = transposeMarkLength(at: k + 1), isClose(k + 1 + n) { return n + 2 }
        return nil
    }

    /// A TeX argument: `{expression}` or a single token's primary (`\frac12`, `x^n`).
    mutating func group() throws(IdentityProblem) -> IdentityExpression {
        guard let t = peek else { throw IdentityProblem("identity.syntax", "the formula ends where an argument was expected", at: endOffset) }
        if t.isSymbol("{") {
            position += 1
            let saved = (openBars, openNorms)
            (openBars, openNorms) = (0, 0)
            let e = try expression()
            (openBars, openNorms) = saved
            try expect("}", opening: t)
            return e
        }
        if t.kind == .number, t.text.count > 1 {
            let e = IdentityExpression(.number(Double(String(t.text.prefix(1)))!), at: t.offset)
            tokens[position].text.removeFirst()
            tokens[position].offset += 1
            return e
        }
        return try primary()
    }

    mutating func primary() throws(IdentityProblem) -> IdentityExpression {
        guard let t = peek else { throw IdentityProblem("identity.syntax", "the formula ends where a value was expected", at: endOffset) }
        switch t.kind {
        case .number:
            position += 1
            return IdentityExpression(.number(Double(t.text)!), at: t.offset)
        case .letter:
            position += 1
            return try name(t.text, at: t)
        case .symbol:
            switch t.text {
            case "(", "[":
                position += 1
                let saved = (openBars, openNorms)
                (openBars, openNorms) = (0, 0)
                let e = try expression()
                (openBars, openNorms) = saved
                try expect(t.text == "(" ? ")" : "]", opening: t)
                return e
            case "{":
                return try group()
            case "|":
                position += 1
                openBars += 1
                let e = try expression()
                openBars -= 1
                try expect("|", opening: t)
                return IdentityExpression(.call(.abs, [e]), at: t.offset)
            default:
                throw unexpected(t)
            }
        case .command:
            return try command(t)
        }
    }

    mutating func command(_ t: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        position += 1
        switch t.text {
        case "pi":
            return IdentityExpression(.pi, at: t.offset)
        case _ where Self.greek.contains(t.text):
            return try name(t.text, at: t)
        case "mathbf", "boldsymbol", "bm", "vec", "mathit", "mathrm", "mathsf", "operatorname", "text", "textrm", "mathbb":
            let inner = try word(after: t)
            if let function = Self.namedFunctions[inner] { return try call(function, at: t) }
            if inner == "e", t.text == "mathrm" || t.text == "operatorname" { return IdentityExpression(.euler, at: t.offset) }
            if inner.count == 1 || Self.greek.contains(inner) { return try name(inner, at: t) }
            throw IdentityProblem(
                "identity.unsupported", "'\\\(t.text){\(inner)}' is not in the subset", at: t.offset, explanation: IdentityProblem.subset)
        case "frac", "dfrac", "tfrac":
            let numerator = try group()
            let denominator = try group()
            return IdentityExpression(.binary(.divide, numerator, denominator), at: t.offset)
        case "sqrt":
            if let open = peek, open.isSymbol("[") {
                position += 1
                let index = try expression()
                try expect("]", opening: open)
                return IdentityExpression(.call(.root, [index, try group()]), at: t.offset)
            }
            return IdentityExpression(.call(.sqrt, [try group()]), at: t.offset)
        case "binom", "dbinom", "tbinom":
            let n = try group()
            let k = try group()
            return IdentityExpression(.call(.binomial, [n, k]), at: t.offset)
        case "sum", "prod":
            return try aggregate(t.text == "sum" ? .sum : .product, at: t)
        case "|", "Vert", "lVert":
            let e = try enclosed(by: t, depth: \.openNorms) { $0.isCommand("|") || $0.isCommand("Vert") || $0.isCommand("rVert") }
            return IdentityExpression(.norm(e, try normSubscript()), at: t.offset)
        case "vert", "lvert":
            let e = try enclosed(by: t, depth: \.openBars) { $0.isCommand("vert") || $0.isCommand("rvert") || $0.isSymbol("|") }
            return IdentityExpression(.call(.abs, [e]), at: t.offset)
        case "lfloor", "lceil":
            let e = try expression()
            let closing = t.text == "lfloor" ? "rfloor" : "rceil"
            guard let close = peek, close.isCommand(closing) else {
                throw IdentityProblem("identity.syntax", "this \\\(t.text) is never closed by \\\(closing)", at: t.offset)
            }
            position += 1
            return IdentityExpression(.call(t.text == "lfloor" ? .floor : .ceil, [e]), at: t.offset)
        case "begin":
            return try matrixLiteral(at: t)
        case "max", "min":
            return try extremum(t.text == "max" ? .max : .min, at: t)
        default:
            if let function = Self.namedFunctions[t.text] { return try call(function, at: t) }
            if ["cdot", "times"].contains(t.text) {
                throw IdentityProblem("identity.syntax", "'\\\(t.text)' needs a value on its left", at: t.offset)
            }
            throw IdentityProblem(
                "identity.unsupported", "'\\\(t.text)' is not in the subset of TeX that identities understand", at: t.offset,
                explanation: IdentityProblem.subset)
        }
    }

    /// A name written as a letter or a Greek command, with its subscript: a declared
    /// variable, an entry of a declared vector or matrix, a bound index, `e` or `I`.
    mutating func name(_ base: String, at t: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        var subscriptText: String?
        var subscriptTokens: [TeXToken] = []
        if let u = peek, u.isSymbol("_") {
            position += 1
            subscriptTokens = try rawGroup(after: u)
            subscriptText = subscriptTokens.map(\.text).joined()
        }
        if let sub = subscriptText {
            let full = base + "_" + sub
            if names[full] != nil { return IdentityExpression(.variable(full), at: t.offset) }
            switch names[base] {
            case .vector?:
                var inner = ExpressionParser(tokens: subscriptTokens, names: names, bound: bound, end: t.end)
                let index = try inner.wholeExpression()
                return IdentityExpression(.element(base, [index]), at: t.offset)
            case .matrix?:
                return IdentityExpression(.element(base, try matrixIndices(subscriptTokens, at: t)), at: t.offset)
            default:
                if base == "I", names["I"] == nil {
                    if subscriptTokens.count == 1, subscriptTokens[0].kind == .number, let n = Int(subscriptTokens[0].text), n > 0 {
                        return IdentityExpression(.identityMatrix(size: n), at: t.offset)
                    }
                    return IdentityExpression(.identityMatrix(size: nil), at: t.offset)
                }
                throw IdentityProblem(
                    "identity.undeclared", "'\(full)' is not declared", at: t.offset,
                    explanation: "declare it in a where line (where \(full) \\in [-1, 1]), or declare \(base) as a vector or matrix to read \(full) as its entry")
            }
        }
        if names[base] != nil || bound.contains(base) { return IdentityExpression(.variable(base), at: t.offset) }
        if base == "e" { return IdentityExpression(.euler, at: t.offset) }
        if base == "I" { return IdentityExpression(.identityMatrix(size: nil), at: t.offset) }
        throw IdentityProblem(
            "identity.undeclared", "'\(base)' is not declared", at: t.offset,
            explanation: "add a where line that says what it is, e.g. where \(base) \\in [-1, 1]")
    }

    /// The indices of `A_{ij}`, `A_{i,j}`, `A_{12}`: two index expressions.
    private func matrixIndices(_ tokens: [TeXToken], at t: TeXToken) throws(IdentityProblem) -> [IdentityExpression] {
        if let comma = tokens.firstIndex(where: { $0.isSymbol(",") }) {
            var first = ExpressionParser(tokens: Array(tokens[..<comma]), names: names, bound: bound, end: t.end)
            var second = ExpressionParser(tokens: Array(tokens[(comma + 1)...]), names: names, bound: bound, end: t.end)
            return [try first.wholeExpression(), try second.wholeExpression()]
        }
        // Two one-character indices: letters or digits.
        var singles: [TeXToken] = []
        for token in tokens {
            if token.kind == .number {
                for (k, c) in token.text.enumerated() { singles.append(TeXToken(.number, String(c), offset: token.offset + k, end: token.offset + k + 1)) }
            } else {
                singles.append(token)
            }
        }
        guard singles.count == 2 else {
            throw IdentityProblem("identity.syntax", "an entry of a matrix takes two indices: A_{ij} or A_{i,j}", at: t.offset)
        }
        var result: [IdentityExpression] = []
        for s in singles {
            var p = ExpressionParser(tokens: [s], names: names, bound: bound, end: s.end)
            result.append(try p.wholeExpression())
        }
        return result
    }

    /// A function applied to its argument, with an optional power (`\sin^2 x`) or, for
    /// `\log`, a base (`\log_2 x`).
    mutating func call(_ function: IdentityExpression.Function, at t: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        var power: IdentityExpression?
        var base: IdentityExpression?
        while let u = peek, u.isSymbol("^") || u.isSymbol("_") {
            position += 1
            if u.text == "^" {
                let p = try group()
                if case let .negate(inner) = p.kind, case .number(1) = inner.kind {
                    throw IdentityProblem(
                        "identity.unsupported", "'\\\(t.text)^{-1}' is ambiguous: write \\arc\(t.text) for the inverse function or (\\\(t.text) x)^{-1} for the reciprocal",
                        at: u.offset)
                }
                power = p
            } else {
                guard function == .log else {
                    throw IdentityProblem("identity.unsupported", "a subscript on \\\(t.text) is not in the subset", at: u.offset)
                }
                base = try group()
            }
        }
        let argument: IdentityExpression
        if let open = peek, open.isSymbol("(") || open.isSymbol("[") {
            argument = try primary()
        } else {
            guard let next = peek, startsFactor(next) else {
                throw IdentityProblem("identity.syntax", "\\\(t.text) needs an argument", at: t.offset)
            }
            argument = try term(bare: true)
        }
        var result = base.map { IdentityExpression(.call(.logBase, [$0, argument]), at: t.offset) }
            ?? IdentityExpression(.call(function, [argument]), at: t.offset)
        if let power { result = IdentityExpression(.power(result, power), at: t.offset) }
        return result
    }

    /// `\max(a, b, …)` or `\min\{a, b\}`.
    mutating func extremum(_ function: IdentityExpression.Function, at t: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        guard let open = peek, open.isSymbol("(") || open.isCommand("{") else {
            throw IdentityProblem("identity.syntax", "\\\(t.text) takes its arguments in parentheses: \\\(t.text)(a, b)", at: t.offset)
        }
        position += 1
        var arguments = [try expression()]
        while let comma = peek, comma.isSymbol(",") {
            position += 1
            arguments.append(try expression())
        }
        guard let close = peek, open.isSymbol("(") ? close.isSymbol(")") : close.isCommand("}") else {
            throw IdentityProblem("identity.syntax", "this \\\(t.text) is never closed", at: open.offset)
        }
        position += 1
        return IdentityExpression(.call(function, arguments), at: t.offset)
    }

    /// `\sum_{i=a}^{b} body` (bounds in either order).
    mutating func aggregate(_ kind: IdentityExpression.Aggregate, at t: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        var index: String?
        var from: IdentityExpression?
        var to: IdentityExpression?
        for _ in 0..<2 {
            guard let u = peek, u.isSymbol("_") || u.isSymbol("^") else { break }
            position += 1
            if u.text == "_" {
                let raw = try rawGroup(after: u)
                guard raw.count >= 3, raw[0].kind == .letter || (raw[0].kind == .command && Self.greek.contains(raw[0].text)),
                      raw[1].isSymbol("=") else {
                    throw IdentityProblem("identity.syntax", "write the index and its first value: \\\(t.text)_{i=1}^{n}", at: u.offset)
                }
                index = raw[0].text
                var p = ExpressionParser(tokens: Array(raw[2...]), names: names, bound: bound, end: u.end)
                from = try p.wholeExpression()
            } else {
                to = try group()
            }
        }
        guard let index, let from, let to else {
            throw IdentityProblem(
                "identity.syntax", "\\\(t.text) needs integer bounds: \\\(t.text)_{i=1}^{n}", at: t.offset,
                explanation: "a sum or product without both bounds cannot be evaluated")
        }
        if names[index] != nil {
            throw IdentityProblem("identity.syntax", "the index '\(index)' is also a declared variable; use another letter", at: t.offset)
        }
        bound.append(index)
        defer { bound.removeLast() }
        let body = try term()
        return IdentityExpression(.aggregate(kind, index: index, from: from, to: to, body: body), at: t.offset)
    }

    /// `\begin{bmatrix} a & b \\ c & d \end{bmatrix}` (also `pmatrix`, `matrix`, `Bmatrix`, `vmatrix` is refused).
    mutating func matrixLiteral(at t: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        let environment = try word(after: t)
        guard ["bmatrix", "pmatrix", "matrix", "Bmatrix"].contains(environment) else {
            throw IdentityProblem(
                "identity.unsupported", "\\begin{\(environment)} is not in the subset: matrices are written with bmatrix or pmatrix",
                at: t.offset)
        }
        var rows: [[IdentityExpression]] = [[]]
        while true {
            guard let u = peek else { throw IdentityProblem("identity.syntax", "\\begin{\(environment)} is never ended", at: t.offset) }
            if u.isCommand("end") {
                position += 1
                let closing = try word(after: u)
                guard closing == environment else {
                    throw IdentityProblem("identity.syntax", "\\begin{\(environment)} is ended by \\end{\(closing)}", at: u.offset)
                }
                break
            }
            rows[rows.count - 1].append(try expression())
            if let sep = peek, sep.isSymbol("&") {
                position += 1
            } else if let sep = peek, sep.isCommand("\\") {
                position += 1
                if let next = peek, next.isCommand("end") { continue }
                rows.append([])
            }
        }
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else {
            throw IdentityProblem("identity.syntax", "the rows of this matrix have different lengths", at: t.offset)
        }
        return IdentityExpression(.matrix(rows), at: t.offset)
    }

    /// The expression between `open` (already read) and the token `closes` accepts, with
    /// `depth` counting the open bars so that a bar inside closes rather than opens.
    private mutating func enclosed(
        by open: TeXToken, depth: WritableKeyPath<ExpressionParser, Int>, closes: (TeXToken) -> Bool
    ) throws(IdentityProblem) -> IdentityExpression {
        self[keyPath: depth] += 1
        let e = try expression()
        self[keyPath: depth] -= 1
        guard let close = peek, closes(close) else {
            throw IdentityProblem("identity.syntax", "this \\\(open.text) is never closed", at: open.offset)
        }
        position += 1
        return e
    }

    /// The subscript after a norm: none (2-norm, Frobenius for a matrix), `_2`, `_1`, `_\infty`, `_F`.
    mutating func normSubscript() throws(IdentityProblem) -> IdentityExpression.Norm {
        guard let u = peek, u.isSymbol("_") else { return .two }
        position += 1
        let raw = try rawGroup(after: u).map(\.text).joined()
        switch raw {
        case "2": return .two
        case "1": return .one
        case "infty": return .infinity
        case "F": return .frobenius
        default: throw IdentityProblem("identity.unsupported", "the norm \\|·\\|_\(raw) is not in the subset (2, 1, \\infty, F are)", at: u.offset)
        }
    }

    // MARK: - Tokens

    init(tokens: [TeXToken], names: [String: VariableShape], bound: [String] = [], end: Int) {
        self.tokens = tokens
        self.names = names
        self.bound = bound
        endOffset = end
    }

    private var peek: TeXToken? { position < tokens.count ? tokens[position] : nil }

    /// The tokens of `{…}` (balanced) or the single token after `_`.
    private mutating func rawGroup(after u: TeXToken) throws(IdentityProblem) -> [TeXToken] {
        guard let t = peek else { throw IdentityProblem("identity.syntax", "nothing after '\(u.text)'", at: u.offset) }
        position += 1
        guard t.isSymbol("{") else { return [t] }
        var depth = 1
        var inner: [TeXToken] = []
        while let v = peek {
            position += 1
            if v.isSymbol("{") { depth += 1 }
            if v.isSymbol("}") {
                depth -= 1
                if depth == 0 { return inner }
            }
            inner.append(v)
        }
        throw IdentityProblem("identity.syntax", "this '{' is never closed", at: t.offset)
    }

    /// The letters of `{word}` after a command such as `\operatorname` or `\begin`.
    private mutating func word(after t: TeXToken) throws(IdentityProblem) -> String {
        let raw = try rawGroup(after: t)
        return raw.map { $0.kind == .command ? $0.text : $0.text }.joined()
    }

    private mutating func expect(_ symbol: String, opening: TeXToken) throws(IdentityProblem) {
        guard let t = peek else {
            throw IdentityProblem("identity.syntax", "this '\(opening.text)' is never closed", at: opening.offset)
        }
        guard t.isSymbol(symbol) else {
            throw IdentityProblem("identity.syntax", "expected '\(symbol)' to close the '\(opening.text)' at byte \(opening.offset), found '\(display(t))'", at: t.offset)
        }
        position += 1
    }

    private func unexpected(_ t: TeXToken) -> IdentityProblem {
        if t.kind == .command, !Self.namedFunctions.keys.contains(t.text) {
            return IdentityProblem(
                "identity.unsupported", "'\\\(t.text)' is not in the subset of TeX that identities understand", at: t.offset,
                explanation: IdentityProblem.subset)
        }
        return IdentityProblem("identity.syntax", "unexpected '\(display(t))'", at: t.offset)
    }

    private func display(_ t: TeXToken) -> String { t.kind == .command ? "\\" + t.text : t.text }

    /// Whether `t` can start a factor, so that writing it after another means multiplying.
    private func startsFactor(_ t: TeXToken) -> Bool {
        switch t.kind {
        case .number, .letter: return true
        case .symbol:
            if t.text == "|" { return openBars == 0 }
            return t.text == "(" || t.text == "[" || t.text == "{"
        case .command:
            if t.text == "|" || t.text == "Vert" { return openNorms == 0 }
            return !Self.notFactors.contains(t.text)
        }
    }

    private func startsFunction(_ t: TeXToken) -> Bool {
        guard t.kind == .command else { return false }
        if ["operatorname", "mathrm", "text"].contains(t.text) { return true }
        return Self.namedFunctions[t.text] != nil || t.text == "max" || t.text == "min" || t.text == "sum" || t.text == "prod"
    }

    /// Commands that never start a factor: operators, closers, relations.
    static let notFactors: Set<String> = [
        "cdot", "times", "rVert", "rvert", "rfloor", "rceil", "end", "\\", "}", "top", "intercal", "ne", "neq", "le", "leq", "ge",
        "geq", "lt", "gt", "approx", "equiv", "sim", "in", "dots", "ldots", "cdots", "infty",
    ]

    static let namedFunctions: [String: IdentityExpression.Function] = [
        "sin": .sin, "cos": .cos, "tan": .tan, "cot": .cot, "sec": .sec, "csc": .csc, "arcsin": .arcsin, "arccos": .arccos,
        "arctan": .arctan, "sinh": .sinh, "cosh": .cosh, "tanh": .tanh, "coth": .coth, "exp": .exp, "ln": .ln, "log": .log,
        "det": .det, "tr": .trace, "Tr": .trace, "trace": .trace, "Gamma": .gamma,
    ]

    /// Greek letters that name variables (`\pi` is π; `\Gamma` is the gamma function).
    static let greek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Delta",
        "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega",
    ]
}
