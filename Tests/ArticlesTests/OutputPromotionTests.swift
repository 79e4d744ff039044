import Testing
@testable import Articles

/// `lemma check --promote` rewrites output blocks and nothing else; each case is named
/// after a way it once damaged an article.
@Suite struct OutputPromotionTests {
    /// Promotes the first output block of `source` to `text` and checks that the result
    /// reads back with that text.
    func promote(_ source: String, to text: String) throws -> String {
        let article = ArticleParser.parse(source, path: "articles/t.md")
        let block = try #require(article.codeBlocks.first { $0.role == .output })
        let result = try OutputPromotion.rewrite(source, path: "articles/t.md", replacing: [(block, text)])
        let again = ArticleParser.parse(result, path: "articles/t.md")
        #expect(again.codeBlocks.first { $0.role == .output }?.code == text)
        #expect(again.codeBlocks.count == article.codeBlocks.count)
        return result
    }

    @Test func outputBlockInAListItemKeepsItsIndentation() throws {
        let source = "---\ntitle: T\n---\n1. Step one\n\n   ```swift check\n   print(1)\n   ```\n\n   ```output\n   old\n   ```\n2. Step two\n"
        let result = try promote(source, to: "one\ntwo\n")
        #expect(result == source.replacingOccurrences(of: "   old\n", with: "   one\n   two\n"))
    }

    @Test func outputBlockInABlockQuoteKeepsTheQuote() throws {
        let source = "---\ntitle: T\n---\n> ```swift check\n> print(1)\n> ```\n>\n> ```output\n> old\n> ```\n\nAfter.\n"
        let result = try promote(source, to: "new\n\nlast\n")
        #expect(result == source.replacingOccurrences(of: "> old\n", with: "> new\n>\n> last\n"))
    }

    @Test func printedFenceLinesGetALongerFence() throws {
        let source = "---\ntitle: T\n---\n```swift check\nprint(1)\n```\n\n```output\nold\n```\nAfter.\n"
        let printed = "a\n```\n````swift\nb\n"
        let result = try promote(source, to: printed)
        #expect(result.contains("\n`````output\na\n```\n````swift\nb\n`````\nAfter.\n"))
    }

    @Test func mixedLineEndingsAreKeptLineByLine() throws {
        let source = "---\r\ntitle: T\n---\n```swift check\r\nprint(1)\n```\n\n```output\r\nold\r\n```\nTail\r\n"
        let result = try promote(source, to: "new\nline\n")
        #expect(result == "---\r\ntitle: T\n---\n```swift check\r\nprint(1)\n```\n\n```output\r\nnew\r\nline\r\n```\nTail\r\n")
    }

    @Test func loneCarriageReturnsAreLineEndingsToo() throws {
        let source = "---\rtitle: T\r---\r```swift check\rprint(1)\r```\r\r```output\rold\r```\rTail\r"
        let result = try promote(source, to: "new\n")
        #expect(result == source.replacingOccurrences(of: "\rold\r", with: "\rnew\r"))
    }

    @Test func tildeFencesStayTildes() throws {
        let source = "---\ntitle: T\n---\n```swift check\nprint(1)\n```\n\n~~~output\nold\n~~~\n"
        #expect(try promote(source, to: "~~~\n") == "---\ntitle: T\n---\n```swift check\nprint(1)\n```\n\n~~~~output\n~~~\n~~~~\n")
    }
}
