import Articles

/// How formulas appear in the HTML: each in a `math inline` or `math display` element
/// holding KaTeX's HTML, typeset at build (``TypesetMath``), so that no script is needed to
/// read a page. A formula KaTeX rejected shows its TeX in red with KaTeX's message; one
/// that was not typeset (a page rendered without a typesetter, as in tests) its TeX.
struct MathHTML: Sendable {
    var typeset = TypesetMath()

    func render(_ formula: Formula, id: String? = nil) -> String {
        switch typeset[formula] {
        case let .html(html)?:
            return Self.element(formula.display, id: id, html)
        case let .error(message, _)?:
            let kind = formula.display ? "display" : "inline"
            let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
            return "<span class=\"math \(kind) math-error\"\(idAttribute) title=\"\(message.htmlEscaped)\">"
                + "<code>\(formula.tex.htmlEscaped)</code> <span class=\"math-error-message\">\(message.htmlEscaped)</span></span>"
        case nil:
            return Self.element(formula.display, id: id, formula.tex.htmlEscaped)
        }
    }

    /// `<span class="math display|inline" id="…">html</span>`, in one reserved string (a
    /// page has tens of formulas; interpolation grew a buffer for each).
    private static func element(_ display: Bool, id: String?, _ html: String) -> String {
        var out = ""
        out.reserveCapacity(40 + (id?.utf8.count ?? 0) + html.utf8.count)
        out += display ? "<span class=\"math display\"" : "<span class=\"math inline\""
        if let id {
            out += " id=\""
            out += id
            out += "\""
        }
        out += ">"
        out += html
        out += "</span>"
        return out
    }

    func render(_ span: MathSpan) -> String { render(Formula(tex: span.tex, display: span.isDisplay)) }

    /// A heading's text and formulas as HTML (for the table of contents).
    func render(_ heading: Heading, math: [MathSpan]) -> String {
        heading.segments.map { segment in
            switch segment {
            case let .text(text): text.htmlEscaped
            case let .math(k): k < math.count ? render(math[k]) : ""
            }
        }.joined()
    }
}
