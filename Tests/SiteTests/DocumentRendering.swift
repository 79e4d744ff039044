import Articles
@testable import Site

extension Article {
    /// The article's document as the site renders it, with `codeBlocks` (by first line)
    /// in place of those code blocks and `math` for each formula; no anchors.
    func renderedHTML(replacingCodeBlocks codeBlocks: [Int: String] = [:], math: @escaping (MathSpan) -> String) -> String {
        let spans = self.math
        return DocumentHTML(article: self, parts: PageParts(codeBlock: { codeBlocks[$0.line] }, math: { math(spans[$0]) })).render()
    }
}
