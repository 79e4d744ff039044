import Articles

/// How formulas appear in the HTML: their TeX, escaped, in an element that the page's
/// script typesets with KaTeX.
enum MathHTML {
    static func render(_ span: MathSpan) -> String {
        let kind = span.isDisplay ? "display" : "inline"
        return "<span class=\"math \(kind)\">\(span.tex.htmlEscaped)</span>"
    }

    /// Plain text with `$…$` formulas (as kept in heading texts) as HTML: text escaped,
    /// formulas in math elements.
    static func inlineText(_ text: String) -> String {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return text.htmlEscaped }
        return parts.enumerated().map { k, part in
            k % 2 == 1 && k < parts.count - 1
                ? "<span class=\"math inline\">\(String(part).htmlEscaped)</span>" : String(part).htmlEscaped
        }.joined()
    }
}
