import Foundation
import Testing
@testable import Site

@Suite struct SearchIndexTests {
    @Test func plainTextDropsTagsDecodesEntitiesCollapsesSpace() {
        let text = SearchIndex.plainText("<h2 id=\"x\">Title</h2>\n<p>a &amp; b,\n  c&lt;d &quot;e&quot; &#39;f&#39; &unknown;</p>")
        #expect(text == "Title a & b, c<d \"e\" 'f' &unknown;")
    }

    /// A regression: the cut at the end removed the last character of every text that
    /// ended in a multi-byte one, whole or not.
    @Test func plainTextKeepsAFinalWholeChineseCharacter() {
        #expect(SearchIndex.plainText("<p>线性代数。</p>") == "线性代数。")
    }

    @Test func plainTextIsCutAtTheLimitBetweenCharacters() {
        // 3-byte characters: the limit (not a multiple of 3) falls inside one.
        let html = "<p>" + String(repeating: "中", count: SearchIndex.textLimit) + "</p>"
        let text = SearchIndex.plainText(html)
        #expect(SearchIndex.textLimit % 3 != 0)
        #expect(text.utf8.count == SearchIndex.textLimit / 3 * 3)
        #expect(text.allSatisfy { $0 == "中" })
    }

    @Test func jsonRoundTripsAwkwardText() throws {
        let entries = [
            SearchIndex.Entry(title: "Quotes \" and \\ backslashes", url: "a.html", text: "line\nbreak\ttab\r\u{1}\u{1F}end"),
            SearchIndex.Entry(title: "正定矩阵的判别式", url: "b.html", text: "$x^2$ — ünïcödé"),
            SearchIndex.Entry(title: "", url: "c.html", text: ""),
        ]
        let json = SearchIndex.json(entries)
        let decoded = try JSONDecoder().decode([SearchIndex.Entry].self, from: Data(json.utf8))
        #expect(decoded.map(\.title) == entries.map(\.title))
        #expect(decoded.map(\.text) == entries.map(\.text))
        #expect(decoded.map(\.url) == entries.map(\.url))
    }

    /// The site ships the index as a script (loadable from file://) whose array is the JSON.
    @Test func scriptAssignsTheJSONArray() throws {
        let entries = [SearchIndex.Entry(title: "</script> \u{2028}", url: "a.html", text: "x")]
        let script = SearchIndex.script(objects: entries.map(SearchIndex.object))
        let prefix = "window.lemmaSearchIndex = "
        #expect(script.hasPrefix(prefix))
        #expect(script.hasSuffix(";\n"))
        let array = script.dropFirst(prefix.count).dropLast(2)
        let decoded = try JSONDecoder().decode([SearchIndex.Entry].self, from: Data(array.utf8))
        #expect(decoded.map(\.title) == entries.map(\.title))
    }
}
