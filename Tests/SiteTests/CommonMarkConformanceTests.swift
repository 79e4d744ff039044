import Foundation
import Testing
@testable import Articles
@testable import Site

/// The site's renderer walks the document model; these tests hold it to cmark: the
/// CommonMark 0.30 examples render as the spec says (math protection on), and every
/// example — also with formulas put in — renders byte for byte as cmark renders the same
/// protected Markdown.
@Suite struct CommonMarkConformanceTests {
    struct Example: Decodable, Sendable, CustomTestStringConvertible {
        var markdown: String
        var html: String
        var example: Int
        var section: String
        var testDescription: String { "example \(example) (\(section))" }
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ArticlesTests/Fixtures/commonmark-spec-0.30.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Example].self, from: data)) ?? []
    }()

    /// Whitespace between tags and trailing newlines do not matter.
    static func normalise(_ html: String) -> String {
        var s = html.replacingOccurrences(of: ">\n<", with: "><")
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    static func tex(_ span: MathSpan) -> String { span.isDisplay ? "$$\(span.tex)$$" : "$\(span.tex)$" }

    @Test func allExamplesAreLoaded() {
        #expect(Self.examples.count == 652)
    }

    @Test(arguments: examples)
    func example(_ e: Example) {
        let article = ArticleParser.parse(e.markdown, path: "spec.md", frontMatter: false)
        let html = article.renderedHTML(math: Self.tex)
        if e.markdown.contains("$"), !article.math.isEmpty { return }  // math by design
        #expect(Self.normalise(html) == Self.normalise(e.html))
    }

    /// cmark's HTML of the protected Markdown, with each formula put back in its place:
    /// what the page had before the document model, and must still have.
    static func reference(_ article: Article, protectedMarkdown: String) -> String {
        MathRestorer.restore(CMark.referenceHTML(protectedMarkdown), math: article.math, render: tex)
    }

    /// The Markdown as cmark sees it: formulas protected, never in code or HTML blocks.
    static func protected(_ markdown: String) -> String {
        var codeLines = Set<Int>()
        for block in CMark.blocks(of: markdown) where block.kind == .codeBlock || block.kind == .htmlBlock {
            codeLines.formUnion(block.startLine...max(block.startLine, block.endLine))
        }
        return MathProtector(file: "spec.md", codeLines: codeLines).protect(markdown).text
    }

    /// Byte for byte, not normalised: the examples, and the examples with their `foo`s
    /// turned into inline and display formulas.
    @Test func everyExampleRendersExactlyAsCmark() {
        var mismatches = 0
        for e in Self.examples {
            for markdown in [e.markdown, e.markdown.replacingOccurrences(of: "foo", with: "$f_1$"),
                             e.markdown.replacingOccurrences(of: "foo", with: "$$f\n$$")] {
                let article = ArticleParser.parse(markdown, path: "spec.md", frontMatter: false)
                let expected = Self.reference(article, protectedMarkdown: Self.protected(markdown))
                let actual = article.renderedHTML(math: Self.tex)
                if actual != expected {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record("example \(e.example) \(markdown.debugDescription):\n\(actual.debugDescription)\n≠ cmark\n\(expected.debugDescription)")
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }
}
