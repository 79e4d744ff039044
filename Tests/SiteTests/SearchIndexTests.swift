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

/// JSON strings of the search index, escaped eight bytes at a time where nothing needs it.
@Suite struct JSONStringTests {
    @Test func wordTestIsExact() {
        var state: UInt64 = 99
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var w = state
            // Sprinkle bytes at and around the boundaries: 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA0.
            let near: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA0, 0xDC, 0xE2]
            for k in 0..<8 where (state >> (k + 40)) & 3 == 0 {
                w = (w & ~(0xFF << (8 * UInt64(k)))) | UInt64(near[Int((state >> (8 * UInt64(k))) % UInt64(near.count))]) << (8 * UInt64(k))
            }
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: w >> (8 * UInt64($0))) }
            let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            #expect(SearchIndex.wordNeedsEscape(w) == expected)
        }
    }

    @Test func everyASCIIByteRoundTrips() throws {
        let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for text in [all, "plain text that is long enough to take the fast path \"quoted\" and \\ back", "数学 \u{1} é", ""] {
            for shift in 0..<9 {
                let s = String(repeating: "x", count: shift) + text
                var out: [UInt8] = []
                SearchIndex.appendJSONString(s, to: &out)
                let decoded = try JSONSerialization.jsonObject(with: Data(out), options: .fragmentsAllowed) as? String
                #expect(decoded == s)
            }
        }
    }
}

/// HTML escaping, eight bytes at a time, against a character-by-character reference.
@Suite struct HTMLEscapingTests {
    static func reference(_ s: String, apostrophe: Bool) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    @Test func matchesTheReferenceAtEveryPosition() {
        let pieces = ["a", "&", "<", ">", "\"", "'", "数", "é\u{301}", " ", "plain words", "😀"]
        var state: UInt64 = 5
        for _ in 0..<3000 {
            var s = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for k in 0..<Int(state >> 59) {
                s += pieces[Int((state >> UInt64(k * 3 % 50)) % UInt64(pieces.count))]
            }
            for apostrophe in [true, false] {
                #expect(HTMLEscaping.escape(s, apostrophe: apostrophe) == Self.reference(s, apostrophe: apostrophe), "\(s.debugDescription)")
            }
        }
    }
}

/// Text fed to the search-text writer: whitespace runs collapsed to one space, cut at the
/// limit — the same whether a text fits (the fast path) or reaches the limit.
@Suite struct PlainTextWriterTests {
    static func reference(_ parts: [String], limit: Int) -> String {
        var out: [UInt8] = []
        var last = true
        for byte in parts.joined().utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if space { if !last { out.append(0x20) } } else { out.append(byte) }
            last = space
        }
        let cut = Array(out.prefix(limit))
        // Whole characters only, no trailing space (as `finish()`).
        var end = cut.count
        while end > 0, end < out.count, out[end] & 0xC0 == 0x80 { end -= 1 }
        var text = Array(cut[..<end])
        while text.last == 0x20 { text.removeLast() }
        return String(decoding: text, as: UTF8.self)
    }

    @Test func collapsesAndCutsLikeTheReference() {
        let parts = ["  leading", " two  spaces\tand\ttabs\n\nlines ", "数学 公式", "", "  ", "end.\r\n", "x"]
        for limit in [0, 1, 5, 9, 10, 11, 20, 31, 40, 1000] {
            for k in 1...parts.count {
                var writer = PlainTextWriter(limit: limit)
                for part in parts.prefix(k) { writer.text(part) }
                #expect(writer.finish() == Self.reference(Array(parts.prefix(k)), limit: limit), "limit \(limit), parts \(k)")
            }
        }
    }
}
