import Foundation
import LinearAlgebra

/// The classical invariants of a conic or quadric, and the classification read from their
/// signs — the textbook method, independent of eigenvectors.
///
/// For a conic (n = 2): `I = tr A`, `δ = det A`, `Δ = det M` with `M` the bordered matrix
/// `[[A, b], [bᵀ, c]]`, and the semi-invariant `K` = sum of the principal 2×2 minors of `M`
/// that contain its last row. For a quadric (n = 3): `I₁ = tr A`, `I₂` = sum of the principal
/// 2×2 minors of `A`, `I₃ = det A`, `I₄ = det M`, and the semi-invariants `K₂`, `K₃` = sums
/// of the principal 2×2 and 3×3 minors of `M` that contain its last row.
///
/// Every determinant is expanded by cofactors (products and sums only), so for small
/// integer entries each invariant is exact and a singular form is recognised exactly. A
/// value counts as zero when it is at most `tolerance · scaleᵏ`, with `k` its degree in the
/// entries.
public struct QuadricInvariants: Sendable, Hashable {
    /// `I` or `I₁`.
    public let trace: Double
    /// `I₂` (n = 3; for n = 2 it equals `δ`).
    public let minorSum: Double
    /// `δ = det A` (n = 2) or `I₃ = det A` (n = 3).
    public let determinant: Double
    /// `Δ` or `I₄`: the determinant of the bordered matrix.
    public let borderedDeterminant: Double
    /// `K` (n = 2) or `K₂` (n = 3).
    public let k2: Double
    /// `K₃` (n = 3; 0 for conics).
    public let k3: Double
    /// The kind read from the signs.
    public let kind: QuadricKind

    public init(_ form: QuadraticForm, tolerance: Double = 1e-9) {
        let m = form.bordered
        let n = form.n
        let s = form.scale
        func isZero(_ x: Double, degree: Int) -> Bool { abs(x) <= tolerance * pow(s, Double(degree)) }
        func minor(_ idx: [Int]) -> Double { Self.determinant(idx.map { i in idx.map { j in m[i, j] } }) }

        trace = (0..<n).reduce(0) { $0 + m[$1, $1] }
        determinant = minor(Array(0..<n))
        borderedDeterminant = minor(Array(0...n))
        var i2 = 0.0, k2 = 0.0, k3 = 0.0
        for i in 0..<n {
            k2 += minor([i, n])
            for j in (i + 1)..<n {
                i2 += minor([i, j])
                k3 += minor([i, j, n])
            }
        }
        minorSum = n == 2 ? determinant : i2
        self.k2 = k2
        self.k3 = n == 3 ? k3 : 0

        let delta = borderedDeterminant
        if n == 2 {
            let d = determinant
            if !isZero(d, degree: 2) {
                if isZero(delta, degree: 3) {
                    kind = d > 0 ? .point : .intersectingLines
                } else if d < 0 {
                    kind = .hyperbola
                } else {
                    kind = trace * delta < 0 ? .ellipse : .imaginaryEllipse
                }
            } else if !isZero(delta, degree: 3) {
                kind = .parabola
            } else {
                kind = isZero(k2, degree: 2) ? .coincidentLines : k2 < 0 ? .parallelLines : .imaginaryParallelLines
            }
        } else {
            let i3 = determinant
            if !isZero(i3, degree: 3) {
                // All eigenvalues share a sign exactly when I₂ > 0 and I₁I₃ > 0 (the
                // characteristic polynomial λ³ − I₁λ² + I₂λ − I₃ has real roots).
                let sameSign = i2 > 0 && trace * i3 > 0
                if isZero(delta, degree: 4) {
                    kind = sameSign ? .imaginaryCone : .cone
                } else if sameSign {
                    kind = delta < 0 ? .ellipsoid : .imaginaryEllipsoid
                } else {
                    kind = delta > 0 ? .hyperboloidOfOneSheet : .hyperboloidOfTwoSheets
                }
            } else if !isZero(delta, degree: 4) {
                kind = delta < 0 ? .ellipticParaboloid : .hyperbolicParaboloid
            } else if !isZero(i2, degree: 2) {
                if i2 > 0 {
                    kind = isZero(k3, degree: 3) ? .imaginaryIntersectingPlanes
                        : k3 * trace < 0 ? .ellipticCylinder : .imaginaryEllipticCylinder
                } else {
                    kind = isZero(k3, degree: 3) ? .intersectingPlanes : .hyperbolicCylinder
                }
            } else if !isZero(k3, degree: 3) {
                kind = .parabolicCylinder
            } else {
                kind = isZero(k2, degree: 2) ? .coincidentPlanes : k2 < 0 ? .parallelPlanes : .imaginaryParallelPlanes
            }
        }
    }

    /// The determinant by cofactor expansion along the first row (sizes up to 4).
    static func determinant(_ m: [[Double]]) -> Double {
        let n = m.count
        if n == 1 { return m[0][0] }
        if n == 2 { return m[0][0] * m[1][1] - m[0][1] * m[1][0] }
        var sum = 0.0
        for j in 0..<n where m[0][j] != 0 {
            let sub = m.dropFirst().map { row in row.enumerated().filter { $0.offset != j }.map(\.element) }
            sum += (j % 2 == 0 ? 1 : -1) * m[0][j] * determinant(sub)
        }
        return sum
    }
}
