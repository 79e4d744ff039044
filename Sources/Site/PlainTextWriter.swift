#if canImport(Glibc)
import Glibc
#endif

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
    /// `limit` bytes, of which the first `count` are written.
    private var out: [UInt8]
    private var count = 0
    private var inTag = false
    private var lastWasSpace = true

    init(limit: Int) {
        self.limit = max(0, limit)
        out = [UInt8](repeating: 0, count: self.limit)
    }

    /// Whether the limit is reached (anything more is ignored).
    var isFull: Bool { count >= limit }

    /// A single space unless the text already ends with one.
    private mutating func space() {
        guard count < limit else { return }
        if !lastWasSpace {
            out[count] = UInt8(ascii: " ")
            count += 1
        }
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

    /// 1 for the bytes ``isSpace(_:)`` holds for, else 0.
    private static let spaceTable: [UInt8] = (0..<256).map { isSpace(UInt8($0)) ? 1 : 0 }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r")
    }

    /// Text as the reader sees it.
    mutating func text(_ s: String) {
        guard !inTag, !isFull else { return }
        var s = s
        let limit = self.limit
        var n = count, last = lastWasSpace
        s.withUTF8 { b in
            out.withUnsafeMutableBufferPointer { o in
                // A run of spaces becomes one, without a branch per byte: each byte is
                // written (a space as " "), and the position moves on unless it is a space
                // after a space. A chunk never holds more bytes than there is room for, so
                // no write passes the limit; collapsed spaces leave room for another chunk.
                guard let src = b.baseAddress, let dst = o.baseAddress else { return }
                var i = 0
                var wasSpace: UInt8 = last ? 1 : 0
                while i < b.count, n < limit {
                    let chunkEnd = i + min(b.count - i, limit - n)
                    while i < chunkEnd {
                        let c = src[i]
                        let space = Self.spaceTable[Int(c)]
                        dst[n] = space == 1 ? UInt8(ascii: " ") : c
                        n += Int(1 &- (space & wasSpace))
                        wasSpace = space
                        i += 1
                    }
                }
                last = wasSpace == 1
            }
        }
        count = n
        lastWasSpace = last
    }

    /// An HTML fragment.
    mutating func html(_ s: String) {
        guard !isFull else { return }
        var s = s
        var state = Cursor(count: count, lastWasSpace: lastWasSpace, inTag: inTag, limit: limit)
        s.withUTF8 { b in
            out.withUnsafeMutableBufferPointer { o in
                var i = 0
                while i < b.count, state.count < state.limit {
                    if state.inTag, let base = b.baseAddress {
                        // Nothing inside a tag counts: on to its `>` at once.
                        guard let end = memchr(base + i, Int32(UInt8(ascii: ">")), b.count - i) else {
                            i = b.count
                            break
                        }
                        i = base.distance(to: end.assumingMemoryBound(to: UInt8.self)) + 1
                        state.inTag = false
                        state.space(o)
                        continue
                    }
                    let c = b[i]
                    i += 1
                    if c == UInt8(ascii: "<"), !state.inTag, let formula = KaTeXSpan.find(b, at: i) {
                        state.space(o)
                        for k in formula.tex { state.write(b[k], o) }
                        state.space(o)
                        i = formula.end
                        continue
                    }
                    switch c {
                    case UInt8(ascii: "<"): state.inTag = true
                    case UInt8(ascii: ">"):
                        state.inTag = false
                        state.space(o)
                    case _ where state.inTag: continue
                    case _ where Self.isSpace(c): state.space(o)
                    case UInt8(ascii: "&"):
                        if let e = Self.entities.first(where: { i + $0.name.count <= b.count && b[i..<(i + $0.name.count)].elementsEqual($0.name) }) {
                            state.write(e.value, o)
                            i += e.name.count
                        } else {
                            state.write(c, o)
                        }
                    default: state.write(c, o)
                    }
                }
            }
        }
        count = state.count
        lastWasSpace = state.lastWasSpace
        inTag = state.inTag
    }

    /// The writer's state while a fragment is read, kept in locals (a nested function
    /// capturing them made every byte pay a dynamic exclusivity check).
    private struct Cursor {
        var count: Int
        var lastWasSpace: Bool
        var inTag: Bool
        let limit: Int

        mutating func write(_ c: UInt8, _ o: UnsafeMutableBufferPointer<UInt8>) {
            guard count < limit else { return }
            o[count] = c
            count += 1
            lastWasSpace = false
        }

        mutating func space(_ o: UnsafeMutableBufferPointer<UInt8>) {
            guard count < limit else { return }
            if !lastWasSpace {
                o[count] = UInt8(ascii: " ")
                count += 1
            }
            lastWasSpace = true
        }
    }

    /// The text: whole characters only, no trailing space.
    func finish() -> String {
        var end = out.withUnsafeBufferPointer { Self.completeCharacters(UnsafeMutableBufferPointer(mutating: $0), count: count) }
        while end > 0, out[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return String(decoding: out[..<end], as: UTF8.self)
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
