/// Collects the plain text of a page for the search index: words as a reader sees them,
/// whitespace collapsed to single spaces, cut near a byte limit (never inside a
/// character). Text comes in three forms, which may be mixed in any order:
///
/// - ``text(_:)``: text as written (what an HTML page shows after its escapes);
/// - ``tag()`` and ``whitespace()``: where the page has an element's tag (a word boundary)
///   or a line ending;
/// - ``html(_:)``: an HTML fragment, whose tags are dropped and whose escaper's entities
///   (`&amp; &lt; &gt; &quot; &#39;`) are decoded; a formula typeset by KaTeX counts as its
///   TeX (its MathML annotation), not as the glyphs and elements it is drawn with.
///
/// Feeding a page's parts this way gives the same text as feeding the whole page's HTML
/// to ``html(_:)``: every method continues the same state (inside a tag or not, after a
/// space or not).
struct PlainTextWriter {
    let limit: Int
    private var out: [UInt8] = []
    private var inTag = false
    private var lastWasSpace = true

    init(limit: Int) {
        self.limit = limit
        out.reserveCapacity(min(limit, 1 << 16))
    }

    /// Whether the limit is reached (anything more is ignored).
    var isFull: Bool { out.count >= limit }

    private mutating func write(_ c: UInt8) {
        guard out.count < limit else { return }
        out.append(c)
        lastWasSpace = false
    }

    private mutating func space() {
        guard out.count < limit else { return }
        if !lastWasSpace { out.append(UInt8(ascii: " ")) }
        lastWasSpace = true
    }

    /// An element's tag: `<…>`.
    mutating func tag() {
        inTag = false
        space()
    }

    /// A line ending between elements.
    mutating func whitespace() {
        if !inTag { space() }
    }

    /// Text as the reader sees it.
    mutating func text(_ s: String) {
        guard !inTag, !isFull else { return }
        var s = s
        s.withUTF8 { b in
            func isSpace(_ c: UInt8) -> Bool {
                c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r")
            }
            // Runs of non-space bytes are copied whole; a run of spaces becomes one.
            var i = 0
            while i < b.count, out.count < limit {
                var j = i
                while j < b.count, !isSpace(b[j]) { j += 1 }
                if j > i {
                    let take = min(j - i, limit - out.count)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + take)]))
                    lastWasSpace = false
                    if take < j - i { return }
                    i = j
                    continue
                }
                if !lastWasSpace { out.append(UInt8(ascii: " ")) }
                lastWasSpace = true
                i += 1
            }
        }
    }

    /// An HTML fragment.
    mutating func html(_ s: String) {
        guard !isFull else { return }
        var s = s
        s.withUTF8 { b in
            var i = 0
            while i < b.count, !isFull {
                let c = b[i]
                i += 1
                if c == UInt8(ascii: "<"), !inTag, let formula = KaTeXSpan.find(b, at: i) {
                    space()
                    for k in formula.tex { write(b[k]) }
                    space()
                    i = formula.end
                    continue
                }
                switch c {
                case UInt8(ascii: "<"): inTag = true
                case UInt8(ascii: ">"): inTag = false; space()
                case _ where inTag: continue
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): space()
                case UInt8(ascii: "&"):
                    if let e = Self.entities.first(where: { i + $0.name.count <= b.count && b[i..<(i + $0.name.count)].elementsEqual($0.name) }) {
                        write(e.value)
                        i += e.name.count
                    } else {
                        write(c)
                    }
                default: write(c)
                }
            }
        }
    }

    /// The text: whole characters only, no trailing space.
    func finish() -> String {
        var bytes = out
        let n = bytes.withUnsafeMutableBufferPointer { Self.completeCharacters($0, count: $0.count) }
        bytes.removeLast(bytes.count - n)
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` shortened so that the bytes end with a whole UTF-8 character.
    static func completeCharacters(_ bytes: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        var lead = count
        while lead > 0, count - lead < 4, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        guard lead > 0 else { return count }
        let first = bytes[lead - 1]
        let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        return count - (lead - 1) >= length ? count : lead - 1
    }

    /// The entities that `HTMLEscaping` writes, without their `&`, and what they stand for.
    private static let entities: [(name: [UInt8], value: UInt8)] = [
        (Array("lt;".utf8), UInt8(ascii: "<")), (Array("gt;".utf8), UInt8(ascii: ">")),
        (Array("quot;".utf8), UInt8(ascii: "\"")), (Array("#39;".utf8), UInt8(ascii: "'")),
        (Array("amp;".utf8), UInt8(ascii: "&")),
    ]
}
