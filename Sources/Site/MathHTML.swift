import Articles

/// How formulas appear in the HTML: each in a `math inline` or `math display` element
/// holding KaTeX's HTML, typeset at build (``TypesetMath``), so that no script is needed to
/// read a page. A formula KaTeX rejected shows its TeX in red with KaTeX's message; one
/// that was not typeset (a page rendered without a typesetter, as in tests) its TeX.
struct MathHTML: Sendable {
    var typeset = TypesetMath()

    func render(_ formula: Formula, id: String? = nil) -> String {
        let kind = formula.display ? "display" : "inline"
        let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
        switch typeset[formula] {
        case let .html(html)?:
            return "<span class=\"math \(kind)\"\(idAttribute)>\(html)</span>"
        case let .error(message, _)?:
            return "<span class=\"math \(kind) math-error\"\(idAttribute) title=\"\(message.htmlEscaped)\">"
                + "<code>\(formula.tex.htmlEscaped)</code> <span class=\"math-error-message\">\(message.htmlEscaped)</span></span>"
        case nil:
            return "<span class=\"math \(kind)\"\(idAttribute)>\(formula.tex.htmlEscaped)</span>"
        }
    }

    func render(_ span: MathSpan) -> String { render(Formula(tex: span.tex, display: span.isDisplay)) }

    /// Plain text with `$…$` formulas (as kept in heading texts) as HTML: text escaped,
    /// formulas typeset.
    func inlineText(_ text: String) -> String {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return text.htmlEscaped }
        return parts.enumerated().map { k, part in
            k % 2 == 1 && k < parts.count - 1
                ? render(Formula(tex: String(part), display: false)) : String(part).htmlEscaped
        }.joined()
    }

    /// The formulas of ``inlineText(_:)``.
    static func inlineFormulas(_ text: String) -> [Formula] {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return [] }
        return parts.enumerated().compactMap { k, part in
            k % 2 == 1 && k < parts.count - 1 ? Formula(tex: String(part), display: false) : nil
        }
    }
}
