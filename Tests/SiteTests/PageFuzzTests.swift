import Articles
import Diagnostics
import Foundation
import Testing
import Verifier
@testable import Site

/// Seeded random documents through the whole renderer: no crash, and no private-use
/// character (the parser's and theme's placeholders live in U+E000–U+F8FF) on any page or
/// in the search index unless the document itself holds one.
@Suite struct PageFuzzTests {
    static let pieces = [
        "$", "$$", "$a$", "$$b$$", "\\$", "`", "``", "```", "```swift check\n", "```output\n", "~~~", "`= 1 + 1`", "`= x`",
        "    ", "\t", "> ", "- ", "1. ", "* ", "# ", "## ", "### ", "<div>", "</div>", "<!--", "-->", "<h2>", "</h2>",
        "\\", "a", "x_1", "b*c", "*", "_", " ", "\n", "\n", "\n", "\n\n", "[l](u)", "[a]: /u", "![i](p)", "|", "| a | b |\n|---|---|\n",
        "\\label{e}", "\\eqref{e}", "$\\eqref{e}$", "{{x}}", "{{{y}}}", "&amp;", "<script>", "中文", "\r\n", "---\n", "===",
    ]

    static func hasPrivateUse(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }
    }

    /// The text around the first private-use character, with such characters as `<U+E002>`.
    static func context(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        guard let k = s.firstIndex(where: { (0xE000...0xF8FF).contains($0.value) }) else { return "" }
        return s[max(0, k - 60)..<min(s.count, k + 30)].map {
            (0xE000...0xF8FF).contains($0.value) ? "<U+\(String($0.value, radix: 16, uppercase: true))>" : String($0)
        }.joined().debugDescription
    }

    @Test func randomDocumentsLeaveNoPlaceholderOnAnyPage() throws {
        var state: UInt64 = 0x5151_2026_1203_0001
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let renderer = try SiteRenderer(settings: SiteSettings())
        var leaks = 0
        for k in 0..<3000 {
            let body = (0..<(6 + next(50))).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let title = (0..<(1 + next(4))).map { _ in ["T", "$x$", "`c`", "<b>", "中"][next(5)] }.joined()
            let markdown = "---\ntitle: \"\(title)\"\ntags: [t\(next(3))]\nsummary: \"$s$ and `c`\"\n---\n" + body
            let article = ArticleParser.parse(markdown, path: "articles/f\(k).md")
            // Results as a run would give them: every inline value and block filled in.
            var result = ArticleResult(path: article.path)
            result.inlineValues = article.inlineValues.map { _ in "2" }
            result.blocks = article.claimBlocks.map { BlockResult(line: $0.codeLine, stdout: "printed $x$\n") }
            let output = try renderer.site([article], results: [result])
            for (name, page) in output.pages where Self.hasPrivateUse(page) {
                leaks += 1
                if leaks <= 3 { Issue.record("placeholder on \(name): \(Self.context(page)) for \(markdown.debugDescription)") }
            }
        }
        #expect(leaks == 0)
    }
}
