/// Reads the declarations of one `where` line (after the word `where`): one or more,
/// separated by `;`, each `names relation domain [properties]`:
///
/// ```
/// where x, y \in [-2, 2]; n \in \{1, \dots, 30\}
/// where t > 0
/// where A, B \in \mathbb{R}^{3 \times 3} positive definite
/// ```
///
/// See ``VariableDomain`` for the domains and how each is sampled.
enum WhereClause {
    /// The declarations of `text`, which starts at byte `offset` of the block.
    static func parse(_ text: String, offset: Int) throws(IdentityProblem) -> [Declaration] {
        var result: [Declaration] = []
        var start = 0
        let bytes = Array(text.utf8)
        var depth = 0
        for k in 0...bytes.count {
            let b = k < bytes.count ? bytes[k] : UInt8(ascii: ";")
            if b == UInt8(ascii: "{") { depth += 1 }
            if b == UInt8(ascii: "}") { depth -= 1 }
            guard b == UInt8(ascii: ";"), depth <= 0 else { continue }
            let piece = String(decoding: bytes[start..<k], as: UTF8.self)
            if !piece.allSatisfy({ $0.isWhitespace }) {
                result.append(try declaration(piece, offset: offset + start))
            } else if k < bytes.count || result.isEmpty {
                throw IdentityProblem(
                    "identity.where", "this where line declares nothing", at: offset + start,
                    explanation: "write the names and where they take their values: where x \\in [-1, 1]")
            }
            start = k + 1
        }
        return result
    }

    static func declaration(_ text: String, offset: Int) throws(IdentityProblem) -> Declaration {
        let tokens = TeXLexer.tokens(text).map { t in
            var t = t
            t.offset += offset
            t.end += offset
            return t
        }
        var k = 0
        var names: [String] = []
        // Names, separated by commas, up to the relation.
        while k < tokens.count {
            let t = tokens[k]
            var name: String
            if t.kind == .letter || (t.kind == .command && ExpressionParser.greek.contains(t.text)) {
                name = t.text
                k += 1
            } else if t.kind == .command, ["mathbf", "boldsymbol", "bm", "vec", "mathit"].contains(t.text),
                      k + 3 < tokens.count, tokens[k + 1].isSymbol("{"), tokens[k + 3].isSymbol("}") {
                name = tokens[k + 2].text
                k += 4
            } else {
                break
            }
            if k < tokens.count, tokens[k].isSymbol("_") {
                let (sub, next) = rawGroup(tokens, after: k)
                name += "_" + sub.map(\.text).joined()
                k = next
            }
            names.append(name)
            if k < tokens.count, tokens[k].isSymbol(",") { k += 1 } else { break }
        }
        guard let relation = k < tokens.count ? tokens[k] : nil else {
            throw IdentityProblem(
                "identity.where", names.isEmpty ? "this where line declares nothing" : "'\(names.joined(separator: ", "))' needs a domain",
                at: tokens.last?.offset ?? offset,
                explanation: "write where x \\in [-1, 1], where x > 0, where n \\in \\{1, \\dots, 20\\} or where A \\in \\mathbb{R}^{3 \\times 3}")
        }
        guard !names.isEmpty else {
            throw IdentityProblem(
                "identity.where", "a where line starts with the names it declares", at: relation.offset,
                explanation: "e.g. where x, y \\in [-1, 1]")
        }
        k += 1
        let domain: VariableDomain
        var rest: Int  // index of the first token after the domain
        switch relation.text {
        case "in":
            (domain, rest) = try setDomain(tokens, from: k, after: relation)
        case ">", "<", "gt", "lt", "ge", "geq", "le", "leq":
            let above = [">", "gt", "ge", "geq"].contains(relation.text)
            let inclusive = ["ge", "geq", "le", "leq"].contains(relation.text)
            domain = .halfLine(bound: try constant(Array(tokens[k...]), at: relation), above: above, inclusive: inclusive)
            rest = tokens.count
        default:
            throw IdentityProblem(
                "identity.domain", "unknown domain after '\(names.joined(separator: ", "))': '\(relation.kind == .command ? "\\" : "")\(relation.text)'",
                at: relation.offset,
                explanation: "write \\in [a, b], > a, \\ge a, \\in \\{1, \\dots, n\\}, \\in \\mathbb{R}^n or \\in \\mathbb{R}^{m \\times n}")
        }
        let texEnd = rest < tokens.count ? tokens[rest].offset - offset : text.utf8.count
        let tex = String(decoding: Array(text.utf8)[..<texEnd], as: UTF8.self).trimmingSpaces()
        var properties = ""
        var final = domain
        if rest < tokens.count {
            let propertyText = String(decoding: Array(text.utf8)[texEnd...], as: UTF8.self)
            properties = Self.words(propertyText)
            final = try withProperties(domain, properties, at: tokens[rest].offset)
        }
        return Declaration(names: names, domain: final, tex: tex, properties: properties, offset: offset)
    }

    /// The domain after `\in`, and the index of the first token after it.
    private static func setDomain(_ tokens: [TeXToken], from k: Int, after relation: TeXToken) throws(IdentityProblem) -> (VariableDomain, Int) {
        guard k < tokens.count else {
            throw IdentityProblem("identity.domain", "nothing after \\in", at: relation.offset)
        }
        let t = tokens[k]
        if t.isSymbol("[") || t.isSymbol("(") {
            // An interval: find the comma and the closing bracket at depth 0.
            var depth = 0
            var comma: Int?
            var j = k + 1
            while j < tokens.count {
                let u = tokens[j]
                if u.isSymbol("{") || (comma == nil && (u.isSymbol("(") || u.isSymbol("["))) { depth += 1 }
                if depth > 0, u.isSymbol("}") || u.isSymbol(")") || u.isSymbol("]") {
                    depth -= 1
                } else if depth == 0, u.isSymbol(","), comma == nil {
                    comma = j
                } else if depth == 0, comma != nil, u.isSymbol("]") || u.isSymbol(")") {
                    break
                }
                j += 1
            }
            guard let comma, j < tokens.count else {
                throw IdentityProblem("identity.domain", "an interval is written [a, b] (or with parentheses for open ends)", at: t.offset)
            }
            let lower = try constant(Array(tokens[(k + 1)..<comma]), at: t)
            let upper = try constant(Array(tokens[(comma + 1)..<j]), at: tokens[comma])
            return (.interval(lower: lower, upper: upper, closedLower: t.text == "[", closedUpper: tokens[j].text == "]"), j + 1)
        }
        if t.isCommand("{") {
            return try integerSet(tokens, from: k)
        }
        var set = ""
        var j = k
        if t.isCommand("R") {
            set = "R"
            j += 1
        } else if t.isCommand("mathbb") || t.isCommand("mathbf") {
            let (inner, next) = rawGroup(tokens, after: k)
            set = inner.map(\.text).joined()
            j = next
        }
        switch set {
        case "R":
            guard j < tokens.count, tokens[j].isSymbol("^") else { return (.realLine, j) }
            let (power, next) = rawGroup(tokens, after: j)
            if power.count == 1, power[0].kind == .number, let n = Int(power[0].text), n > 0 {
                return (.vector(n, unit: false), next)
            }
            if power.count == 3, power[0].kind == .number, power[1].isCommand("times"), power[2].kind == .number,
               let m = Int(power[0].text), let n = Int(power[2].text), m > 0, n > 0 {
                return (.matrix(rows: m, columns: n, property: nil), next)
            }
            throw IdentityProblem(
                "identity.domain", "write the size with numbers: \\mathbb{R}^3 or \\mathbb{R}^{3 \\times 3}", at: tokens[j].offset,
                explanation: "sizes that are variables are not supported: the sample needs a size")
        case "Z", "N":
            throw IdentityProblem(
                "identity.domain", "an integer variable needs a finite range: \\in \\{1, \\dots, 50\\}", at: t.offset)
        default:
            throw IdentityProblem(
                "identity.domain", "unknown domain", at: t.offset,
                explanation: "write [a, b], (a, b), \\{1, \\dots, n\\}, \\mathbb{R}, \\mathbb{R}^n or \\mathbb{R}^{m \\times n}")
        }
    }

    /// `\{a, \dots, b\}`, `\{a, a+1, \dots, b\}` or `\{a, b, c\}` with integer entries.
    private static func integerSet(_ tokens: [TeXToken], from k: Int) throws(IdentityProblem) -> (VariableDomain, Int) {
        var items: [Int?] = []  // nil for \dots
        var j = k + 1
        var current: [TeXToken] = []
        func flush(at token: TeXToken) throws(IdentityProblem) {
            let text = current.map(\.text).joined()
            if current.count == 1, current[0].kind == .command, ["dots", "ldots", "cdots"].contains(current[0].text) || text == "..." {
                items.append(nil)
            } else if text == "..." {
                items.append(nil)
            } else if let n = Int(text) {
                items.append(n)
            } else {
                throw IdentityProblem(
                    "identity.domain", "'\(text)' is not an integer: a set of integers lists integers and \\dots",
                    at: current.first?.offset ?? token.offset)
            }
            current = []
        }
        while j < tokens.count, !tokens[j].isCommand("}") {
            if tokens[j].isSymbol(",") { try flush(at: tokens[j]) } else { current.append(tokens[j]) }
            j += 1
        }
        guard j < tokens.count else { throw IdentityProblem("identity.domain", "this \\{ is never closed by \\}", at: tokens[k].offset) }
        try flush(at: tokens[j])
        let dots = items.indices.filter { items[$0] == nil }
        if dots.isEmpty {
            let values = items.compactMap { $0 }
            return (.integers(values), j + 1)
        }
        guard dots.count == 1, dots[0] == items.count - 2, dots[0] >= 1, let first = items[0], let last = items.last!,
              dots[0] == 1 || (dots[0] == 2 && items[1] == first + 1), last >= first else {
            throw IdentityProblem(
                "identity.domain", "write a range of integers as \\{a, \\dots, b\\} (or \\{a, a+1, \\dots, b\\}) with a ≤ b",
                at: tokens[k].offset)
        }
        return (.integerRange(first, last), j + 1)
    }

    /// A constant bound: an expression without variables.
    private static func constant(_ tokens: [TeXToken], at anchor: TeXToken) throws(IdentityProblem) -> IdentityExpression {
        guard !tokens.isEmpty else { throw IdentityProblem("identity.domain", "a bound is missing", at: anchor.offset) }
        var parser = ExpressionParser(tokens: tokens, names: [:], end: tokens.last!.end)
        do {
            return try parser.wholeExpression()
        } catch {
            if error.id == "identity.undeclared" {
                throw IdentityProblem("identity.domain", "a bound must be a number (such as 1, -\\pi or \\frac{1}{2}), not a variable", at: error.offset)
            }
            throw error
        }
    }

    /// The domain with the properties written after it.
    private static func withProperties(_ domain: VariableDomain, _ words: String, at offset: Int) throws(IdentityProblem) -> VariableDomain {
        switch domain {
        case let .vector(n, _) where words == "unit":
            return .vector(n, unit: true)
        case let .matrix(m, n, _):
            let property: VariableDomain.MatrixProperty? = switch words {
            case "symmetric": .symmetric
            case "positive definite", "symmetric positive definite", "spd": .positiveDefinite
            case "orthogonal": .orthogonal
            case "invertible", "": nil
            default:
                throw IdentityProblem(
                    "identity.domain", "unknown matrix property '\(words)'", at: offset,
                    explanation: "known: symmetric, positive definite, orthogonal")
            }
            if property != nil, m != n {
                throw IdentityProblem("identity.domain", "a \(words) matrix is square; this one is \(m)×\(n)", at: offset)
            }
            return .matrix(rows: m, columns: n, property: property)
        case .vector:
            throw IdentityProblem("identity.domain", "unknown vector property '\(words)'", at: offset, explanation: "known: unit")
        default:
            throw IdentityProblem(
                "identity.domain", "unexpected '\(words)' after the domain", at: offset,
                explanation: "properties are for vectors (unit) and matrices (symmetric, positive definite, orthogonal)")
        }
    }

    /// The words of a properties text: `\text{…}` and similar wrappers, commas, spacing
    /// and parentheses removed, lower case, single spaces.
    static func words(_ text: String) -> String {
        var t = text
        for wrapper in ["\\text", "\\mathrm", "\\textrm", "\\textit", "\\operatorname", "\\quad", "\\qquad", "\\,", "\\;", "\\ "] {
            t = t.replacing(wrapper, with: " ")
        }
        let kept = t.map { c -> Character in c.isLetter ? Character(c.lowercased()) : " " }
        return String(kept).split(separator: " ").filter { $0 != "and" }.joined(separator: " ")
    }

    /// The tokens of `{…}` (or the single token) after index `k` (which holds `_`, `^` or a
    /// command), and the index after it.
    private static func rawGroup(_ tokens: [TeXToken], after k: Int) -> ([TeXToken], Int) {
        var j = k + 1
        guard j < tokens.count else { return ([], j) }
        guard tokens[j].isSymbol("{") else { return ([tokens[j]], j + 1) }
        var depth = 1
        var inner: [TeXToken] = []
        j += 1
        while j < tokens.count {
            if tokens[j].isSymbol("{") { depth += 1 }
            if tokens[j].isSymbol("}") {
                depth -= 1
                if depth == 0 { return (inner, j + 1) }
            }
            inner.append(tokens[j])
            j += 1
        }
        return (inner, j)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
