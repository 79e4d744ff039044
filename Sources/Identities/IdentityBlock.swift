/// A `math identity` block, read: the formula `LHS = RHS` (a chain `a = b = c` is
/// several links), its variables' declarations from the `where` lines, and every problem
/// found, each placeable at its article line and column.
///
/// ```math identity
/// \det(AB) = \det A \det B
/// where A, B \in \mathbb{R}^{3 \times 3}
/// ```
///
/// Lines that start with `where` (or `\text{where}`) declare variables (see
/// ``WhereClause`` and ``VariableDomain``); the other lines are the formula. A final `.`
/// or `,` of the formula is punctuation of the sentence, not part of the math, and `$`
/// signs (a habit from the prose) are ignored. Reading
/// never fails: problems are collected and a block with problems is never evaluated.
public struct IdentityBlock: Hashable, Sendable {
    /// Random points per link when the block's info string does not say (`samples=N`).
    public static let defaultSamples = 200
    /// Seed of the points when the info string does not say (`seed=N`).
    public static let defaultSeed: UInt64 = 1

    /// A line of the block as the article has it: its text, its article line, and the
    /// 1-based byte column of its first character.
    public struct Line: Hashable, Sendable {
        public var text: String
        public var line: Int
        public var column: Int
        public init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    public var lines: [Line]
    /// The formula's TeX as written (its lines joined), for the page.
    public var formula: String
    /// The sides of the chain, in order (at least two when there are no problems).
    public var sides: [IdentityExpression]
    /// Each link's TeX (`a = b` for link 0 of `a = b = c`): the claims' labels.
    public var links: [String]
    /// Byte offsets of the `=` signs, one per link.
    public var equalSigns: [Int]
    public var declarations: [Declaration]
    public var problems: [IdentityProblem]

    /// The lines' text joined by newlines: the coordinate system of every offset.
    private var text: String

    /// Reads a block from its lines.
    public static func parse(_ lines: [Line]) -> IdentityBlock {
        var block = IdentityBlock(lines: lines, formula: "", sides: [], links: [], equalSigns: [], declarations: [], problems: [], text: "")
        block.text = lines.map(\.text).joined(separator: "\n")
        // The formula's text: the block with its where lines blanked, so offsets agree.
        var formulaBytes: [UInt8] = []
        var formulaLines: [String] = []
        var names: [String: VariableShape] = [:]
        var offset = 0
        for line in lines {
            // `$` and `$$` around the math are the author's habit from the prose: blanks here.
            let bytes = Array(line.text.utf8).map { $0 == UInt8(ascii: "$") ? UInt8(ascii: " ") : $0 }
            if let keyword = whereKeywordLength(line.text) {
                formulaBytes += [UInt8](repeating: 32, count: bytes.count) + [10]
                let rest = String(decoding: bytes[keyword...], as: UTF8.self)
                do {
                    for declaration in try WhereClause.parse(rest, offset: offset + keyword) {
                        for name in declaration.names {
                            if names[name] != nil {
                                block.problems.append(IdentityProblem("identity.where", "'\(name)' is declared twice", at: declaration.offset))
                            }
                            names[name] = declaration.domain.shape
                        }
                        block.declarations.append(declaration)
                    }
                } catch {
                    block.problems.append(error)
                }
            } else {
                formulaBytes += bytes + [10]
                let shown = String(decoding: bytes, as: UTF8.self)
                if !shown.allSatisfy(\.isWhitespace) { formulaLines.append(shown.trimmingSpaces()) }
            }
            offset += bytes.count + 1
        }
        block.formula = formulaLines.joined(separator: "\n")
        // Sentence punctuation after the formula.
        if let last = formulaBytes.lastIndex(where: { $0 != 32 && $0 != 10 && $0 != 9 }),
           formulaBytes[last] == UInt8(ascii: ".") || formulaBytes[last] == UInt8(ascii: ",") {
            formulaBytes[last] = 32
            if let c = block.formula.last, c == "." || c == "," { block.formula.removeLast() }
        }
        guard !formulaLines.isEmpty else {
            block.problems.append(
                IdentityProblem(
                    "identity.relation", "this identity block has no formula", at: 0,
                    explanation: "write LHS = RHS on a line of its own, then the where lines"))
            return block
        }
        var parser = ExpressionParser(String(decoding: formulaBytes, as: UTF8.self), names: names)
        do {
            let (sides, starts, equals) = try parser.relation()
            block.sides = sides
            block.equalSigns = equals
            let all = Array(String(decoding: formulaBytes, as: UTF8.self).utf8)
            for k in 0..<(sides.count - 1) {
                let end = k + 2 < starts.count ? equals[k + 1] : all.count
                let tex = String(decoding: all[starts[k]..<end], as: UTF8.self)
                block.links.append(tex.split(whereSeparator: \.isWhitespace).joined(separator: " "))
            }
        } catch {
            block.problems.append(error)
        }
        return block
    }

    /// Where a verdict of this block is reported, and its label.
    public struct ClaimSite: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var label: String
    }

    /// One claim per link, at its `=` sign, labelled with the link's TeX; a block that
    /// could not be read has one claim, at its first line, which can never pass.
    public var claimSites: [ClaimSite] {
        if problems.isEmpty, !links.isEmpty {
            return links.indices.map { k in
                let place = location(ofByte: equalSigns[k])
                return ClaimSite(line: place.line, column: place.column, label: links[k])
            }
        }
        let first = lines.first { !$0.text.allSatisfy(\.isWhitespace) } ?? lines.first
        return [ClaimSite(line: first?.line ?? 0, column: first?.column ?? 1, label: formula.isEmpty ? "identity" : formula)]
    }

    /// The article line and column of byte `offset` of the block's text.
    public func location(ofByte offset: Int) -> (line: Int, column: Int) {
        var start = 0
        for line in lines {
            let length = line.text.utf8.count
            if offset <= start + length { return (line.line, line.column + max(0, offset - start)) }
            start += length + 1
        }
        guard let last = lines.last else { return (0, 1) }
        return (last.line, last.column + last.text.utf8.count)
    }

    /// The length of the `where` keyword that starts `line` (with the spaces before it), or nil.
    static func whereKeywordLength(_ line: String) -> Int? {
        let bytes = Array(line.utf8)
        var k = 0
        while k < bytes.count, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
        for keyword in ["\\text{where}", "\\mathrm{where}", "where"] {
            let word = Array(keyword.utf8)
            guard bytes.count >= k + word.count, Array(bytes[k..<(k + word.count)]) == word else { continue }
            let after = k + word.count
            if after == bytes.count || bytes[after] == 32 || bytes[after] == 9 || keyword.hasPrefix("\\") { return after }
        }
        return nil
    }
}
