import Foundation

/// A number written in the prose and the Swift expression that should produce it: the
/// code span `` `0.382 ≈ expr` `` (ASCII `~=` too). It is a claim that passes when the
/// expression's value rounds to the number at the precision written: half a unit of the
/// last digit written (`0.382` allows ±0.0005, `2.5e-3` ±0.05e-3, `40` ±0.5).
public enum ProseNumber {
    /// What a code span's text is.
    public enum Parse: Equatable, Sendable {
        /// Ordinary code.
        case notAClaim
        /// A claim: the number as written and the expression.
        case claim(written: String, expression: String)
        /// It starts like a claim and cannot be one; the message says why.
        case malformed(String)
    }

    public static func parse(_ text: String) -> Parse {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let first = text.unicodeScalars.first, "0123456789.-+−".unicodeScalars.contains(first) else { return .notAClaim }
        guard let sign = text.range(of: "≈") ?? text.range(of: "~=") else { return .notAClaim }
        let written = text[..<sign.lowerBound].trimmingCharacters(in: .whitespaces)
        let expression = text[sign.upperBound...].trimmingCharacters(in: .whitespaces)
        guard tolerance(of: written) != nil else {
            return .malformed("`\(written)` is not a number: write the number as the text states it (0.382, 2.5e-3, 40) before ≈")
        }
        guard !expression.isEmpty else {
            return .malformed("nothing after ≈: write the Swift expression that gives \(written), e.g. `\(written) ≈ ratio`")
        }
        return .claim(written: written, expression: expression)
    }

    /// The value of a written number (a leading `−` read as minus).
    public static func value(of written: String) -> Double? {
        guard tolerance(of: written) != nil else { return nil }
        return Double(written.replacingOccurrences(of: "−", with: "-"))
    }

    /// Half a unit of the last digit written: `0.382` → 0.0005, `2.5e-3` → 0.00005, `40` →
    /// 0.5; nil when `written` is not a decimal number (digits, at most one point, an
    /// optional exponent).
    public static func tolerance(of written: String) -> Double? {
        var s = Substring(written.replacingOccurrences(of: "−", with: "-"))
        if s.hasPrefix("-") || s.hasPrefix("+") { s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]) else { return nil }
            exponent = x
            s = s[..<e]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts.contains(where: { !$0.isEmpty })
        else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        return 0.5 * pow10(exponent - decimals)
    }

    private static func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(n) { x *= 10 }
        return n >= 0 ? x : 1 / x
    }
}
