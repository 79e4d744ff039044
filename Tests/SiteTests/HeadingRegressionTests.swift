import Articles
import Testing
@testable import Site

/// Headings in the table of contents, as the document model must keep them.
@Suite struct HeadingRegressionTests {
    /// `## Price \$5 or \$10`: escaped dollars are text, never a formula's delimiters.
    @Test func escapedDollarsInAHeadingStayText() throws {
        let article = ArticleParser.parse("---\ntitle: T\n---\n## Price \\$5 or \\$10\n\nText.\n\n## Second $x^2$ heading\n\nMore.\n", path: "articles/h.md")
        #expect(article.headings[0].segments == [.text("Price $5 or $10")])
        #expect(article.headings[1].segments == [.text("Second "), .math(0), .text(" heading")])
        let html = try SiteRenderer().articlePage(article, result: nil).html
        #expect(html.contains("<a href=\"#price-5-or-10\">Price $5 or $10</a>"))
        #expect(html.contains("<a href=\"#second-x-2-heading\">Second <span class=\"math inline\">x^2</span> heading</a>"))
    }
}
