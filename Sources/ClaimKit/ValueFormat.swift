import Foundation
import LinearAlgebra

/// How values look on the page: numbers with 6 significant digits, vectors and matrices
/// as TeX for `show`, plain text for inline values.
public enum ValueFormat {
    /// `0.707107`, `1.5e-10`, `42`: 6 significant digits, no trailing zeros.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        var text = String(format: "%.6g", x)
        if text.contains("e") {
            // 1.5e-10 rather than 1.5e-010 on some platforms; drop "+".
            text = text.replacingOccurrences(of: "e+", with: "e")
        }
        return text
    }

    /// `a + bi` with both parts as ``number(_:)``.
    public static func complex(_ z: Complex<Double>) -> String {
        let im = z.imaginary
        if im == 0 { return number(z.real) }
        let sign = im < 0 || (im == 0 && im.sign == .minus) ? "−" : "+"
        return "\(number(z.real)) \(sign) \(number(abs(im)))i"
    }

    /// The text an inline value shows: numbers formatted, a vector as `(a, b)`, a matrix as
    /// `[[a, b], [c, d]]`,
    /// anything else by its description. A value that formats itself (a `String`) is kept.
    public static func inline(_ value: Any) -> String {
        switch value {
        case let x as Double: number(x)
        case let x as Float: number(Double(x))
        case let x as Int: String(x)
        case let z as Complex<Double>: complex(z)
        case let v as Vector: "(" + v.elements.map(number).joined(separator: ", ") + ")"
        case let m as Matrix:
            "[" + (0..<m.rows).map { i in "[" + (0..<m.columns).map { number(m[i, $0]) }.joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        case let s as String: s
        default: String(describing: value)
        }
    }

    /// TeX for `show`: numbers, complex numbers, vectors (as columns) and matrices as
    /// `bmatrix`.
    public static func tex(_ value: Any) -> String {
        switch value {
        case let m as Matrix: texMatrix((0..<m.rows).map { i in (0..<m.columns).map { m[i, $0] } })
        case let v as Vector: texMatrix(v.elements.map { [$0] })
        case let x as Double: texNumber(x)
        case let x as Int: String(x)
        case let z as Complex<Double>: complex(z).replacingOccurrences(of: "−", with: "-")
        case let formula as TeX: formula.source
        default: "\\text{" + texText(String(describing: value)) + "}"
        }
    }

    /// Characters that TeX's text mode would read as commands, escaped.
    static func texText(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "%", "&", "#", "_": out += "\\" + String(ch)
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            default: out.append(ch)
            }
        }
        return out
    }

    private static func texMatrix(_ rows: [[Double]]) -> String {
        "\\begin{bmatrix}" + rows.map { $0.map(texNumber).joined(separator: " & ") }.joined(separator: " \\\\ ")
            + "\\end{bmatrix}"
    }

    /// `1.5e-10` becomes `1.5 \times 10^{-10}`.
    private static func texNumber(_ x: Double) -> String {
        let text = number(x)
        guard let e = text.firstIndex(of: "e") else { return text.replacingOccurrences(of: "∞", with: "\\infty") }
        return "\(text[..<e]) \\times 10^{\(text[text.index(after: e)...])}"
    }
}
