import Articles
import Diagnostics
import Foundation
import Testing
import Verifier
@testable import Site

/// Representative pages compared byte for byte with `Snapshots/`. After an intended
/// change, `LEMMA_RECORD=1 swift test --filter SnapshotTests` rewrites them; review the diff.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static let article = ArticleParser.parse("""
        ---
        title: "Householder maps <a> to <b>"
        date: 2026-11-20
        tags: [linear algebra, 线性代数]
        summary: A reflection that swaps two unit vectors.
        ---
        For $v = a - b$ the reflection is
        $$
        H = I - 2\\frac{v v^\\top}{v^\\top v} \\label{householder}
        $$
        and $\\eqref{householder}$ maps $a$ to $b$; its determinant is `= det`.

        ## Checks

        ```swift check
        let det = -1.0
        check(det < 0, "reverses orientation")
        expectClose(det, -1, tolerance: 1e-12, "det H = -1")
        print("<script>alert('printed')</script>")
        ```

        ## A failure

        ```swift check
        check(false, "<b>bold</b> claim")
        ```

        ```swift
        // shown, not run
        let s = "text"
        ```
        """, path: "articles/householder.md")

    static let result = ArticleResult(
        path: "articles/householder.md",
        claims: [
            ClaimRecord(line: 17, kind: .check, label: "reverses orientation", status: .pass, seconds: 0.0012),
            ClaimRecord(line: 18, kind: .expectClose, label: "det H = -1", status: .pass, actual: "-1.0", expected: "-1.0",
                        detail: "difference 0.0, allowed 1e-12 (atol 1e-12)", seconds: 0.0004),
            ClaimRecord(line: 25, kind: .check, label: "<b>bold</b> claim", status: .fail, detail: "the condition is false", seconds: 0.0001),
        ],
        blocks: [
            BlockResult(line: 16, stdout: "<script>alert('printed')</script>\n"),
            BlockResult(line: 25),
        ],
        inlineValues: ["-1"])

    func check(_ name: String, _ text: String) throws {
        let file = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LEMMA_RECORD"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "snapshot \(name) differs; rerun with LEMMA_RECORD=1 to accept")
    }

    func site() throws -> SiteOutput {
        let settings = SiteSettings(title: "Notes", baseURL: "https://example.org/notes/", author: "A. Author")
        return try SiteRenderer(settings: settings).site([Self.article], results: [Self.result])
    }

    @Test func articlePage() throws { try check("householder.html", try site().pages["householder.html"]!) }
    @Test func indexPage() throws { try check("index.html", try site().pages["index.html"]!) }
    @Test func reportPage() throws { try check("report.html", try site().pages["report.html"]!) }
    @Test func tagPage() throws { try check("tag.html", try site().pages["tags/线性代数.html"]!) }
    @Test func feed() throws { try check("feed.xml", try site().pages["feed.xml"]!) }

    @Test func renderingIsDeterministic() throws {
        #expect(try site().pages == (try site().pages))
    }

    @Test func everythingFromAClaimRunIsEscaped() throws {
        let html = try site().pages["householder.html"]!
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;printed&#39;)&lt;/script&gt;"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; claim"))
        let report = try site().pages["report.html"]!
        #expect(!report.contains("<b>bold</b>"))
    }

    @Test func equationsAreNumberedAndLinked() throws {
        let html = try site().pages["householder.html"]!
        #expect(html.contains("<span class=\"math display\" id=\"eq-householder\">"))
        #expect(html.contains("\\tag{1}"))
        #expect(html.contains("<a class=\"eqref\" href=\"#eq-householder\">(1)</a>"))
    }

    @Test func headingsHaveAnchorsAndSwiftIsHighlighted() throws {
        let html = try site().pages["householder.html"]!
        #expect(html.contains("<h2 id=\"checks\">Checks<a class=\"anchor\" href=\"#checks\""))
        #expect(html.contains("<a href=\"#a-failure\">A failure</a>"))
        #expect(html.contains("<span class=\"hl-kw\">let</span> s = <span class=\"hl-str\">&quot;text&quot;</span>"))
        #expect(html.contains("<span class=\"hl-com\">// shown, not run</span>"))
    }
}
