/// URL- and id-safe names: ASCII letters lower-cased, digits and non-ASCII letters (so
/// Chinese stays readable) kept, everything else turned into single hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            // ASCII is decided by its code (letters and digits; upper case lowered by 32),
            // without the Unicode property tables; the slug is built as UTF-8 bytes.
            let value = scalar.value
            let isWord = value < 0x80
                ? (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
                : scalar.properties.isAlphabetic
            if isWord {
                if pendingHyphen, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                if value < 0x80 {
                    out.append(UInt8((0x41...0x5A).contains(value) ? value + 32 : value))
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }

    /// Makes `slug` unique among `used` by appending `-2`, `-3`, …
    static func unique(_ slug: String, _ used: inout Set<String>) -> String {
        var candidate = slug
        var k = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(k)"
            k += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The address of an article page relative to the page that links to it from the same
    /// folder: `./` and the slug percent-encoded, so no file name (`javascript:x.md`,
    /// `a#b.md`) can read as a scheme, a fragment or a query.
    public static func pageURL(_ slug: String) -> String { "./" + pagePath(slug) }

    /// The slug percent-encoded plus `.html`, to follow a base URL.
    public static func pagePath(_ slug: String) -> String { percentEncoded(slug) + ".html" }

    /// ASCII other than letters, digits and `-._~` as `%XX`; other characters as they are.
    static func percentEncoded(_ text: String) -> String {
        let hex: StaticString = "0123456789ABCDEF"
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x80..., UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                hex.withUTF8Buffer { digits in
                    out.append(contentsOf: [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 15)]])
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A distinct slug for every tag (`C++`, `C#` and `c` would all be `c`): tags in name
    /// order, the first keeps the plain slug, later ones get `-2`, `-3`, …
    public static func tags(_ tags: some Sequence<String>) -> [String: String] {
        var used: Set<String> = []
        var result: [String: String] = [:]
        for tag in Set(tags).sorted() { result[tag] = unique(make(tag), &used) }
        return result
    }
}
