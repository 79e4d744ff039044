import Articles
import Diagnostics
import Testing

@Suite struct MathProtectionTests {
    func parse(_ body: String) -> Article {
        ArticleParser.parse("---\ntitle: T\n---\n" + body, path: "articles/m.md")
    }

    func html(_ article: Article) -> String {
        article.renderedHTML { "[\($0.isDisplay ? "D" : "I"):\($0.tex)]" }
    }

    @Test func markdownInsideMathIsLeftAlone() {
        let article = parse("Let $a_1 * b_2 * c_3$ and $x_i$ be *real*.\n")
        #expect(article.math.map(\.tex) == ["a_1 * b_2 * c_3", "x_i"])
        #expect(html(article) == "<p>Let [I:a_1 * b_2 * c_3] and [I:x_i] be <em>real</em>.</p>\n")
    }

    @Test func displayMathOverSeveralLinesKeepsLineNumbers() {
        let article = parse("$$\n\\begin{aligned} a &= b \\\\\n c &= d \\end{aligned}\n$$\n\n## After\n")
        #expect(article.math.count == 1)
        #expect(article.math[0].isDisplay)
        #expect(article.math[0].tex == "\n\\begin{aligned} a &= b \\\\\n c &= d \\end{aligned}\n")
        #expect(article.math[0].location == SourceLocation(file: "articles/m.md", line: 4, column: 1))
        #expect(article.headings.first?.line == 9)
        #expect(html(article).hasPrefix("<p>[D:"))
    }

    @Test func dollarsInCodeAreNotMath() {
        let article = parse("Use `$x$` here.\n\n```swift\nlet s = \"$y$\"\n```\n\n    $z$ indented\n")
        #expect(article.math.isEmpty)
        #expect(html(article).contains("<code>$x$</code>"))
        #expect(html(article).contains("let s = &quot;$y$&quot;"))
    }

    @Test func pricesAndEscapedDollarsAreText() {
        let article = parse("It costs $5 and $10, or \\$3.\n")
        #expect(article.math.isEmpty)
        #expect(html(article) == "<p>It costs $5 and $10, or $3.</p>\n")
    }

    @Test func unclosedDisplayMathIsAnErrorAtItsLine() {
        let article = parse("Text\n\n$$ x + y\n\nMore text.\n")
        #expect(article.diagnostics.map(\.id) == ["math.unclosed-display"])
        #expect(article.diagnostics[0].location.line == 6)
        #expect(article.diagnostics[0].location.column == 1)
    }

    @Test func mathInHeadingsAndLists() {
        let article = parse("## The map $T$\n\n- item $\\alpha_1$\n- item $\\beta$\n")
        #expect(article.headings.first?.text == "The map $T$")
        #expect(html(article).contains("<li>item [I:\\alpha_1]</li>"))
    }

    @Test func windowsLineEndingsAreAccepted() {
        let article = ArticleParser.parse("---\r\ntitle: T\r\n---\r\n\r\n$$\r\nx\r\n$$\r\n", path: "articles/w.md")
        #expect(article.diagnostics.isEmpty)
        #expect(article.math.map(\.tex) == ["\nx\n"])
    }
}
