import Foundation

/// `search-index.json`: title, address and plain text of every article, for the
/// client-side search of `search.js`.
enum SearchIndex {
    struct Entry: Codable {
        var title: String
        var url: String
        var text: String
    }

    /// At most this many characters of each article's text go into the index.
    static let textLimit = 20_000

    static func json(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of an HTML fragment: tags dropped, entities of the escaper decoded,
    /// whitespace collapsed, cut at ``textLimit`` characters.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        var lastWasSpace = true
        for c in html {
            if c == "<" { inTag = true; continue }
            if c == ">" { inTag = false; if !lastWasSpace { text.append(" "); lastWasSpace = true }; continue }
            if inTag { continue }
            if c.isWhitespace {
                if !lastWasSpace { text.append(" ") }
                lastWasSpace = true
            } else {
                text.append(c)
                lastWasSpace = false
            }
            if text.count >= textLimit { break }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
