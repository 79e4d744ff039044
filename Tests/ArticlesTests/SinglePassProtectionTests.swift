import Foundation
import Testing
@testable import Articles

/// The parser protects formulas without first asking cmark where the code blocks are,
/// and falls back to asking when that could matter. These tests hold it to the result of
/// always asking: the code lines of the original text, then protection, then cmark.
@Suite struct SinglePassProtectionTests {
    /// The two-pass reference: protected text and rendered template.
    static func reference(_ markdown: String) -> (text: String, template: String, math: [MathSpan]) {
        var codeLines = Set<Int>()
        for block in CMark.blocks(of: markdown) where block.kind == .codeBlock || block.kind == .htmlBlock {
            codeLines.formUnion(block.startLine...max(block.startLine, block.endLine))
        }
        let protected = MathProtector(file: "t.md", codeLines: codeLines).protect(markdown)
        return (protected.text, CMark.document(protected.text).template, protected.spans)
    }

    static func expectSameAsReference(_ markdown: String, _ comment: Comment? = nil) {
        let article = ArticleParser.parse(markdown, path: "t.md", frontMatter: false)
        let expected = reference(markdown)
        #expect(article.markdown == expected.text, comment)
        #expect(article.htmlTemplate == expected.template, comment)
        #expect(article.math == expected.math, comment)
    }

    @Test(arguments: [
        "```swift\nlet s = \"$a$\"\n```\n\nText $x$.",  // a formula inside a fenced block
        "Text $a\n```\ncode$ more\n```\n",  // a formula that would hide a fence
        "Text $$a\n<div>\n$$ b\n",  // a display formula that would hide an HTML block
        "    indented $a$ code\n\nText $b$\n",  // indented code
        "<div>\n$a$\n</div>\n\nText $b$\n",  // an HTML block
        "```\n`\n```\n\nSome `code` and $x$\n",  // a code span opened inside a code block
        "```\n`x`\n```\n\nAnd $x$\n",  // a code span closed inside its code block
        "> quote $a$\n> ```\n> $b$\n> ```\n",  // a fence in a block quote
        "- item\n\n      code $a$\n\n  text $b$\n",  // indented code in a list item
        "Text $a\n> b$\n>\n>     code $c$\n",  // a formula that would hide a block quote marker
        "Text $a\n1. b$\n\n     code $c$\n",  // … or a list marker
        "<!--\n$a\n-->$\ntext $b$\n",  // … or the end of an HTML comment
        "Plain $x$ and $$y$$ with no code at all.\n",
    ])
    func trickyDocuments(markdown: String) {
        Self.expectSameAsReference(markdown)
    }

    /// Every CommonMark example with its `foo`s turned into formulas — in code blocks,
    /// code spans, HTML, links, lists and quotes alike.
    @Test func commonMarkExamplesWithFormulas() {
        let examples = CommonMarkConformanceTests.examples
        #expect(examples.count == 652)
        for e in examples {
            for markdown in [e.markdown, e.markdown.replacingOccurrences(of: "foo", with: "$f_1$"),
                             e.markdown.replacingOccurrences(of: "foo", with: "$$f\n$$")] {
                Self.expectSameAsReference(markdown, "example \(e.example): \(markdown.debugDescription)")
            }
        }
    }
}
