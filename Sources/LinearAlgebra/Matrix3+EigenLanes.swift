/// The lanes of the eigen kernel: four matrices side by side. On baseline x86-64 (SSE2)
/// each operation is two instructions that do not depend on each other, which is what
/// hides the latency of the divisions and square roots. The kernel is written for this
/// concrete type on purpose: over a generic `SIMD` parameter the compiler fell back to
/// lane-by-lane loops, turned lane selects into branches and ran up to twice as slow.
typealias Lanes4 = SIMD4<Double>

/// Three SIMD lane vectors that together hold one 3-vector per lane.
struct LaneVector3 {
    var x, y, z: Lanes4

    @inline(__always) init(_ x: Lanes4, _ y: Lanes4, _ z: Lanes4) { (self.x, self.y, self.z) = (x, y, z) }

    @inline(__always) static func - (a: Self, b: Self) -> Self { Self(a.x - b.x, a.y - b.y, a.z - b.z) }
    @inline(__always) static func * (a: Self, s: Lanes4) -> Self { Self(a.x * s, a.y * s, a.z * s) }
    @inline(__always) static func * (s: Lanes4, a: Self) -> Self { Self(a.x * s, a.y * s, a.z * s) }
    @inline(__always) static func + (a: Self, b: Self) -> Self { Self(a.x + b.x, a.y + b.y, a.z + b.z) }

    @inline(__always) func dot(_ b: Self) -> Lanes4 { x * b.x + y * b.y + z * b.z }

    @inline(__always) func cross(_ b: Self) -> Self {
        Self(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x)
    }

    /// `other` in the lanes where `mask` is set.
    @inline(__always) func replacing(with other: Self, where mask: SIMDMask<Lanes4.MaskStorage>) -> Self {
        Self(x.replacing(with: other.x, where: mask), y.replacing(with: other.y, where: mask),
             z.replacing(with: other.z, where: mask))
    }
}

/// The upper triangle of a symmetric 3×3 matrix per lane.
struct SymmetricLanes3 {
    var a00, a01, a02, a11, a12, a22: Lanes4

    @inline(__always) func times(_ w: LaneVector3) -> LaneVector3 {
        LaneVector3(a00 * w.x + a01 * w.y + a02 * w.z, a01 * w.x + a11 * w.y + a12 * w.z,
                    a02 * w.x + a12 * w.y + a22 * w.z)
    }
}

extension SymmetricLanes3 {
    /// The upper triangles of four matrices, one per lane. (In an extension, so the
    /// memberwise initialiser stays.)
    @inline(__always) init(_ m0: Matrix3, _ m1: Matrix3, _ m2: Matrix3, _ m3: Matrix3) {
        self.init(
            a00: Lanes4(m0.r0.x, m1.r0.x, m2.r0.x, m3.r0.x), a01: Lanes4(m0.r0.y, m1.r0.y, m2.r0.y, m3.r0.y),
            a02: Lanes4(m0.r0.z, m1.r0.z, m2.r0.z, m3.r0.z), a11: Lanes4(m0.r1.y, m1.r1.y, m2.r1.y, m3.r1.y),
            a12: Lanes4(m0.r1.z, m1.r1.z, m2.r1.z, m3.r1.z), a22: Lanes4(m0.r2.z, m1.r2.z, m2.r2.z, m3.r2.z))
    }
}

/// Eigenvalues (ascending) and unit eigenvectors of four matrices, one per lane.
struct SymmetricEigenLanes3 {
    var values: LaneVector3
    var vectors: (LaneVector3, LaneVector3, LaneVector3)

    /// The decomposition in lane `k`, eigenvectors as the columns of `vectors`.
    @inline(__always) func decomposition(_ k: Int) -> (values: SIMD3<Double>, vectors: Matrix3) {
        let (e0, e1, e2) = vectors
        return (SIMD3(values.x[k], values.y[k], values.z[k]),
                Matrix3(SIMD3(e0.x[k], e1.x[k], e2.x[k]), SIMD3(e0.y[k], e1.y[k], e2.y[k]),
                        SIMD3(e0.z[k], e1.z[k], e2.z[k])))
    }
}

/// The lanewise larger value (`a` where the comparison fails, as with NaN). The standard
/// library's `pointwiseMax` is not inlined here and cost a quarter of the kernel.
@inline(__always) private func larger(_ a: Lanes4, _ b: Lanes4) -> Lanes4 {
    a.replacing(with: b, where: b .> a)
}

@inline(__always) private func absolute(_ x: Lanes4) -> Lanes4 {
    x.replacing(with: -x, where: x .< 0)
}

/// The closed-form eigen-decomposition of symmetric 3×3 matrices, one matrix per SIMD lane,
/// written without branches on the data so that lanes stay independent (a NaN in one lane
/// stays there) and the work vectorises across matrices.
///
/// Method. After scaling by the largest entry, with `q = tr A / 3`, `p² = ‖A − qI‖²_F / 6`
/// and `r = det((A − qI)/p) / 2 ∈ [−1, 1]`, the eigenvalues are `q + 2p·cᵢ` where `cᵢ` are
/// the roots of `4c³ − 3c = r`. The extreme eigenvalue on the side of `sign(r)` is the best
/// separated one (its gap to the others is at least `√3·p`), and its root is the largest
/// root of `4c³ − 3c = |r|`, which lies in `[√3/2, 1]` where the cubic's slope is at least
/// 6 — so a polynomial first guess and one Halley step give it to full precision without
/// any trigonometric function. Its eigenvector is the largest cross product of two rows
/// of `A − λI`, and the Rayleigh quotient refines `λ`. The other two pairs come from the
/// Jacobi rotation that diagonalises `A` restricted to the orthogonal complement, which is
/// stable however close those two eigenvalues are.
@inline(__always)
func symmetricEigenLanes(_ a: SymmetricLanes3) -> SymmetricEigenLanes3 {
    let zero = Lanes4(repeating: 0), one = Lanes4(repeating: 1)
    // Scale by the largest entry against overflow and underflow in the squares.
    var scale = larger(
        larger(larger(absolute(a.a00), absolute(a.a01)), larger(absolute(a.a02), absolute(a.a11))),
        larger(absolute(a.a12), absolute(a.a22)))
    scale.replace(with: one, where: scale .== zero)
    // 1/scale overflows for subnormal scales; lifting those lanes by 2¹⁰⁰⁰ first keeps
    // every product finite (the lift is a power of two: exact). `a · lift` comes first.
    let lift = one.replacing(with: Lanes4(repeating: 0x1p1000), where: scale .< Lanes4(repeating: 0x1p-1000))
    let inverseScale = one / (scale * lift)
    let s = SymmetricLanes3(
        a00: a.a00 * lift * inverseScale, a01: a.a01 * lift * inverseScale, a02: a.a02 * lift * inverseScale,
        a11: a.a11 * lift * inverseScale, a12: a.a12 * lift * inverseScale, a22: a.a22 * lift * inverseScale)

    // The shifted, normalised matrix B = (A − qI)/p and r = det(B)/2.
    // (Expressions stay short: with the module's many operator overloads, long ones
    // exceed the type checker's budget.)
    let trace: Lanes4 = s.a00 + s.a11 + s.a22
    let q: Lanes4 = trace * (1.0 / 3)
    let b00: Lanes4 = s.a00 - q, b11: Lanes4 = s.a11 - q, b22: Lanes4 = s.a22 - q
    let diagonalSquares: Lanes4 = b00 * b00 + b11 * b11 + b22 * b22
    let offDiagonalSquares: Lanes4 = s.a01 * s.a01 + s.a02 * s.a02 + s.a12 * s.a12
    let p2: Lanes4 = (diagonalSquares + 2 * offDiagonalSquares) * (1.0 / 6)
    let isScalar = p2 .== zero  // A = qI: every vector is an eigenvector.
    let p = p2.squareRoot()
    var inverseP = one / p
    inverseP.replace(with: zero, where: isScalar)
    let n00 = b00 * inverseP, n11 = b11 * inverseP, n22 = b22 * inverseP
    let n01 = s.a01 * inverseP, n02 = s.a02 * inverseP, n12 = s.a12 * inverseP
    let minor0: Lanes4 = n11 * n22 - n12 * n12
    let minor1: Lanes4 = n01 * n22 - n12 * n02
    let minor2: Lanes4 = n01 * n12 - n11 * n02
    let determinant: Lanes4 = n00 * minor0 - n01 * minor1 + n02 * minor2
    let r: Lanes4 = 0.5 * determinant

    // Largest root of 4c³ − 3c = |r|: a degree-5 fit of cos(acos(x)/3) on [0, 1] (error
    // below 1.3e-6; Scripts/fit_cubic_root_guess.py computes the coefficients), then one
    // Halley step (cubic convergence: below 1e-16).
    var x = absolute(r)
    x.replace(with: one, where: x .> one)
    let k5 = Lanes4(repeating: 0.0019631785313937258), k4 = Lanes4(repeating: -0.008972271775752091)
    let k3 = Lanes4(repeating: 0.02186569882383248), k2 = Lanes4(repeating: -0.047491876474179816)
    let k1 = Lanes4(repeating: 0.16660954054207464), k0 = Lanes4(repeating: 0.8660266884420419)
    var root: Lanes4 = k5 * x + k4
    root = root * x + k3
    root = root * x + k2
    root = root * x + k1
    root = root * x + k0
    let rootSquared: Lanes4 = root * root
    let g: Lanes4 = (4 * rootSquared - 3) * root - x
    let slope: Lanes4 = 12 * rootSquared - 3
    let curvature: Lanes4 = 24 * root
    let halleyDenominator: Lanes4 = slope * slope - 0.5 * g * curvature
    root -= g * slope / halleyDenominator
    let sign = one.replacing(with: -one, where: r .< zero)
    let shift: Lanes4 = 2 * sign * p * root
    var lambda: Lanes4 = q + shift

    // Its eigenvector: the largest cross product of two rows of A − λI.
    let m0 = LaneVector3(s.a00 - lambda, s.a01, s.a02)
    let m1 = LaneVector3(s.a01, s.a11 - lambda, s.a12)
    let m2 = LaneVector3(s.a02, s.a12, s.a22 - lambda)
    let x01 = m0.cross(m1), x02 = m0.cross(m2), x12 = m1.cross(m2)
    let d01 = x01.dot(x01), d02 = x02.dot(x02), d12 = x12.dot(x12)
    var w = x01, d = d01
    w = w.replacing(with: x02, where: d02 .> d)
    d = larger(d, d02)
    w = w.replacing(with: x12, where: d12 .> d)
    d = larger(d, d12)
    let noVector = d .== zero
    d.replace(with: one, where: noVector)
    w = w * (one / d.squareRoot())
    w = w.replacing(with: LaneVector3(one, zero, zero), where: noVector)
    lambda = w.dot(s.times(w))

    // An orthonormal basis u, v of w⊥ and A restricted to it.
    let useXZ = absolute(w.x) .> absolute(w.y)
    let uRaw = LaneVector3(zero, w.z, -w.y).replacing(with: LaneVector3(-w.z, zero, w.x), where: useXZ)
    let u = uRaw * (one / uRaw.dot(uRaw).squareRoot())
    let v = w.cross(u)
    let au = s.times(u), av = s.times(v)
    let m00 = u.dot(au), m01 = u.dot(av), m11 = v.dot(av)

    // The Jacobi rotation that diagonalises [[m00, m01], [m01, m11]]; t = tan θ = 0 when
    // m01 = 0 (and, harmlessly, when τ² overflows: then θ < 1e-150).
    let isDiagonal = m01 .== zero
    let offDiagonal: Lanes4 = m01.replacing(with: one, where: isDiagonal)
    let tau: Lanes4 = (m11 - m00) / (2 * offDiagonal)
    let tauSign = one.replacing(with: -one, where: tau .< zero)
    let hypotenuse: Lanes4 = (one + tau * tau).squareRoot()
    var t: Lanes4 = tauSign / (absolute(tau) + hypotenuse)
    t.replace(with: zero, where: isDiagonal)
    let secant: Lanes4 = (one + t * t).squareRoot()
    let cosine: Lanes4 = one / secant, sine: Lanes4 = t * cosine

    // Sort the pairs by eigenvalue, lane by lane (a three-element sorting network).
    let rotation: Lanes4 = t * m01
    var value0 = lambda, value1: Lanes4 = m00 - rotation, value2: Lanes4 = m11 + rotation
    var vector0 = w, vector1 = cosine * u - sine * v, vector2 = sine * u + cosine * v
    var swapped = value0 .> value1
    (value0, value1) = (value0.replacing(with: value1, where: swapped), value1.replacing(with: value0, where: swapped))
    (vector0, vector1) = (vector0.replacing(with: vector1, where: swapped), vector1.replacing(with: vector0, where: swapped))
    swapped = value1 .> value2
    (value1, value2) = (value1.replacing(with: value2, where: swapped), value2.replacing(with: value1, where: swapped))
    (vector1, vector2) = (vector1.replacing(with: vector2, where: swapped), vector2.replacing(with: vector1, where: swapped))
    swapped = value0 .> value1
    (value0, value1) = (value0.replacing(with: value1, where: swapped), value1.replacing(with: value0, where: swapped))
    (vector0, vector1) = (vector0.replacing(with: vector1, where: swapped), vector1.replacing(with: vector0, where: swapped))

    var values = LaneVector3(value0, value1, value2)
    values = values.replacing(with: LaneVector3(q, q, q), where: isScalar) * scale
    let identity = (LaneVector3(one, zero, zero), LaneVector3(zero, one, zero), LaneVector3(zero, zero, one))
    return SymmetricEigenLanes3(
        values: values,
        vectors: (vector0.replacing(with: identity.0, where: isScalar),
                  vector1.replacing(with: identity.1, where: isScalar),
                  vector2.replacing(with: identity.2, where: isScalar)))
}

