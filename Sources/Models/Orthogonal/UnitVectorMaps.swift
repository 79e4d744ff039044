import LinearAlgebra

/// Orthogonal matrices that carry one unit vector onto another.
///
/// Every construction takes unit vectors `a`, `b` of the same length `n` and returns an
/// `n × n` orthogonal `T` with `T a = b`. They are the subject of the article
/// `articles/orthogonal-map.md`. Inputs are checked: lengths must agree, entries must be
/// finite and both norms must be 1 within ``unitTolerance``; otherwise a
/// ``UnitVectorMapError`` names the function and the problem.
public enum UnitVectorMap {
    /// How far `‖a‖` may be from 1 (a vector normalised in floating point is within a few
    /// units of rounding).
    public static let unitTolerance = 1e-12

    /// The Householder reflection `H = I − 2 v vᵀ / (vᵀ v)` with `v = a − b`.
    ///
    /// `H` is symmetric, orthogonal, its own inverse and has determinant −1; it fixes every
    /// vector orthogonal to `v`. When `a = b` (so `v = 0`) the identity is returned.
    /// When `a ≈ b` the subtraction `a − b` cancels: `H a` misses `b` by about `u/θ` for an
    /// angle `θ` between them (`u` the unit roundoff); see ``stableReflection(from:to:)``.
    public static func householder(from a: Vector, to b: Vector) throws -> Matrix {
        try validate(a, b, "UnitVectorMap.householder")
        return reflection(along: a - b, size: a.count)
    }

    /// `T a = b` without cancellation: for `aᵀb ≤ 0` the reflection with `v = a − b`; for
    /// `aᵀb > 0` the reflection with `v = a + b` (which sends `a` to `−b`), negated.
    ///
    /// Both `v` have length at least `√2`, so nothing cancels and `T a` is within a few units
    /// of rounding of `b` at every angle. `T` is orthogonal and symmetric; its determinant is
    /// −1 in the first case and `(−1)ⁿ⁺¹` in the second (−I flips the orientation `n` times),
    /// so it is a reflection only when that matters not.
    public static func stableReflection(from a: Vector, to b: Vector) throws -> Matrix {
        try validate(a, b, "UnitVectorMap.stableReflection")
        if a.dot(b) <= 0 { return reflection(along: a - b, size: a.count) }
        return -reflection(along: a + b, size: a.count)
    }

    /// `I − 2 v vᵀ/(vᵀv)`, or `I` for `v = 0`.
    static func reflection(along v: Vector, size n: Int) -> Matrix {
        let vv = v.dot(v)
        if vv == 0 { return .identity(n) }
        return .identity(n) - (2 / vv) * v.outer(v)
    }

    /// The rotation by the angle between `a` and `b` in the plane they span, identity on the
    /// orthogonal complement of that plane: with `c = aᵀb`, `u = a`,
    /// `w = (b − c a) / ‖b − c a‖` and `s = ‖b − c a‖`,
    /// `R = I + (c − 1)(u uᵀ + w wᵀ) + s (w uᵀ − u wᵀ)`.
    ///
    /// `R` has determinant +1. When `b = a` it is the identity. When `b = −a` the plane is
    /// not determined by `a` and `b`; the plane of `a` and the first basis vector that is
    /// not parallel to `a` is used, giving a rotation by π.
    public static func planeRotation(from a: Vector, to b: Vector) throws -> Matrix {
        try validate(a, b, "UnitVectorMap.planeRotation")
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

    static func validate(_ a: Vector, _ b: Vector, _ function: String) throws {
        guard a.count == b.count else { throw UnitVectorMapError.lengthMismatch(function: function, a: a.count, b: b.count) }
        guard a.count >= 1 else { throw UnitVectorMapError.empty(function: function) }
        for (name, v) in [("a", a), ("b", b)] {
            guard v.allSatisfy(\.isFinite) else { throw UnitVectorMapError.nonFinite(function: function, vector: name) }
            guard abs(v.norm - 1) <= unitTolerance else {
                throw UnitVectorMapError.notUnit(function: function, vector: name, norm: v.norm)
            }
        }
    }
}

/// Why a ``UnitVectorMap`` construction refused its input.
public enum UnitVectorMapError: Error, Equatable, Sendable, CustomStringConvertible {
    case lengthMismatch(function: String, a: Int, b: Int)
    case empty(function: String)
    case nonFinite(function: String, vector: String)
    case notUnit(function: String, vector: String, norm: Double)

    public var description: String {
        switch self {
        case let .lengthMismatch(function, a, b): "\(function): a has \(a) entries but b has \(b)"
        case let .empty(function): "\(function): the vectors are empty"
        case let .nonFinite(function, vector): "\(function): \(vector) contains NaN or infinity"
        case let .notUnit(function, vector, norm):
            "\(function): \(vector) is not a unit vector (‖\(vector)‖ = \(norm)); pass \(vector).normalized"
        }
    }
}
