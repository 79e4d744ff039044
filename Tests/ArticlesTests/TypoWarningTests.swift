@testable import Articles
import Diagnostics
import Testing

/// Typos that would otherwise pass silently: a block that looks like a claim block but is
/// shown as plain code, an option or a front-matter key that is ignored.
@Suite struct TypoWarningTests {
    static func warnings(_ text: String) -> [Diagnostic] {
        ArticleParser.parse(text, path: "articles/t.md").diagnostics.filter { $0.severity == .warning }
    }

    @Test(arguments: [
        ("swift chek", "did you mean 'swift check'?"), ("swfit check", "did you mean 'swift check'?"),
        ("swfit chekc hide", "did you mean 'swift check hide'?"), ("outptu", "did you mean 'output'?"),
    ])
    func nearMissesOfClaimBlocksWarnAtTheirLine(info: String, hint: String) {
        let w = Self.warnings("---\ntitle: T\n---\n\nText.\n\n```\(info)\ncheck(1 == 2)\n```\n")
        #expect(w.count == 1)
        #expect(w.first?.id == "block.typo")
        #expect(w.first?.location.line == 7)
        #expect(w.first?.summary.contains(hint) == true)
    }

    @Test func ordinaryCodeBlocksDoNotWarn() {
        #expect(Self.warnings("---\ntitle: T\n---\n```swift\nlet x = 1\n```\n```python\nx = 1\n```\n```\nplain\n```\n").isEmpty)
    }

    @Test func optionTyposSuggestTheOption() {
        let w = Self.warnings("---\ntitle: T\n---\n```swift check hdie timout=5\ncheck(true)\n```\n")
        #expect(w.map(\.summary).contains { $0.contains("'hdie'") && $0.contains("did you mean 'hide'?") })
        #expect(w.map(\.summary).contains { $0.contains("'timout=5'") && $0.contains("did you mean 'timeout=SECONDS'?") })
    }

    @Test func unknownFrontMatterKeysWarnWithASuggestion() {
        let w = Self.warnings("---\ntitle: T\ntilte: Typo\nauthor: Me\n---\nText.\n")
        #expect(w.count == 2)
        #expect(w[0].summary == "unknown front-matter key 'tilte', ignored; did you mean 'title'?")
        #expect(w[0].location.line == 3)
        #expect(w[1].summary == "unknown front-matter key 'author', ignored")
    }
}
