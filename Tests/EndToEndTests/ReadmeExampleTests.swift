import Foundation
import Testing

/// The article example in the README is real: it verifies.
@Suite struct ReadmeExampleTests {
    @Test func readmeArticleExamplePasses() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "````markdown\n"))
        let end = try #require(text.range(of: "````\n", range: start.upperBound..<text.endIndex))
        let site = try TemporarySite(["example.md": String(text[start.upperBound..<end.lowerBound])])
        defer { site.remove() }
        let run = try site.lemma(["check", "--quiet"])
        #expect(run.status == 0)
        #expect(run.stdout == "2 passed, 0 failed\n")
    }
}
