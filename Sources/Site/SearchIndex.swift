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

    /// The entries as a JSON array (written directly: large, and only strings).
    static func json(_ entries: [Entry]) -> String {
        json(objects: entries.map(object))
    }

    /// A JSON array of already written objects.
    static func json(objects: [String]) -> String {
        "[" + objects.joined(separator: ",") + "]"
    }

    /// One entry as a JSON object, so entries can be written on all cores.
    static func object(_ e: Entry) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(e.text.utf8.count + e.title.utf8.count + 64)
        out.append(contentsOf: "{\"text\":".utf8)
        appendJSONString(e.text, to: &out)
        out.append(contentsOf: ",\"title\":".utf8)
        appendJSONString(e.title, to: &out)
        out.append(contentsOf: ",\"url\":".utf8)
        appendJSONString(e.url, to: &out)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; other
    /// UTF-8 bytes as they are.
    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20: out.append(contentsOf: String(format: "\\u%04x", Int(byte)).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The text of an HTML fragment: tags dropped, the escaper's entities decoded,
    /// whitespace collapsed, cut near ``textLimit`` bytes. One pass over the UTF-8 bytes.
    static func plainText(_ html: String) -> String {
        let b = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(min(b.count, textLimit + 8))
        var inTag = false
        var lastWasSpace = true
        var i = 0
        let entities: [(name: [UInt8], value: UInt8)] = [
            (Array("lt;".utf8), UInt8(ascii: "<")), (Array("gt;".utf8), UInt8(ascii: ">")),
            (Array("quot;".utf8), UInt8(ascii: "\"")), (Array("#39;".utf8), UInt8(ascii: "'")),
            (Array("amp;".utf8), UInt8(ascii: "&")),
        ]
        func space() {
            if !lastWasSpace { out.append(UInt8(ascii: " ")) }
            lastWasSpace = true
        }
        while i < b.count, out.count < textLimit {
            let c = b[i]
            i += 1
            switch c {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">"): inTag = false; space()
            case _ where inTag: continue
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): space()
            case UInt8(ascii: "&"):
                if let e = entities.first(where: { i + $0.name.count <= b.count && Array(b[i..<(i + $0.name.count)]) == $0.name }) {
                    out.append(e.value)
                    i += e.name.count
                } else {
                    out.append(c)
                }
                lastWasSpace = false
            default:
                out.append(c)
                lastWasSpace = false
            }
        }
        // Do not end inside a multi-byte character.
        while let last = out.last, last & 0xC0 == 0x80 || last >= 0xC0 { out.removeLast(); if last >= 0xC0 { break } }
        while out.last == UInt8(ascii: " ") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
