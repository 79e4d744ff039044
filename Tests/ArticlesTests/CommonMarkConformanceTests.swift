import Articles
import Foundation
import Testing

/// The CommonMark 0.30 examples render through Lemma (math protection on) exactly as
/// cmark renders them, except examples where `$…$` is math.
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
            .appendingPathComponent("Fixtures/commonmark-spec-0.30.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Example].self, from: data)) ?? []
    }()

    /// Whitespace between tags and trailing newlines do not matter.
    static func normalise(_ html: String) -> String {
        var s = html.replacingOccurrences(of: ">\n<", with: "><")
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    @Test func allExamplesAreLoaded() {
        #expect(Self.examples.count == 652)
    }

    @Test(arguments: examples)
    func example(_ e: Example) {
        let article = ArticleParser.parse(e.markdown, path: "spec.md", frontMatter: false)
        let html = article.html(replacingCodeBlocks: [:]) { span in
            span.isDisplay ? "$$\(span.tex)$$" : "$\(span.tex)$"
        }
        if e.markdown.contains("$"), !article.math.isEmpty { return }  // math by design
        #expect(Self.normalise(html) == Self.normalise(e.html))
    }
}
