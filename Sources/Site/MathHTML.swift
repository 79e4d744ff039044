import Articles

/// How formulas appear in the HTML: their TeX, escaped, in an element that the page's
/// script typesets with KaTeX.
enum MathHTML {
    static func render(_ span: MathSpan) -> String {
        let kind = span.isDisplay ? "display" : "inline"
        return "<span class=\"math \(kind)\">\(span.tex.htmlEscaped)</span>"
    }

    /// Typesets every `.math` element with KaTeX; a TeX error shows in place, in red.
    static let script = """
        <script src="katex/katex.min.js"></script>
        <script>
        document.querySelectorAll(".math").forEach(function (el) {
          katex.render(el.textContent, el, {displayMode: el.classList.contains("display"), throwOnError: false});
        });
        </script>
        """
}
