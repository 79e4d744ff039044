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
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || (apostrophe && byte == UInt8(ascii: "'"))
        }
        guard s.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? s.utf8.contains(where: special) else {
            return s
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            guard special(byte) else {
                out.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            default: out.append(contentsOf: "&#39;".utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
