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

    /// A raw HTML block holding `<h2>` does not shift the anchors of the headings after it.
    @Test func aRawHTMLHeadingDoesNotShiftAnchors() throws {
        let article = ArticleParser.parse(
            "---\ntitle: T\n---\n## First\n\n<div>\n<h2>Raw heading</h2>\n</div>\n\n## Second\n\n## Third\n", path: "articles/h.md")
        let html = try SiteRenderer().articlePage(article, result: nil).html
        #expect(html.contains("<h2>Raw heading</h2>"))
        #expect(html.contains("<h2 id=\"first\">First<a class=\"anchor\""))
        #expect(html.contains("<h2 id=\"second\">Second<a class=\"anchor\""))
        #expect(html.contains("<h2 id=\"third\">Third<a class=\"anchor\""))
        #expect(!html.contains("lemma:h"))
        // The plain HTML (as in the CommonMark conformance test) carries no markers.
        #expect(!article.renderedHTML { $0.tex }.contains("lemma:h"))
    }
}
