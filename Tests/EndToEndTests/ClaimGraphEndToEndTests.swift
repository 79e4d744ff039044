import Foundation
import Testing

/// The claim graph as a user meets it: `lemma check --report` carries its edges, the
/// summary says what a failing claim rests on, the article page marks claims that rest on
/// a failed one, and the site's report lists what to fix first.
@Suite struct ClaimGraphEndToEndTests {
    static let article = """
        ---
        title: Graph
        ---

        ```swift check
        let x = 2.0 + 2.0
        check(x == 5, "two and two")
        ```

        ```swift check
        let y = x * 3
        check(y == 13, "three times x")
        let u = 7
        check(u == 7, "seven")
        ```
        """

    @Test func edgesReachTheReportTheSummaryAndThePages() throws {
        let site = try TemporarySite(["g.md": Self.article])
        defer { site.remove() }
        let report = site.root.appendingPathComponent("report.json")
        let run = try site.lemma(["check", "--report", report.path])
        #expect(run.status == 1)
        // The second failure is listed with what to fix first.
        #expect(run.stdout.contains("articles/g.md:12: FAIL three times x"))
        #expect(run.stdout.contains("    rests on articles/g.md:7, which did not pass: fix that first"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        let claims = try #require(((json?["articles"] as? [[String: Any]])?.first?["claims"]) as? [[String: Any]])
        let byLabel = Dictionary(uniqueKeysWithValues: claims.map { ($0["label"] as? String ?? "", $0) })
        #expect(byLabel["three times x"]?["inputs"] as? [Int] == [6, 11])
        #expect(byLabel["three times x"]?["restsOn"] as? [String] == ["articles/g.md:7:two and two"])
        #expect(byLabel["seven"]?["restsOn"] as? [String] == [])
        #expect(byLabel["seven"]?["inputs"] as? [Int] == [11])

        let build = try site.lemma(["build"])
        #expect(build.status == 1 || build.status == 0)
        let page = try String(contentsOf: site.root.appendingPathComponent("site/public/g.html"), encoding: .utf8)
        #expect(page.contains("<p class=\"rests-on\">Rests on a claim that did not pass (<a href=\"#L5\">line 7</a>): fix that first.</p>"))
        #expect(page.contains("<details class=\"claim-graph\">"))
        let sitewide = try String(contentsOf: site.root.appendingPathComponent("site/public/report.html"), encoding: .utf8)
        #expect(sitewide.contains("<h2>Fix first</h2>"))
        #expect(sitewide.contains("articles/g.md:7</a> two and two: 1 claim rests on it"))
    }
}
