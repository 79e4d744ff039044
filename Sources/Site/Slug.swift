/// URL- and id-safe names: ASCII letters lower-cased, digits and non-ASCII letters (so
/// Chinese stays readable) kept, everything else turned into single hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let isWord = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if isWord {
                if pendingHyphen, !out.isEmpty { out += "-" }
                pendingHyphen = false
                if scalar.isASCII {
                    out += String(scalar).lowercased()
                } else {
                    out.unicodeScalars.append(scalar)
                }
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
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
}
