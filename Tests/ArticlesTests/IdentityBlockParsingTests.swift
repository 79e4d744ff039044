@testable import Articles
import Diagnostics
import Testing

/// `math identity` blocks as the article parser finds them: their options, their lines'
/// article columns (inside list items too), and their problems as diagnostics.
@Suite struct IdentityBlockParsingTests {
    static func parse(_ body: String) -> Article {
        ArticleParser.parse("---\ntitle: T\n---\n" + body, path: "articles/i.md")
    }

    @Test func blocksAreFoundWithTheirOptions() throws {
        let a = Self.parse("Text.\n\n```math identity samples=30 seed=9\nx = x\nwhere x \\in [0, 1]\n```\n")
        let identity = try #require(a.identities.first)
        #expect(identity.samples == 30)
        #expect(identity.seed == 9)
        #expect(identity.identity.problems.isEmpty)
        #expect(identity.identity.lines.map(\.line) == [7, 8])
        #expect(a.hasClaims)
        #expect(a.claimBlocks.isEmpty)
    }

    @Test func problemsAreDiagnosticsAtTheirArticleColumn() throws {
        // In a list item, cmark strips the indentation: columns still count from the line's start.
        let a = Self.parse("- item\n\n  ```math identity\n  x = y\n  where x \\in [0, 1]\n  ```\n")
        let d = try #require(a.diagnostics.first { $0.id == "identity.undeclared" })
        #expect(d.location.line == 7)
        #expect(d.location.column == 7)
        #expect(d.summary == "'y' is not declared")
    }

    @Test func anEmptyBlockIsAnErrorAtItsLine() throws {
        let a = Self.parse("Text.\n\n```math identity\n```\n")
        let d = try #require(a.diagnostics.first { $0.id == "identity.relation" })
        #expect(d.location.line == 7)
        #expect(a.identities.first?.identity.claimSites.map(\.line) == [7])
    }

    @Test(arguments: [
        ("math identity samples=0", "block.option", Severity.error),
        ("math identity smaples=5", "block.option", .warning),
        ("math identiy", "block.typo", .warning),
        ("maht identity", "block.typo", .warning),
    ] as [(String, String, Severity)])
    func optionsAndTypos(_ info: String, _ id: String, _ severity: Severity) {
        let a = Self.parse("```\(info)\nx = x\nwhere x \\in [0, 1]\n```\n")
        #expect(a.diagnostics.contains { $0.id == id && $0.severity == severity && $0.location.line == 4 }, "\(a.diagnostics)")
    }
}
