/// Puts formulas back where ``MathProtector`` left placeholders, in text that is not a
/// document's prose: code and raw HTML get their TeX back (``plainText(_:math:)``).
enum MathRestorer {
    // UTF-8 of the private-use placeholders U+E000, U+E001, U+E002: EE 80 80/81/82.
    static let lead: UInt8 = 0xEE
    private static let second: UInt8 = 0x80
    private static let open: UInt8 = 0x80, close: UInt8 = 0x81, continuation: UInt8 = 0x82

    /// Replaces each placeholder in `text` (and the continuation markers of its further
    /// lines) by `render(span)`. Works on UTF-8 bytes in one pass.
    static func restore(_ text: String, math: [MathSpan], render: (MathSpan) -> String) -> String {
        guard !math.isEmpty else { return text }
        var rewriter = ByteRewriter(text, extraCapacity: math.count * 32)
        let b = rewriter.source
        var i = 0
        while i < b.count {
            if b[i] == lead, let next = restore(at: i, in: &rewriter, math: math, render: render) {
                i = next
            } else {
                i += 1
            }
        }
        return rewriter.finish()
    }

    /// If a formula placeholder starts at source index `i`, replaces it (continuation
    /// lines included) by its rendering and returns the index after it; otherwise nil.
    ///
    /// A continuation marker that no formula swallowed is removed: its formula began in a
    /// block that ended before the formula did (a heading line, say), and was rendered
    /// whole, this line's TeX included, where it began. No placeholder reaches a page.
    static func restore(
        at i: Int, in rewriter: inout ByteRewriter, math: [MathSpan], render: (MathSpan) -> String
    ) -> Int? {
        let b = rewriter.source
        func isMarker(_ k: Int, _ kind: UInt8) -> Bool {
            k + 2 < b.count && b[k] == lead && b[k + 1] == second && b[k + 2] == kind
        }
        if isMarker(i, continuation) {
            rewriter.replace(i..<(i + 3)) { _ in }
            return i + 3
        }
        guard isMarker(i, open) else { return nil }
        var j = i + 3
        var index = 0
        var digits = 0
        while j < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) {
            index = index * 10 + Int(b[j] - UInt8(ascii: "0"))
            j += 1
            digits += 1
        }
        guard digits > 0, isMarker(j, close), index < math.count else { return nil }
        j += 3
        // Swallow the continuation lines of a multi-line formula.
        var k = j
        while k < b.count {
            if isMarker(k, continuation) { k += 3; j = k; continue }
            if b[k] == UInt8(ascii: "\n") || b[k] == UInt8(ascii: " ") || b[k] == UInt8(ascii: "\t") { k += 1; continue }
            break
        }
        rewriter.replace(i..<j) { $0.append(contentsOf: render(math[index]).utf8) }
        return j
    }

    /// The text with each formula written back as `$tex$` (`$$tex$$`), as the source had
    /// it: for headings and search, and for code that protection took for math (a code
    /// block or code span whose extent only cmark could tell), which gets its own text back.
    static func plainText(_ text: String, math: [MathSpan]) -> String {
        restore(text, math: math) { $0.isDisplay ? "$$\($0.tex)$$" : "$\($0.tex)$" }
    }
}
