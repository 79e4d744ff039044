import Foundation
import LinearAlgebra

/// Four ways to decide whether a symmetric matrix is positive definite, with one rule for
/// ties at zero so that they can be compared.
///
/// - ``bySquareCompletion(_:tolerance:)``: the discriminant recursion (``SquareCompletion``),
///   `O(n³)`.
/// - ``bySylvester(_:tolerance:)``: every leading principal minor `D_k` positive, each
///   computed on its own, `Σ k³/3 ≈ n⁴/12` operations. For integer matrices (entries below
///   2²⁰ in size) the minors are computed exactly by fraction-free (Bareiss) elimination.
/// - ``byEigenvalues(_:tolerance:)``: the smallest eigenvalue positive (LAPACK).
/// - ``byCholesky(_:tolerance:)``: LAPACK's Cholesky factorisation succeeds with every
///   pivot `L_kk²` positive.
///
/// **Ties at zero.** With `s` the largest absolute entry of `A`, a pivot or eigenvalue counts
/// as positive only above `tolerance · s`, and a minor `D_k` only above `tolerance` times
/// the Hadamard bound `Π_{i≤k} ‖row i of the leading block‖` (the scale of its rounding
/// error). Anything at or below is "not positive": a semidefinite matrix is never called
/// definite. Matrices whose smallest eigenvalue is within a few rounding errors of the
/// threshold can still be judged differently by different tests.
public enum PositiveDefiniteness {
    public static let defaultTolerance = 1e-10

    public static func bySquareCompletion(_ a: Matrix, tolerance: Double = defaultTolerance) throws -> Bool {
        try SquareCompletion(a, tolerance: tolerance).isPositiveDefinite
    }

    public static func bySylvester(_ a: Matrix, tolerance: Double = defaultTolerance) throws -> Bool {
        try DefinitenessError.validate(a, "PositiveDefiniteness.bySylvester")
        for k in 1...a.rows {
            let minor = try leadingMinor(a, k)
            var bound = 1.0
            for i in 0..<k { bound *= (0..<k).reduce(0) { $0 + a[i, $1] * a[i, $1] }.squareRoot() }
            if !(minor > tolerance * bound) { return false }
        }
        return true
    }

    public static func byEigenvalues(_ a: Matrix, tolerance: Double = defaultTolerance) throws -> Bool {
        try DefinitenessError.validate(a, "PositiveDefiniteness.byEigenvalues")
        return try a.symmetricEigenvalues()[0] > tolerance * scale(a)
    }

    public static func byCholesky(_ a: Matrix, tolerance: Double = defaultTolerance) throws -> Bool {
        try DefinitenessError.validate(a, "PositiveDefiniteness.byCholesky")
        guard let l = try? a.cholesky() else { return false }
        return (0..<a.rows).allSatisfy { l[$0, $0] * l[$0, $0] > tolerance * scale(a) }
    }

    /// `D_k`, the determinant of the leading `k × k` block, on its own: exactly (Bareiss) for
    /// small integer entries, by LU otherwise.
    public static func leadingMinor(_ a: Matrix, _ k: Int) throws -> Double {
        let block = a[rows: 0..<k, columns: 0..<k]
        if block.elements.allSatisfy({ $0 == $0.rounded() && abs($0) < 1_048_576 }) {
            return bareissDeterminant(block)
        }
        return try block.determinant()
    }

    /// The determinant of an integer matrix by fraction-free elimination (Bareiss 1968):
    /// every intermediate value is a minor of the input, hence an integer, and each division
    /// is exact. The arithmetic is in `Int128`, so it stays exact while the products of two
    /// minors stay below 2¹²⁷ (ample for entries below 2²⁰ and n up to about 6, and for
    /// much larger n with small entries). Rows are swapped when a pivot is zero.
    static func bareissDeterminant(_ m: Matrix) -> Double {
        let n = m.rows
        var a = (0..<n).map { i in (0..<n).map { j in Int128(m[i, j]) } }
        var sign: Int128 = 1, previous: Int128 = 1
        for k in 0..<(n - 1) {
            if a[k][k] == 0 {
                guard let swap = ((k + 1)..<n).first(where: { a[$0][k] != 0 }) else { return 0 }
                a.swapAt(k, swap)
                sign = -sign
            }
            for i in (k + 1)..<n {
                for j in (k + 1)..<n { a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) / previous }
            }
            previous = a[k][k]
        }
        return Double(sign * a[n - 1][n - 1])
    }

    static func scale(_ a: Matrix) -> Double { max(a.elements.map(abs).max() ?? 0, .leastNormalMagnitude) }
}
