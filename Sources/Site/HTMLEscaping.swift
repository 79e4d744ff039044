import Articles

extension String {
    /// The text with `& < > " '` replaced by entities, safe in element content and in
    /// quoted attribute values.
    public var htmlEscaped: String { HTMLEscaping.escape(self, apostrophe: true) }
}

/// HTML escaping on UTF-8 bytes.
enum HTMLEscaping {
    /// `& < > "` become entities, and `'` too when `apostrophe` is true (cmark leaves
    /// apostrophes alone, so text rendered the way cmark does passes `false`).
    static func escape(_ s: String, apostrophe: Bool) -> String {
        var s = s
        let escaped: String? = s.withUTF8 { b in
            guard firstSpecial(b, from: 0, apostrophe: apostrophe) < b.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 16)
            append(b, apostrophe: apostrophe, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? s
    }

    /// `b` escaped onto `out`: runs without special bytes copied at once, found eight
    /// bytes at a time (``ByteWord``).
    static func append(_ b: UnsafeBufferPointer<UInt8>, apostrophe: Bool, to out: inout [UInt8]) {
        var run = 0
        var i = firstSpecial(b, from: 0, apostrophe: apostrophe)
        while i < b.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
            let entity: StaticString
            switch b[i] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: entity = "&#39;"
            }
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            run = i + 1
            i = firstSpecial(b, from: run, apostrophe: apostrophe)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
    }

    /// The index of the first byte at or after `start` that escaping changes, or `b.count`.
    static func firstSpecial(_ b: UnsafeBufferPointer<UInt8>, from start: Int, apostrophe: Bool) -> Int {
        ByteWord.firstIndex(
            in: b, from: start,
            hits: { w in
                ByteWord.equal(w, UInt8(ascii: "&")) | ByteWord.equal(w, UInt8(ascii: "<")) | ByteWord.equal(w, UInt8(ascii: ">"))
                    | ByteWord.equal(w, UInt8(ascii: "\"")) | (apostrophe ? ByteWord.equal(w, UInt8(ascii: "'")) : 0)
            },
            isHit: { c in
                c == UInt8(ascii: "&") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "\"")
                    || (apostrophe && c == UInt8(ascii: "'"))
            })
    }
}
