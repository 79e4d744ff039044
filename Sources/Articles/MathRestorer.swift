/// Puts formulas back where ``MathProtector`` left placeholders.
enum MathRestorer {
    /// Replaces each placeholder in `text` (and the continuation markers of its further
    /// lines) by `render(span)`.
    static func restore(_ text: String, math: [MathSpan], render: (MathSpan) -> String) -> String {
        let open = MathPlaceholder.open.unicodeScalars.first!
        let close = MathPlaceholder.close.unicodeScalars.first!
        let continuation = MathPlaceholder.continuation.unicodeScalars.first!
        guard text.unicodeScalars.contains(open) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == open else {
                out.append(scalars[i])
                i += 1
                continue
            }
            var j = i + 1
            var index = 0
            while j < scalars.count, let digit = scalars[j].properties.numericType != nil
                ? Int(String(scalars[j])) : nil
            {
                index = index * 10 + digit
                j += 1
            }
            guard j < scalars.count, scalars[j] == close, index < math.count else {
                out.append(scalars[i])
                i += 1
                continue
            }
            j += 1
            // Swallow the continuation lines of a multi-line formula.
            var k = j
            while k < scalars.count, scalars[k] == "\n" || scalars[k] == " " || scalars[k] == "\t" || scalars[k] == continuation {
                if scalars[k] == continuation { j = k + 1 }
                k += 1
            }
            out.append(contentsOf: render(math[index]).unicodeScalars)
            i = j
        }
        return String(out)
    }

    /// The text with each formula written back as `$tex$`, for headings and search.
    static func plainText(_ text: String, math: [MathSpan]) -> String {
        restore(text, math: math) { $0.isDisplay ? "$$\($0.tex)$$" : "$\($0.tex)$" }
    }
}

extension Article {
    /// The article as HTML (cmark, like `cmark --unsafe`), with code blocks replaced where
    /// `codeBlocks` has HTML for their first line (an empty string drops the block), and
    /// each formula replaced by `renderMath(span)`.
    ///
    /// Inline value `k` is replaced by `inlineValues(k)` when that is not nil.
    public func html(
        replacingCodeBlocks codeBlocks: [Int: String], inlineValues: (Int) -> String? = { _ in nil },
        renderMath: (MathSpan) -> String
    ) -> String {
        MathRestorer.restore(
            CMark.html(of: markdown, replacingCodeBlocks: codeBlocks, inlineValues: inlineValues),
            math: math, render: renderMath)
    }
}
