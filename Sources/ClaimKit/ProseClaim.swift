
import Diagnostics
import Foundation

/// The verdict of a number written in the prose (`` `0.382 ≈ expr` ``, see
/// `ProseNumber`): it passes when `|value − number| ≤ half a unit of the last digit
/// written` (with a relative slack of 1e-12 for the decimal number's own rounding). A value
/// that is not a number (a string, a vector), NaN or infinite fails, saying so.
@_spi(LemmaVerifier)
public enum ProseClaim {
    public static func check(written: String, value: Any, line: Int, column: Int) {
        let label = "the text says \(written)"
        guard let number = ProseNumber.value(of: written), let tolerance = ProseNumber.tolerance(of: written) else {
            ClaimRecorder.shared.claim(
                line: line, column: column, kind: .prose, label: label, passed: false,
                detail: "the text says \(written), which is not a number")
            return
        }
        let allowed = "±" + ValueFormat.number(tolerance)
        guard let computed = Self.double(value) else {
            ClaimRecorder.shared.claim(
                line: line, column: column, kind: .prose, label: label, passed: false, expected: written,
                detail: "the text says \(written), the computation gives a \(type(of: value)), not a number")
            return
        }
        let passed = computed.isFinite && abs(computed - number) <= tolerance * (1 + 1e-12)
        let shown = String(format: "%.10g", computed)
        ClaimRecorder.shared.claim(
            line: line, column: column, kind: .prose, label: label, passed: passed, actual: shown, expected: written,
            detail: "the text says \(written), the computation gives \(shown) (allowed \(allowed))")
    }

    /// A numeric value as a `Double`; nil for anything else.
    static func double(_ value: Any) -> Double? {
        switch value {
        case let x as Double: return x
        case let x as Float: return Double(x)
        case let x as Int: return Double(x)
        case let x as any BinaryInteger: return Double(x)
        case let x as any BinaryFloatingPoint: return Double(x)
        default: return nil
        }
    }
}
