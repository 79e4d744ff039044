import RealModule

extension Matrix3 {
    /// Eigenvalues (ascending) and orthonormal eigenvectors (the columns of `vectors`) of a
    /// symmetric matrix, in closed form; only the upper triangle is read.
    ///
    /// The trigonometric solution of the characteristic cubic gives first estimates; they
    /// can be off by `√ε` when two eigenvalues (nearly) coincide. So the best-separated
    /// extreme eigenvalue is refined: its eigenvector is the largest cross product of two
    /// rows of `A − λI`, and the Rayleigh quotient of that vector is an accurate `λ`
    /// (error quadratic in the vector's), used once more for the vector. The other two
    /// pairs come from a Jacobi rotation of the 2×2 restriction of `A` to the orthogonal
    /// complement, which is stable however close they are. Accuracy: residuals
    /// `‖A v − λ v‖` of a few `ε · max|aᵢⱼ|`, vectors orthonormal to a few `ε`.
    public var symmetricEigen: (values: SIMD3<Double>, vectors: Matrix3) {
        // Scale to avoid overflow and underflow in the squares.
        let a00 = r0.x, a01 = r0.y, a02 = r0.z, a11 = r1.y, a12 = r1.z, a22 = r2.z
        // Pairwise max: the variadic form would allocate an array.
        let scale = Swift.max(Swift.max(Swift.max(abs(a00), abs(a01)), Swift.max(abs(a02), abs(a11))), Swift.max(abs(a12), abs(a22)))
        if scale == 0 { return (.zero, Matrix3(SIMD3(1, 0, 0), SIMD3(0, 1, 0), SIMD3(0, 0, 1))) }
        let inverseScale = 1 / scale
        let s = Matrix3(
            SIMD3(a00, a01, a02) * inverseScale, SIMD3(a01, a11, a12) * inverseScale,
            SIMD3(a02, a12, a22) * inverseScale)

        let (estimates, nearlyDegenerate) = Self.sortedEigenvalues(s)
        let (l0, l1, l2) = (estimates.x, estimates.y, estimates.z)
        var lambda = l2 - l1 >= l1 - l0 ? l2 : l0
        var w = Self.vectorForSimple(s, lambda)
        lambda = (w * (s * w)).sum()
        if nearlyDegenerate {
            // The estimate may be √ε off; the Rayleigh quotient is not, so redo the vector.
            w = Self.vectorForSimple(s, lambda)
            lambda = (w * (s * w)).sum()
        }

        // Orthonormal basis u, v of w⊥, and A restricted to it.
        let u: SIMD3<Double> = abs(w.x) > abs(w.y)
            ? SIMD3(-w.z, 0, w.x) / (w.x * w.x + w.z * w.z).squareRoot()
            : SIMD3(0, w.z, -w.y) / (w.y * w.y + w.z * w.z).squareRoot()
        let v = cross(w, u)
        let au = s * u, av = s * v
        let m00 = (u * au).sum(), m01 = (u * av).sum(), m11 = (v * av).sum()
        // Jacobi rotation that diagonalises [[m00, m01], [m01, m11]].
        var p0 = (lambda, w), p1: (Double, SIMD3<Double>), p2: (Double, SIMD3<Double>)
        if m01 == 0 {
            (p1, p2) = ((m00, u), (m11, v))
        } else {
            let tau = (m11 - m00) / (2 * m01)
            let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
            let c = 1 / (1 + t * t).squareRoot(), sn = t * c
            (p1, p2) = ((m00 - t * m01, c * u - sn * v), (m11 + t * m01, sn * u + c * v))
        }
        // Sort the three pairs by eigenvalue (a three-element sorting network, no heap).
        if p0.0 > p1.0 { swap(&p0, &p1) }
        if p1.0 > p2.0 { swap(&p1, &p2) }
        if p0.0 > p1.0 { swap(&p0, &p1) }
        let (e0, e1, e2) = (p0.1, p1.1, p2.1)
        let vectors = Matrix3(SIMD3(e0.x, e1.x, e2.x), SIMD3(e0.y, e1.y, e2.y), SIMD3(e0.z, e1.z, e2.z))
        return (SIMD3(p0.0, p1.0, p2.0) * scale, vectors)
    }

    /// Eigenvalues of a symmetric matrix, ascending, and whether two of them are so close
    /// that the estimates may be off by up to `√ε`.
    @inline(__always)
    private static func sortedEigenvalues(_ s: Matrix3) -> (SIMD3<Double>, Bool) {
        let a00 = s.r0.x, a01 = s.r0.y, a02 = s.r0.z, a11 = s.r1.y, a12 = s.r1.z, a22 = s.r2.z
        let offDiagonal = a01 * a01 + a02 * a02 + a12 * a12
        let q = (a00 + a11 + a22) / 3
        let b00 = a00 - q, b11 = a11 - q, b22 = a22 - q
        let p2 = (b00 * b00 + b11 * b11 + b22 * b22 + 2 * offDiagonal) / 6
        if p2 == 0 { return (SIMD3(q, q, q), false) }
        let p = p2.squareRoot()
        // det((A − qI)/p) / 2, clamped into [−1, 1] against rounding.
        let det = b00 * (b11 * b22 - a12 * a12) - a01 * (a01 * b22 - a12 * a02) + a02 * (a01 * a12 - b11 * a02)
        let r = Swift.min(1, Swift.max(-1, det / (2 * p * p2)))
        let phi = Double.acos(r) / 3
        // cos(φ + 2π/3) = −cos φ / 2 − (√3/2) sin φ, with sin φ ≥ 0 for φ ∈ [0, π/3].
        let c = Double.cos(phi)
        let sn = Swift.max(0, 1 - c * c).squareRoot()
        let largest = q + 2 * p * c
        let smallest = q + p * (-c - 3.0.squareRoot() * sn)
        let middle = 3 * q - largest - smallest
        let sorted = SIMD3(smallest, Swift.min(Swift.max(middle, smallest), largest), largest)
        return (sorted, abs(r) > 1 - 1e-6)
    }

    /// A unit eigenvector for an eigenvalue that is well separated from the others: the
    /// largest cross product of two rows of `A − λI`.
    @inline(__always)
    private static func vectorForSimple(_ s: Matrix3, _ lambda: Double) -> SIMD3<Double> {
        let m0 = s.r0 - SIMD3(lambda, 0, 0), m1 = s.r1 - SIMD3(0, lambda, 0), m2 = s.r2 - SIMD3(0, 0, lambda)
        let c01 = cross(m0, m1), c02 = cross(m0, m2), c12 = cross(m1, m2)
        let d01 = (c01 * c01).sum(), d02 = (c02 * c02).sum(), d12 = (c12 * c12).sum()
        if d01 >= d02, d01 >= d12, d01 > 0 { return c01 / d01.squareRoot() }
        if d02 >= d12, d02 > 0 { return c02 / d02.squareRoot() }
        if d12 > 0 { return c12 / d12.squareRoot() }
        return SIMD3(1, 0, 0)  // A = λI: every vector is an eigenvector.
    }
}
