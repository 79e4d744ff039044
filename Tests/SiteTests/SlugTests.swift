import Testing
@testable import Site

/// Slugs decide anchors and page names: the ASCII fast path must give what the Unicode
/// rule gives (letters by their alphabetic property, lower-cased; digits; the rest hyphens).
@Suite struct SlugTests {
    /// The rule written plainly, with the Unicode tables for every character.
    func reference(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !out.isEmpty { out += "-" }
                pendingHyphen = false
                out += scalar.isASCII ? String(scalar).lowercased() : String(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    @Test func everyASCIICharacterAndMixedScripts() {
        let ascii = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
        var texts = ascii.map { "a\($0)b" } + ascii
        texts += ["A Rotation, in 3-D!", "线性代数 and Gram–Schmidt", "Ünïcödé ÄÖÜ ß", "  --  ", "", "x²+y²", "Σ_k a_k", "ǅemal Ⅻ"]
        for text in texts { #expect(Slug.make(text) == reference(text), "\(text.debugDescription)") }
    }
}
