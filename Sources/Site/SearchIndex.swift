import Articles
import Foundation

/// `search-index.js`: title, address and plain text of every article, for the client-side
/// search of `search.js`. It is a script that assigns a JSON array to
/// `window.lemmaSearchIndex`, not a `.json` file, because a browser loads scripts from a site
/// opened from disk (`file://`) but refuses to `fetch` files there.
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

    /// The script file: the array of already written objects assigned to
    /// `window.lemmaSearchIndex`.
    static func script(objects: [String]) -> String {
        // Built once in place: the index is ~10 MB for a thousand articles.
        var out = "window.lemmaSearchIndex = ["
        out.reserveCapacity(64 + objects.reduce(0) { $0 + $1.utf8.count + 1 })
        for (k, object) in objects.enumerated() {
            if k > 0 { out += "," }
            out += object
        }
        out += "];\n"
        return out
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
        var s = s
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { bytes in
            needsEscape.withUnsafeBufferPointer { escaped in
                // Bytes that need no escape are copied in runs; a run is found eight bytes
                // at a time while no byte of the word is a control, `"` or `\\`.
                var runStart = 0
                var i = 0
                let raw = UnsafeRawBufferPointer(bytes)
                while i < bytes.count {
                    #if _endian(little)
                    if i + 8 <= bytes.count, !Self.wordNeedsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                        i += 8
                        continue
                    }
                    #endif
                    let byte = bytes[i]
                    guard escaped[Int(byte)] else {
                        i += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    // Backslashes are common (TeX): two single appends, no sequence copies.
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                        out.append(UInt8(ascii: "\\"))
                        out.append(byte)
                    case UInt8(ascii: "\n"):
                        out.append(UInt8(ascii: "\\"))
                        out.append(UInt8(ascii: "n"))
                    case UInt8(ascii: "\r"):
                        out.append(UInt8(ascii: "\\"))
                        out.append(UInt8(ascii: "r"))
                    case UInt8(ascii: "\t"):
                        out.append(UInt8(ascii: "\\"))
                        out.append(UInt8(ascii: "t"))
                    default: out.append(contentsOf: String(format: "\\u%04x", Int(byte)).utf8)
                    }
                    i += 1
                    runStart = i
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any byte of `w` is below 0x20, `"` or `\\` (``ByteWord``).
    static func wordNeedsEscape(_ w: UInt64) -> Bool {
        (ByteWord.below(w, 0x20) | ByteWord.equal(w, UInt8(ascii: "\"")) | ByteWord.equal(w, UInt8(ascii: "\\"))) != 0
    }

    /// The bytes that a JSON string escapes: controls, `"` and `\`.
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    /// The text of an HTML fragment: tags dropped, the escaper's entities decoded,
    /// whitespace collapsed, cut near ``textLimit`` bytes (never inside a character).
    static func plainText(_ html: String) -> String {
        var writer = PlainTextWriter(limit: textLimit)
        writer.html(html)
        return writer.finish()
    }
}

/// Finds KaTeX's output in HTML bytes: `<span class="katex">…</span>`, with the TeX kept
/// in its `<annotation encoding="application/x-tex">`.
enum KaTeXSpan {
    private static let open = Array("span class=\"katex\">".utf8)
    private static let annotation = Array("<annotation encoding=\"application/x-tex\">".utf8)
    private static let annotationEnd = Array("</annotation>".utf8)
    private static let spanOpen = Array("<span".utf8), spanClose = Array("</span>".utf8)

    /// `b[at - 1]` is a `<`: when it opens a KaTeX span, the byte range of its TeX (still
    /// entity-escaped, as the page has it) and the offset just after its closing tag.
    static func find(_ b: UnsafeBufferPointer<UInt8>, at: Int) -> (tex: Range<Int>, end: Int)? {
        guard matches(b, at, open) else { return nil }
        var depth = 1, i = at + open.count
        var tex = i..<i
        while i < b.count, depth > 0 {
            if b[i] == UInt8(ascii: "<") {
                if matches(b, i, annotation) {
                    let start = i + annotation.count
                    var j = start
                    while j < b.count, !matches(b, j, annotationEnd) { j += 1 }
                    tex = start..<j
                    i = j
                    continue
                }
                if matches(b, i, spanOpen) { depth += 1 } else if matches(b, i, spanClose) { depth -= 1 }
            }
            i += 1
        }
        guard depth == 0 else { return nil }
        return (tex, i - 1 + spanClose.count)
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= b.count, let base = b.baseAddress else { return false }
        return word.withUnsafeBufferPointer { memcmp(base + at, $0.baseAddress!, word.count) == 0 }
    }
}
