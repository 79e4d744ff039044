import Foundation
import LinearAlgebra

/// The parabolic case reached as a limit: replace `A` by `A + εI`, which has no zero
/// eigenvalue, simplify as if the form had a centre, and let `ε → 0`.
///
/// With `A_ε = A + εI`, the centre `m = −A_ε⁻¹ b` and the constant `c_ε = c + bᵀm`, the
/// perturbed form is `(x − m)ᵀ A_ε (x − m) + c_ε`. Along the axis `e` on which `A` has
/// eigenvalue 0 and the linear term lives (the unit vector along the null-space part of
/// `b`), the perturbed equation meets the line `m + s e` where `ε s² + c_ε = 0`; the
/// root nearer the origin gives the vertex `v = m + s e`. Moving the origin there turns the
/// `e` part into `ε u² + 2 (ε s) u`, so `p_ε = ε s` is the coefficient that becomes the
/// parabola's `p` as `ε → 0`, while the centre runs off to infinity like `1/ε`.
///
/// Both `v` and `p_ε` converge to the direct method's vertex ``CanonicalQuadric/shift`` and
/// linear coefficient with error `O(ε)`.
public struct RegularizedParabola: Sendable, Hashable {
    public let epsilon: Double
    /// `m`, the centre of the perturbed form (of size about `1/ε`).
    public let centre: Vector
    /// `c_ε = c + bᵀm` (about `−|p|²/ε`).
    public let constant: Double
    /// `e`, the axis of the parabola (unit, pointing from the vertex towards the centre's far side).
    public let axis: Vector
    /// `v = m + s e`, the perturbed vertex.
    public let vertex: Vector
    /// `p_ε = ε s`.
    public let parameter: Double
}

extension QuadraticForm {
    /// The ε route for a parabolic form (parabola, paraboloids, parabolic cylinder).
    ///
    /// - Throws: ``QuadraticFormError/notParabolic(function:kind:)`` for other kinds,
    ///   ``QuadraticFormError/badEpsilon(function:epsilon:)`` unless `ε > 0` is finite.
    public func regularized(epsilon: Double, tolerance: Double = 1e-9) throws -> RegularizedParabola {
        let function = "QuadraticForm.regularized"
        guard epsilon > 0, epsilon.isFinite else { throw QuadraticFormError.badEpsilon(function: function, epsilon: epsilon) }
        let canonical = try canonical(tolerance: tolerance)
        guard canonical.kind.isParabolic else { throw QuadraticFormError.notParabolic(function: function, kind: canonical.kind) }

        // The null space of A from its eigenvectors; e is b's part in it, normalised.
        let zero = tolerance * scale
        let (values, vectors) = try A.symmetricEigen()
        var e = Vector.zeros(n)
        for i in 0..<n where abs(values[i]) <= zero {
            let column = Vector((0..<n).map { vectors[$0, i] })
            e += column.dot(b) * column
        }
        e = e.normalized

        let shifted = A + epsilon * Matrix.identity(n)
        let m = -(try shifted.solve(b))
        let cEpsilon = c + b.dot(m)
        let root = (-cEpsilon / epsilon).squareRoot()
        let s = [root, -root].min { (m + $0 * e).norm < (m + $1 * e).norm }!
        let vertex = m + s * e
        return RegularizedParabola(
            epsilon: epsilon, centre: m, constant: cEpsilon, axis: e, vertex: vertex, parameter: epsilon * s)
    }
}
