import Diagnostics

/// Replaces each `$...$` and `$$...$$` formula of Markdown text by a placeholder, so that
/// cmark never sees TeX, and reports unclosed display math.
///
/// Rules (those of common math-in-Markdown tools):
/// - lines of code blocks, code spans and `\$` are never math;
/// - `$$` opens display math that closes at the next `$$`; it may span lines but not a
///   blank line — an unclosed `$$` is an error diagnostic at its line;
/// - `$` opens inline math only when followed by a non-space, and closes at the next `$`
///   that follows a non-space and is not followed by a digit (so "$5 and $10" is text);
///   an inline formula never spans a blank line;
/// - line numbers are kept: each further line of a formula becomes a continuation marker.
///
/// Works on UTF-8 bytes: every character with a meaning here is ASCII, and a multi-byte
/// sequence never contains an ASCII byte.
struct MathProtector {
    let file: String
    /// 1-based lines that belong to code blocks (including fences): left as they are.
    let codeLines: Set<Int>

    struct Result {
        /// The protected text's UTF-8 bytes: what cmark reads (no String is made of them).
        var bytes: [UInt8]
        /// The protected text.
        var text: String { String(decoding: bytes, as: UTF8.self) }
        var spans: [MathSpan]
        var diagnostics: [Diagnostic]
        /// Every formula and code span found, by source lines: what the protection
        /// depended on, for ``isUnaffected(byCodeBlocks:)``.
        var regions: [Region] = []
        /// Where each placeholder stands, to give cmark's columns back in the source's terms.
        var columns = ColumnMap()
    }

    /// The source lines of a formula or a code span.
    struct Region {
        enum Kind { case math, codeSpan }
        var kind: Kind
        var lines: ClosedRange<Int>
        /// A formula with a later line that, were it not hidden, could start a block that
        /// decides where code is (a fence, `<`, `>` or a list marker).
        var hidesBlockStart = false
    }

    private static let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`")
    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    /// The bytes that end a run of ordinary text: newline, `$`, `\\` and backtick.
    private static let stopsRun: [Bool] = (0..<256).map { byte in
        [newline, dollar, backslash, backtick].contains(UInt8(byte))
    }

    func protect(_ source: String) -> Result {
        let b = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var spans: [MathSpan] = []
        var diagnostics: [Diagnostic] = []
        var line = 1
        var lineStart = 0
        var i = 0
        // Fast path: no dollar sign at all.
        guard b.contains(Self.dollar) else { return Result(bytes: b, spans: [], diagnostics: []) }
        var regions: [Region] = []
        var columns = ColumnMap()
        // Where the current line starts in `out`.
        var outLineStart = 0

        // The last column computed, so that a line with many formulas is counted once.
        var counted = (lineStart: -1, at: 0, column: 1)
        func location(_ at: Int) -> SourceLocation {
            // Column in Unicode scalars: count the bytes that start a scalar.
            if counted.lineStart != lineStart || at < counted.at { counted = (lineStart, lineStart, 1) }
            let column = counted.column + Self.scalarCount(b, counted.at..<at)
            counted = (lineStart, at, column)
            return SourceLocation(file: file, line: line, column: column)
        }

        func copy(through end: Int) {
            for k in i..<min(end, b.count) where b[k] == Self.newline {
                line += 1
                lineStart = k + 1
                outLineStart = out.count + (k - i) + 1
            }
            out.append(contentsOf: b[i..<min(end, b.count)])
            i = min(end, b.count)
        }

        /// Copies `b[i..<end]`, in which only the last byte may be a newline.
        func copyRun(through end: Int) {
            out.append(contentsOf: b[i..<end])
            if b[end - 1] == Self.newline {
                line += 1
                lineStart = end
                outLineStart = out.count
            }
            i = end
        }

        /// Writes the placeholder for the formula `b[i..<end]`, with TeX `b[texStart..<texEnd]`.
        func emit(texStart: Int, texEnd: Int, end: Int, display: Bool) {
            let index = spans.count
            var region = Region(kind: .math, lines: line...line)
            spans.append(MathSpan(
                index: index, tex: String(decoding: b[texStart..<texEnd], as: UTF8.self), isDisplay: display,
                location: location(i), texLocation: location(texStart)))
            // Each line's piece of the formula, as (protected, source) 1-based byte columns.
            var pieceStart = (out.count - outLineStart + 1, i - lineStart + 1)
            func endPiece(at sourceEnd: Int) {
                columns.add(
                    line: line, protected: pieceStart.0..<(out.count - outLineStart + 1),
                    source: pieceStart.1..<(sourceEnd - lineStart + 1))
            }
            MathPlaceholder.appendToken(index, to: &out)
            var k = i
            while k < end {
                if b[k] == Self.newline {
                    endPiece(at: k)
                    out.append(Self.newline)
                    line += 1
                    lineStart = k + 1
                    outLineStart = out.count
                    // Keep the indentation of the next line, so list items hold together.
                    var j = k + 1
                    while j < end, b[j] == Self.space || b[j] == Self.tab {
                        out.append(b[j])
                        j += 1
                    }
                    pieceStart = (out.count - outLineStart + 1, j - lineStart + 1)
                    out.append(contentsOf: MathPlaceholder.continuationUTF8)
                    region.hidesBlockStart = region.hidesBlockStart || Self.couldOpenBlock(b, lineStart: k + 1, end: end)
                }
                k += 1
            }
            endPiece(at: end)
            spans[index].endLocation = location(end)
            region.lines = region.lines.lowerBound...line
            regions.append(region)
            i = end
        }

        // Code lines by number, looked up for every run of text.
        var isCodeLine = [Bool](repeating: false, count: (codeLines.max() ?? 0) + 1)
        for n in codeLines where n >= 0 { isCodeLine[n] = true }
        while i < b.count {
            let c = b[i]
            if line < isCodeLine.count, isCodeLine[line] {
                var end = i
                while end < b.count, b[end] != Self.newline { end += 1 }
                copy(through: end + 1)
                continue
            }
            if c == Self.backslash, i + 1 < b.count {
                copy(through: i + 2)
                continue
            }
            if c == Self.backtick {
                let run = runLength(b, from: i)
                if let close = closingBackticks(b, after: i + run, length: run) {
                    let startLine = line
                    copy(through: close + run)
                    regions.append(Region(kind: .codeSpan, lines: startLine...line))
                } else {
                    copy(through: i + run)
                }
                continue
            }
            if c == Self.dollar {
                if i + 1 < b.count, b[i + 1] == Self.dollar {
                    if let close = closingDisplay(b, from: i + 2) {
                        emit(texStart: i + 2, texEnd: close, end: close + 2, display: true)
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                .error, id: "math.unclosed-display", at: location(i),
                                "display math opened with $$ is never closed",
                                explanation: "add the closing $$ before the next blank line, or write \\$ for a literal dollar sign"))
                        copy(through: i + 2)
                    }
                    continue
                }
                if let close = closingInline(b, from: i + 1) {
                    emit(texStart: i + 1, texEnd: close, end: close + 1, display: false)
                } else {
                    copy(through: i + 1)
                }
                continue
            }
            // Copy a run of ordinary bytes at once (up to and including a newline).
            var end = i + 1
            if c != Self.newline {
                end = Self.nextStop(b, from: end)
                if end < b.count, b[end] == Self.newline { end += 1 }
            }
            copyRun(through: end)
        }
        return Result(
            bytes: out, spans: spans, diagnostics: diagnostics, regions: regions,
            columns: columns)
    }

    /// The index of the first byte at or after `start` that ends a run of ordinary text
    /// (``stopsRun``), or `b.count`; eight bytes at a time (``ByteWord``).
    static func nextStop(_ b: [UInt8], from start: Int) -> Int {
        b.withUnsafeBufferPointer { p in
            stopsRun.withUnsafeBufferPointer { stops in
                ByteWord.firstIndex(
                    in: p, from: start,
                    hits: { w in
                        ByteWord.equal(w, newline) | ByteWord.equal(w, dollar) | ByteWord.equal(w, backslash)
                            | ByteWord.equal(w, backtick)
                    }, isHit: { stops[Int($0)] })
            }
        }
    }

    /// How many Unicode scalars start in `b[range]`: its bytes but the continuation bytes
    /// (`10xxxxxx`), counted eight at a time.
    static func scalarCount(_ b: [UInt8], _ range: Range<Int>) -> Int {
        b.withUnsafeBytes { raw in
            var count = 0, k = range.lowerBound
            while k + 8 <= range.upperBound {
                let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                count += 8 - (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                k += 8
            }
            while k < range.upperBound {
                if raw[k] & 0xC0 != 0x80 { count += 1 }
                k += 1
            }
            return count
        }
    }

    /// Whether the line starting at `start` (up to `end`) could, if it were not hidden in a
    /// formula, start a block that decides where code is: after spaces and tabs, a `>`
    /// (block quote), a list marker, a code fence or a `<` (HTML block).
    private static func couldOpenBlock(_ b: [UInt8], lineStart start: Int, end: Int) -> Bool {
        var k = start
        while k < end, b[k] == space || b[k] == tab { k += 1 }
        guard k < end else { return false }
        let c = b[k]
        func followedBySpace(_ j: Int) -> Bool { j >= b.count || b[j] == space || b[j] == tab || b[j] == newline }
        if c == UInt8(ascii: "<") || c == UInt8(ascii: ">") { return true }
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "*") { return followedBySpace(k + 1) }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) {
            var j = k
            while j < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) { j += 1 }
            return j < b.count && (b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ")")) && followedBySpace(j + 1)
        }
        guard c == backtick || c == UInt8(ascii: "~"), k + 2 < b.count else { return false }
        return b[k + 1] == c && b[k + 2] == c
    }

    private func runLength(_ b: [UInt8], from start: Int) -> Int {
        var end = start
        while end < b.count, b[end] == Self.backtick { end += 1 }
        return end - start
    }

    /// The start of the next run of exactly `length` backticks in the same paragraph.
    private func closingBackticks(_ b: [UInt8], after start: Int, length: Int) -> Int? {
        var j = start
        while j < b.count {
            if isBlankLineStart(b, j) { return nil }
            if b[j] == Self.backtick {
                let run = runLength(b, from: j)
                if run == length { return j }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// The index of the `$$` closing display math opened before `start`.
    private func closingDisplay(_ b: [UInt8], from start: Int) -> Int? {
        var j = start
        while j + 1 < b.count {
            if isBlankLineStart(b, j) { return nil }
            if b[j] == Self.backslash { j += 2; continue }
            if b[j] == Self.dollar, b[j + 1] == Self.dollar { return j }
            j += 1
        }
        return nil
    }

    /// The index of the `$` closing inline math opened just before `start`.
    private func closingInline(_ b: [UInt8], from start: Int) -> Int? {
        guard start < b.count, !isSpace(b[start]), b[start] != Self.dollar else { return nil }
        var j = start
        while j < b.count {
            if isBlankLineStart(b, j) { return nil }
            if b[j] == Self.backslash { j += 2; continue }
            if b[j] == Self.dollar {
                let afterIsDigit = j + 1 < b.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j + 1])
                if !isSpace(b[j - 1]), !afterIsDigit { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// Whether a newline at `j` is followed by a blank line (which ends a paragraph).
    private func isBlankLineStart(_ b: [UInt8], _ j: Int) -> Bool {
        guard b[j] == Self.newline else { return false }
        var k = j + 1
        while k < b.count, b[k] == Self.space || b[k] == Self.tab || b[k] == UInt8(ascii: "\r") { k += 1 }
        return k >= b.count || b[k] == Self.newline
    }

    private func isSpace(_ c: UInt8) -> Bool {
        c == Self.space || c == Self.tab || c == Self.newline || c == UInt8(ascii: "\r")
    }
}

extension MathProtector.Result {
    /// Whether this protection, made without knowing where the code blocks are, is the
    /// one that knowing them gives, judged by the code and HTML blocks (`blocks`, line
    /// ranges) of the protected text. It is when no formula touches such a block or hides
    /// a line that could open one, and no code span that starts inside one ends outside
    /// it; otherwise parse the original text for its code lines and protect again.
    func isUnaffected(byCodeBlocks blocks: [ClosedRange<Int>]) -> Bool {
        regions.allSatisfy { region in
            switch region.kind {
            case .math:
                return !region.hidesBlockStart && !blocks.contains { $0.overlaps(region.lines) }
            case .codeSpan:
                guard let block = blocks.first(where: { $0.contains(region.lines.lowerBound) }) else { return true }
                return block.contains(region.lines.upperBound)
            }
        }
    }
}

/// Where the placeholders of protected text stand, line by line: what turns a column that
/// cmark reports in the protected text into the source's column.
struct ColumnMap: Sendable {
    /// A formula's part on one line: its columns in the protected text (the placeholder or
    /// continuation marker, and kept indentation aside) and in the source (1-based bytes,
    /// half-open).
    struct Piece: Sendable {
        var protected: Range<Int>
        var source: Range<Int>
    }

    /// Every piece with its line, in the order added: lines never decrease, since text
    /// is protected from top to bottom.
    private var pieces: [(line: Int, piece: Piece)] = []
    /// Whether line `k` has pieces (most lines have none: no search for them).
    private var hasPieces: [Bool] = []

    mutating func add(line: Int, protected: Range<Int>, source: Range<Int>) {
        precondition(pieces.last.map { $0.line <= line } ?? true, "pieces are added line by line")
        pieces.append((line, Piece(protected: protected, source: source)))
        if hasPieces.count <= line { hasPieces.append(contentsOf: repeatElement(false, count: line + 1 - hasPieces.count)) }
        hasPieces[line] = true
    }

    /// The source column of protected column `column` on `line`. A column inside a
    /// placeholder is the formula's first column, or its last with `isEnd` (an inclusive
    /// end column, as cmark reports them).
    func sourceColumn(line: Int, _ column: Int, isEnd: Bool = false) -> Int {
        guard line >= 0, line < hasPieces.count, hasPieces[line] else { return column }
        // The first piece on `line`, by bisection.
        var low = 0, high = pieces.count
        while low < high {
            let mid = (low + high) / 2
            if pieces[mid].line < line { low = mid + 1 } else { high = mid }
        }
        var shift = 0
        var k = low
        while k < pieces.count, pieces[k].line == line {
            let piece = pieces[k].piece
            if column >= piece.protected.upperBound {
                shift = piece.source.upperBound - piece.protected.upperBound
            } else if column >= piece.protected.lowerBound {
                return isEnd ? piece.source.upperBound - 1 : piece.source.lowerBound
            } else {
                break
            }
            k += 1
        }
        return column + shift
    }
}
