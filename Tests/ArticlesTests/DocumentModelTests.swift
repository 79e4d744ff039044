import Articles
import Diagnostics
import Testing

/// The document model, node kind by node kind: what each piece of Markdown becomes and
/// where the model says it is.
@Suite struct DocumentModelTests {
    /// Parses `body` after a three-line front matter: the body's first line is line 4.
    func parse(_ body: String) -> Article {
        ArticleParser.parse("---\ntitle: T\n---\n" + body, path: "articles/d.md")
    }

    func only(_ article: Article) -> Block? {
        article.document.blocks.count == 1 ? article.document.blocks[0] : nil
    }

    @Test func aParagraphAndItsInlines() {
        let article = parse("Plain *em* **strong** `code` [link](/u \"T\") ![alt *x*](i.png) <b>raw</b>\nsoft  \nhard\\\nend\n")
        let block = only(article)
        #expect(block?.range == SourceRange(startLine: 4, startColumn: 1, endLine: 7, endColumn: 3))
        #expect(
            block?.kind == .paragraph([
                .text("Plain "), .emphasis([.text("em")]), .text(" "), .strong([.text("strong")]), .text(" "), .code("code"),
                .text(" "), .link(destination: "/u", title: "T", [.text("link")]), .text(" "),
                .image(source: "i.png", title: "", [.text("alt "), .emphasis([.text("x")])]), .text(" "), .html("<b>"),
                .text("raw"), .html("</b>"), .softBreak, .text("soft"), .lineBreak, .text("hard"), .lineBreak, .text("end"),
            ]))
    }

    @Test func headingsKnowTheirLevelAndIndex() {
        let article = parse("# One\n\nText\n\nTwo\n---\n\n### Three $x$\n")
        let headings = article.document.blocks.compactMap { block -> (Int, Int, [Inline], Int)? in
            if case let .heading(level, index, inlines) = block.kind { return (level, index, inlines, block.range.startLine) }
            return nil
        }
        #expect(headings.map(\.0) == [1, 2, 3])
        #expect(headings.map(\.1) == [0, 1, 2])
        #expect(headings.map(\.3) == [4, 8, 11])
        #expect(headings[2].2 == [.text("Three "), .math(0)])
        #expect(article.headings.map(\.line) == [4, 8, 11])
    }

    @Test func quotesListsAndBreaks() {
        let article = parse("> quoted\n\n3. three\n4. four\n\n- a\n\n- b\n\n***\n")
        let kinds = article.document.blocks.map(\.kind)
        #expect(kinds.count == 4)
        #expect(kinds[0] == .blockQuote([Block(.paragraph([.text("quoted")]), range: SourceRange(startLine: 4, startColumn: 3, endLine: 4, endColumn: 8))]))
        guard case let .list(ordered, items) = kinds[1], case let .list(bullets, looseItems) = kinds[2] else {
            Issue.record("not lists: \(kinds)")
            return
        }
        #expect(ordered == List(ordered: true, start: 3, tight: true))
        #expect(items.count == 2)
        #expect(items.map(\.range.startLine) == [6, 7])
        #expect(bullets == List(ordered: false, start: 0, tight: false))
        #expect(looseItems.map(\.range.startLine) == [9, 11])
        if case let .item(children) = items[0].kind {
            #expect(children.map(\.kind) == [.paragraph([.text("three")])])
        } else {
            Issue.record("not an item")
        }
        #expect(kinds[3] == .thematicBreak)
        #expect(article.document.blocks[3].range.startLine == 13)
    }

    @Test func codeBlocksAreNodesThatPointAtTheArticlesBlocks() {
        let article = parse("```swift check\ncheck(true)\n```\n\n```output\nx\n```\n\n    indented $a$\n")
        #expect(article.document.blocks.map(\.kind) == [.code(0), .code(1), .code(2)])
        #expect(article.document.blocks.map(\.range.startLine) == [4, 8, 12])
        #expect(article.codeBlocks[2].code == "indented $a$\n")
        #expect(article.math.isEmpty)
    }

    @Test func rawHTMLIsKeptAsWritten() {
        let article = parse("<div class=\"x\">\n<h2>Not a heading</h2>\n</div>\n\nAfter.\n")
        #expect(article.document.blocks.first?.kind == .html("<div class=\"x\">\n<h2>Not a heading</h2>\n</div>\n"))
        #expect(article.document.blocks.first?.range.startLine == 4)
        #expect(article.headings.isEmpty)
    }

    @Test func formulasAreNodesWithTheirSourceInTheArticle() {
        let article = parse("Let $a_1 * b$ be *real*, and\n\n$$\n\\frac{1}{2}\n$$\n")
        #expect(article.document.blocks.map(\.kind) == [
            .paragraph([.text("Let "), .math(0), .text(" be "), .emphasis([.text("real")]), .text(", and")]),
            .paragraph([.math(1)]),
        ])
        #expect(article.math[0].tex == "a_1 * b")
        #expect(article.math[0].location == SourceLocation(file: "articles/d.md", line: 4, column: 5))
        #expect(article.math[0].texLocation == SourceLocation(file: "articles/d.md", line: 4, column: 6))
        #expect(article.math[1].isDisplay)
        #expect(article.math[1].location.line == 6)
        #expect(article.math[1].endLocation == SourceLocation(file: "articles/d.md", line: 8, column: 3))
        #expect(article.document.blocks[1].range == SourceRange(startLine: 6, startColumn: 1, endLine: 8, endColumn: 2))
    }

    /// Ranges are in the source's columns, whatever a formula's placeholder took while
    /// cmark parsed (7 bytes for the 20 of the first formula here).
    @Test func rangesCountTheFormulasAsWritten() {
        let single = parse("A $\\sum_{i=1}^n x_i^2$ z.\n")
        #expect(only(single)?.range == SourceRange(startLine: 4, startColumn: 1, endLine: 4, endColumn: 25))
        #expect(single.math.map(\.endLocation.column) == [23])
        let quote = parse("> A $x$ and $$a\n> bc$$\n")
        guard case let .blockQuote(children)? = only(quote)?.kind else {
            Issue.record("not a quote")
            return
        }
        #expect(only(quote)?.range == SourceRange(startLine: 4, startColumn: 1, endLine: 5, endColumn: 6))
        #expect(children.first?.range == SourceRange(startLine: 4, startColumn: 3, endLine: 5, endColumn: 6))
        #expect(quote.math.map(\.endLocation.column) == [8, 7])
    }

    /// Columns count Unicode scalars from the line's start, for every formula of a busy
    /// line with multi-byte text between them (the counter resumes where it left off).
    @Test func columnsOfManyFormulasOnOneLine() {
        let line = "设 $a$ 与 $b_é$, then ∑ $c$ — $\\frac{α}{β}$ 完, and $$d$$ end"
        let article = parse(line + "\n")
        let scalars = Array(line.unicodeScalars)
        var expected: [(Int, Int)] = []
        var k = 0
        while k < scalars.count {
            guard scalars[k] == "$" else { k += 1; continue }
            let display = k + 1 < scalars.count && scalars[k + 1] == "$"
            let open = display ? 2 : 1
            var close = k + open
            while scalars[close] != "$" { close += 1 }
            expected.append((k + 1, close + open + 1))
            k = close + open
        }
        #expect(article.math.count == 5)
        #expect(article.math.map(\.location.column) == expected.map(\.0))
        #expect(article.math.map(\.endLocation.column) == expected.map(\.1))
        #expect(article.math.map { ($0.texLocation.column ?? 0) - ($0.location.column ?? 0) } == [1, 1, 1, 1, 2])
    }

    @Test func codeIsNeverMath() {
        let article = parse("Code `a $x$ b` and <span title=\"$y$\">z</span>.\n")
        #expect(only(article)?.kind == .paragraph([
            .text("Code "), .code("a $x$ b"), .text(" and "), .html("<span title=\"$y$\">"), .text("z"), .html("</span>"),
            .text("."),
        ]))
    }

    @Test func inlineValuesAndNumberClaimsAreNodes() {
        let article = parse("Value `= 1 + 1`, claim `0.5 ≈ 1.0 / 2`, code `x = 1`.\n")
        #expect(only(article)?.kind == .paragraph([
            .text("Value "), .value(0), .text(", claim "), .value(1), .text(", code "), .code("x = 1"), .text("."),
        ]))
        #expect(article.inlineValues.map(\.expression) == ["1 + 1", "1.0 / 2"])
    }

    /// An escaped dollar is text, whatever follows it (the table of contents bug).
    @Test func escapedDollarsAreText() {
        let article = parse("## Price \\$5 or \\$10\n")
        #expect(only(article)?.kind == .heading(level: 2, index: 0, [.text("Price $5 or $10")]))
    }
}
