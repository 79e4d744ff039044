import Articles
import Foundation
import Site
import Testing
import Verifier

/// What claim code puts on the page: printed output, shown values, figures, inline values.
@Suite struct PageContentTests {
    @Test func showFigureInlineValuesAndPrintedOutputReachThePage() throws {
        let text = """
            ---
            title: Content
            ---
            The determinant is `= try Matrix([[2, 1], [1, 3]]).determinant()` and the ratio `= 1.0 / 3.0`.

            ```swift check
            let m = Matrix([[2, 1], [1, 3]])
            show(m, label: "M")
            figure("squares") { fig in fig.line(x: [0, 1, 2], y: [0, 1, 4], label: "x²") }
            print("printed <text>")
            check(true, "fine")
            ```
            """
        let site = try TemporarySite(["c.md": text])
        defer { site.remove() }
        let result = try #require(try site.verify().first)
        #expect(result.inlineValues == ["5", "0.333333"])
        let block = try #require(result.blocks.first)
        #expect(block.stdout == "printed <text>\n")
        #expect(block.shows.first?.content == "\\begin{bmatrix}2 & 1 \\\\ 1 & 3\\end{bmatrix}")
        #expect(block.figures.first?.label == "squares")

        let article = ArticleCatalog.load("articles/c.md", root: site.root)
        let html = try SiteRenderer().articlePage(article, result: result).html
        #expect(html.contains("<span class=\"inline-value\" title=\"try Matrix([[2, 1], [1, 3]]).determinant()\">5</span>"))
        #expect(html.contains("<span class=\"inline-value\" title=\"1.0 / 3.0\">0.333333</span>"))
        #expect(html.contains("printed &lt;text&gt;"))
        #expect(html.contains("<figure class=\"plot\"><svg"))
        #expect(html.contains("<figcaption>M</figcaption></figure>"))
    }

    @Test func secondCheckIsServedFromTheCacheAndAnEditRecompilesOnlyThatArticle() throws {
        let site = try TemporarySite([
            "a.md": "---\ntitle: A\n---\n```swift check\ncheck(true, \"a\")\n```\n",
            "b.md": "---\ntitle: B\n---\n```swift check\ncheck(true, \"b\")\n```\n",
        ])
        defer { site.remove() }
        _ = try site.lemma(["check"])
        let second = try site.lemma(["check"])
        #expect(second.stderr.contains("] a.md: 1 passed, 0 failed (cached)") && second.stderr.contains("] b.md: 1 passed, 0 failed (cached)"))
        try Data("---\ntitle: A\n---\n```swift check\ncheck(1 == 2, \"a\")\n```\n".utf8)
            .write(to: site.root.appendingPathComponent("articles/a.md"))
        let third = try site.lemma(["check"])
        #expect(third.stderr.contains("  a.md: compiling") && third.stderr.contains("] b.md: 1 passed, 0 failed (cached)"))
        #expect(third.status == 1)
        let fresh = try site.lemma(["check", "--no-cache"])
        #expect(fresh.stderr.contains("  b.md: compiling"))
    }

    @Test func reportFilesAreWritten() throws {
        let site = try TemporarySite(["a.md": "---\ntitle: A\n---\n```swift check\ncheck(true, \"a\")\n```\n"])
        defer { site.remove() }
        let run = try site.lemma(["check", "--quiet", "--report", "out/results.json", "--junit", "junit.xml"])
        #expect(run.status == 0)
        let json = try String(contentsOf: site.root.appendingPathComponent("out/results.json"), encoding: .utf8)
        #expect(json.contains("\"id\" : \"articles/a.md:5:a\""))
        let xml = try String(contentsOf: site.root.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(xml.contains("name=\"articles/a.md:5 a\""))
    }
}
