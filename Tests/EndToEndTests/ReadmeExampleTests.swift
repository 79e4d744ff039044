import Foundation
import Testing

/// The article examples in the README are real: each verifies on its own.
@Suite struct ReadmeExampleTests {
    /// Every ````markdown block of the README, in order.
    static func examples() throws -> [String] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        return fencedBlocks(in: text, opening: "````markdown", closing: "````")
    }

    /// The first example (the orthogonal map), the identity and the training example each
    /// pass all their claims.
    @Test func readmeArticleExamplesPass() throws {
        let examples = try Self.examples()
        #expect(examples.count == 3)
        for (example, claims) in zip(examples, [2, 1, 2]) {
            let site = try TemporarySite(["example.md": example])
            defer { site.remove() }
            let run = try site.lemma(["check", "--quiet"])
            #expect(run.status == 0)
            #expect(run.stdout == "\(claims) passed, 0 failed\n")
        }
    }
}
