import Articles
import Testing
@testable import Site

/// The walkers of the document model agree with each other: the search text of a page is
/// the text of its HTML, and the page's own parts go where the document's nodes were.
@Suite struct DocumentWalkerTests {
    static func parts(_ article: Article, codeBlocks: [Int: String] = [:], anchors: [Int: String] = [:]) -> PageParts {
        PageParts(
            codeBlock: { codeBlocks[$0.line] },
            inlineValue: { k in k % 2 == 0 ? "<span class=\"v\">\(k) &amp; more</span>" : nil },
            math: { "<span class=\"math inline\">\(article.math[$0].tex.htmlEscaped)</span>" }, anchors: anchors)
    }

    /// Every CommonMark example, with formulas put in: the search text that the walk gives
    /// is what dropping the tags of the page's HTML gives.
    @Test func searchTextIsTheTextOfThePage() {
        var mismatches = 0
        for e in CommonMarkConformanceTests.examples {
            for markdown in [e.markdown, e.markdown.replacingOccurrences(of: "foo", with: "$f_1 < 2$ `= x`"),
                             "## Heading *\(e.example)*\n\n" + e.markdown.replacingOccurrences(of: "bar", with: "$$b\n$$")] {
                let article = ArticleParser.parse(markdown, path: "t.md", frontMatter: false)
                let anchors = Dictionary(uniqueKeysWithValues: article.headings.indices.map { ($0, "h\($0)") })
                let parts = Self.parts(article, anchors: anchors)
                let html = DocumentHTML(article: article, parts: parts).render()
                let walked = SearchText(article: article, parts: parts).text()
                if walked != SearchIndex.plainText(html) {
                    mismatches += 1
                    if mismatches <= 3 {
                        Issue.record("example \(e.example): \(walked.debugDescription) ≠ \(SearchIndex.plainText(html).debugDescription)")
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func codeBlocksCanBeReplacedOrDropped() {
        let article = ArticleParser.parse(
            "---\ntitle: T\n---\n```swift\nlet shown = 1\n```\n\n```swift check\ncheck(1 + 1 == 2)\n```\n\n```swift check hide\nlet hidden = 2\n```\n",
            path: "articles/b.md")
        let html = article.renderedHTML(replacingCodeBlocks: [8: "<div>claims</div>", 12: ""]) { _ in "" }
        #expect(html == "<pre><code class=\"language-swift\">let shown = 1\n</code></pre>\n<div>claims</div>\n\n")
    }

    @Test func headingsGetTheirAnchorsAndTheContentsListsThem() {
        let article = ArticleParser.parse("---\ntitle: T\n---\n# Title\n\n## A $x$\n\n### A $x$\n\n##### Deep\n", path: "articles/h.md")
        let contents = TableOfContents(article.headings)
        #expect(contents.entries.map(\.id) == ["a-x", "a-x-2"])
        #expect(contents.anchors == [1: "a-x", 2: "a-x-2"])
        let html = DocumentHTML(article: article, parts: PageParts(math: { article.math[$0].tex }, anchors: contents.anchors)).render()
        #expect(html.hasPrefix("<h1>Title</h1>\n<h2 id=\"a-x\">A x<a class=\"anchor\" href=\"#a-x\""))
        #expect(html.hasSuffix("<h5>Deep</h5>\n"))
    }
}
