import LinearAlgebra

/// Orthogonal matrices that carry one unit vector onto another.
///
/// Both constructions take unit vectors `a`, `b` of the same length `n` and return an
/// `n × n` orthogonal `T` with `T a = b`. They are the subject of the article
/// `articles/orthogonal-map.md`.
public enum UnitVectorMap {
    /// The Householder reflection `H = I − 2 v vᵀ / (vᵀ v)` with `v = a − b`.
    ///
    /// `H` is symmetric, orthogonal, its own inverse and has determinant −1; it fixes every
    /// vector orthogonal to `v`. When `a = b` (so `v = 0`) the identity is returned.
    public static func householder(from a: Vector, to b: Vector) -> Matrix {
        precondition(a.count == b.count, "householder: lengths \(a.count) and \(b.count) differ")
        let v = a - b
        let vv = v.dot(v)
        if vv == 0 { return .identity(a.count) }
        return .identity(a.count) - (2 / vv) * v.outer(v)
    }

    /// The rotation by the angle between `a` and `b` in the plane they span, identity on the
    /// orthogonal complement of that plane: with `c = aᵀb`, `u = a`,
    /// `w = (b − c a) / ‖b − c a‖` and `s = ‖b − c a‖`,
    /// `R = I + (c − 1)(u uᵀ + w wᵀ) + s (w uᵀ − u wᵀ)`.
    ///
    /// `R` has determinant +1. When `b = a` it is the identity. When `b = −a` the plane is
    /// not determined by `a` and `b`; the plane of `a` and the first basis vector that is
    /// not parallel to `a` is used, giving a rotation by π.
    public static func planeRotation(from a: Vector, to b: Vector) -> Matrix {
        precondition(a.count == b.count, "planeRotation: lengths \(a.count) and \(b.count) differ")
        let n = a.count
        let c = min(1, max(-1, a.dot(b)))
        var r = b - c * a
        var s = r.norm
        if s < 1e-12 {
            if c > 0 { return .identity(n) }
            // Antipodal: pick a direction orthogonal to a.
            let k = (0..<n).min { abs(a[$0]) < abs(a[$1]) } ?? 0
            let e = Vector.basis(k, count: n)
            r = e - e.dot(a) * a
            s = 0
        }
        let w = r.normalized
        var m = Matrix.identity(n) + (c - 1) * (a.outer(a) + w.outer(w))
        m += s * (w.outer(a) - a.outer(w))
        return m
    }
}
