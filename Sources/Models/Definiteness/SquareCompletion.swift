import Foundation
import LinearAlgebra

/// Completing the square one variable at a time: the discriminant test for an `n × n`
/// symmetric matrix.
///
/// Read `q(x) = xᵀAx` as a quadratic in `x₁`: `a₁₁x₁² + 2x₁(rᵀx') + x'ᵀA'x'`, with `r` the
/// rest of the first row and `x'` the other variables. It is positive for every `x ≠ 0`
/// exactly when its leading coefficient `a₁₁` is positive and its discriminant
/// `4(rᵀx')² − 4a₁₁ x'ᵀA'x'` is negative for every `x' ≠ 0` — that is, when the Schur
/// complement `A' − r rᵀ/a₁₁` is itself positive definite. Completing the square,
///
///     q(x) = a₁₁ (x₁ + rᵀx'/a₁₁)² + x'ᵀ (A' − r rᵀ/a₁₁) x',
///
/// and repeating on what remains gives `q(x) = Σ d_k (x_k + Σ_{j>k} l_{jk} x_j)²`: the
/// pivots `d_k` and multipliers `l_{jk}` of `A = L D Lᵀ` without pivoting, with
/// `d_k = D_k / D_{k−1}` (leading principal minors, `D₀ = 1`).
///
/// **Ties at zero.** A pivot counts as positive only when it exceeds `tolerance · s`, with
/// `s` the largest absolute entry of `A`; a pivot at or below that stops the recursion with
/// the verdict "not positive definite". The same rule, scaled to each quantity, is used by
/// the other tests in ``PositiveDefiniteness``.
public struct SquareCompletion: Sendable, Hashable {
    /// One elimination step.
    public struct Step: Sendable, Hashable {
        /// `d_k`, the leading coefficient of the quadratic in `x_k`.
        public let pivot: Double
        /// `l_{jk}` for `j > k`: `x_k + Σ l_{jk} x_j` is the completed square.
        public let multipliers: [Double]
        /// The Schur complement left for the remaining variables (0×0 after the last step).
        public let remaining: Matrix
    }

    /// The steps taken, up to and including the first pivot that is not positive.
    public let steps: [Step]
    /// Whether every pivot was positive (all `n` steps were taken).
    public let isPositiveDefinite: Bool
    /// The size of the matrix.
    public let n: Int

    /// Runs the recursion on the symmetric matrix `a`.
    public init(_ a: Matrix, tolerance: Double = 1e-10) throws {
        try DefinitenessError.validate(a, "SquareCompletion")
        n = a.rows
        let threshold = tolerance * max(a.elements.map(abs).max() ?? 0, .leastNormalMagnitude)
        var s = a
        var steps: [Step] = []
        var positive = true
        while s.rows > 0 {
            let pivot = s[0, 0]
            let m = s.rows - 1
            let r = (0..<m).map { s[0, $0 + 1] }
            guard pivot > threshold else {
                steps.append(Step(pivot: pivot, multipliers: r.map { _ in .nan }, remaining: s))
                positive = false
                break
            }
            var next = Matrix(rows: m, columns: m)
            for i in 0..<m {
                for j in 0..<m { next[i, j] = s[i + 1, j + 1] - r[i] * r[j] / pivot }
            }
            steps.append(Step(pivot: pivot, multipliers: r.map { $0 / pivot }, remaining: next))
            s = next
        }
        self.steps = steps
        isPositiveDefinite = positive
    }

    /// The pivots `d_k` found (all `n` of them when positive definite).
    public var pivots: [Double] { steps.map(\.pivot) }

    /// The sum of squares as TeX, with coefficients shown as fractions when they are
    /// (within `1e-9`) a fraction with denominator at most 1000, e.g.
    /// `5\left(x_1 + \frac{2}{5}x_2 - \frac{4}{5}x_3\right)^2 + \dots`.
    public func tex() -> String {
        var terms: [String] = []
        for (k, step) in steps.enumerated() where step.pivot != 0 && !step.multipliers.contains(where: \.isNaN) {
            var inner = "x_{\(k + 1)}"
            for (offset, l) in step.multipliers.enumerated() where l != 0 {
                let magnitude = RationalTeX.format(abs(l))
                inner += (l < 0 ? " - " : " + ") + (magnitude == "1" ? "" : magnitude) + "x_{\(k + offset + 2)}"
            }
            let coefficient = RationalTeX.format(step.pivot)
            let square = step.multipliers.contains { $0 != 0 } ? "\\left(\(inner)\\right)^2" : "\(inner)^2"
            terms.append((coefficient == "1" ? "" : coefficient) + square)
        }
        return terms.isEmpty ? "0" : terms.joined(separator: " + ").replacingOccurrences(of: "+ -", with: "- ")
    }
}

/// Numbers as TeX, as a fraction `\frac{p}{q}` when one with `q ≤ 1000` matches to `1e-9`.
enum RationalTeX {
    static func format(_ x: Double) -> String {
        if let (p, q) = fraction(x) {
            if q == 1 { return String(p) }
            return (p < 0 ? "-" : "") + "\\frac{\(abs(p))}{\(q)}"
        }
        return String(format: "%.6g", x)
    }

    /// The continued-fraction convergent of `x` with the smallest denominator that is
    /// within `1e-9 · max(1, |x|)`, if its denominator is at most 1000.
    static func fraction(_ x: Double) -> (Int, Int)? {
        guard x.isFinite, abs(x) < 1e9 else { return nil }
        var (h0, h1, k0, k1) = (0, 1, 1, 0)
        var rest = x
        for _ in 0..<20 {
            let a = rest.rounded(.down)
            (h0, h1) = (h1, Int(a) * h1 + h0)
            (k0, k1) = (k1, Int(a) * k1 + k0)
            if k1 > 1000 { return nil }
            if abs(Double(h1) / Double(k1) - x) <= 1e-9 * max(1, abs(x)) { return (h1, k1) }
            let fractional = rest - a
            if fractional < 1e-12 { break }
            rest = 1 / fractional
        }
        return nil
    }
}
