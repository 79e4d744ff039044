import Articles
import Diagnostics
import Testing

@Suite struct ClaimBlockTests {
    let article = ArticleParser.parse("""
        ---
        title: Blocks
        ---

        ```swift
        let shown = 1
        ```

        ```swift check
        check(1 + 1 == 2)
        ```

        ```output
        hello
        ```

        ```swift check hide timeout=30
        let hidden = 2
        ```

        ```swift check frobnicate
        check(true)
        ```
        """, path: "articles/blocks.md")

    @Test func rolesAndLines() {
        #expect(article.codeBlocks.map(\.line) == [5, 9, 13, 17, 21])
        #expect(article.codeBlocks[0].role == .display)
        #expect(article.codeBlocks[1].role == .check(hidden: false, timeout: nil))
        #expect(article.codeBlocks[2].role == .output)
        #expect(article.codeBlocks[3].role == .check(hidden: true, timeout: 30))
        #expect(article.claimBlocks.map(\.codeLine) == [10, 18, 22])
        #expect(article.claimBlocks[0].code == "check(1 + 1 == 2)\n")
        #expect(!article.claimBlocks[1].isShown)
    }

    @Test func unknownOptionIsAWarningAtTheFence() {
        #expect(article.diagnostics.map(\.id) == ["block.option"])
        #expect(article.diagnostics[0].severity == .warning)
        #expect(article.diagnostics[0].location.line == 21)
    }

    @Test func badTimeoutIsAnError() {
        let a = ArticleParser.parse("---\ntitle: T\n---\n```swift check timeout=never\n```\n", path: "articles/t.md")
        #expect(a.diagnostics.map(\.id) == ["block.timeout"])
        #expect(a.diagnostics[0].location.line == 4)
    }

    @Test func outputWithoutCheckBlockIsAWarning() {
        let a = ArticleParser.parse("---\ntitle: T\n---\n```output\nx\n```\n", path: "articles/o.md")
        #expect(a.diagnostics.map(\.id) == ["block.orphan-output"])
    }

    @Test func everyCodeBlockIsANodeOfTheDocument() {
        let codes = article.document.blocks.compactMap { block -> Int? in
            if case let .code(k) = block.kind { return k } else { return nil }
        }
        #expect(codes == [0, 1, 2, 3, 4])
        #expect(article.document.blocks.map(\.range.startLine) == [5, 9, 13, 17, 21])
    }
}

@Suite struct UnclosedFenceTests {
    @Test func anUnclosedFenceIsAWarningAtItsLine() {
        let article = ArticleParser.parse("---\ntitle: T\n---\nText.\n\n```swift check\ncheck(true)\n\nMore prose.\n", path: "articles/t.md")
        #expect(article.diagnostics.map(\.id) == ["block.unclosed-fence"])
        #expect(article.diagnostics.first?.location.line == 6)
    }

    @Test(arguments: [
        "```swift\nx\n```\n", "~~~~\nx\n~~~~~\n", "- item\n\n  ```\n  x\n  ```\n", "> ```\n> x\n> ```\n", "```\n```\n",
    ])
    func closedFencesAreFine(markdown: String) {
        let article = ArticleParser.parse("---\ntitle: T\n---\n" + markdown + "\nAfter.\n", path: "articles/t.md")
        #expect(article.diagnostics.isEmpty)
    }
}
