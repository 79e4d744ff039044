import RealModule

/// A 3×3 matrix held inline (no heap storage), with closed forms for the determinant,
/// inverse and symmetric eigen-decomposition: for the many small matrices of geometry
/// and of per-point computations, where a LAPACK call each would cost more than the math.
public struct Matrix3: Hashable, Sendable {
    /// Rows, each a triple.
    public var r0, r1, r2: SIMD3<Double>

    public init(_ r0: SIMD3<Double>, _ r1: SIMD3<Double>, _ r2: SIMD3<Double>) {
        (self.r0, self.r1, self.r2) = (r0, r1, r2)
    }

    /// From a 3×3 `Matrix`.
    public init(_ m: Matrix) {
        precondition(m.rows == 3 && m.columns == 3, "Matrix3: need 3×3, got \(m.rows)×\(m.columns)")
        let e = m.elements
        self.init(SIMD3(e[0], e[1], e[2]), SIMD3(e[3], e[4], e[5]), SIMD3(e[6], e[7], e[8]))
    }

    /// As a general `Matrix`.
    public var matrix: Matrix {
        Matrix(rows: 3, columns: 3, elements: [r0.x, r0.y, r0.z, r1.x, r1.y, r1.z, r2.x, r2.y, r2.z])
    }

    /// Entry `(i, j)`.
    public subscript(i: Int, j: Int) -> Double {
        switch i {
        case 0: r0[j]
        case 1: r1[j]
        default: r2[j]
        }
    }

    /// `det = r0 · (r1 × r2)`.
    @inlinable public var determinant: Double {
        r0.x * (r1.y * r2.z - r1.z * r2.y) - r0.y * (r1.x * r2.z - r1.z * r2.x)
            + r0.z * (r1.x * r2.y - r1.y * r2.x)
    }

    /// The inverse as adjugate / determinant. Entries are ±∞ or NaN for a singular
    /// matrix: check ``determinant`` first when that can happen.
    @inlinable public var inverse: Matrix3 {
        // Columns of the inverse are the cross products of rows, over the determinant.
        let c0 = cross(r1, r2), c1 = cross(r2, r0), c2 = cross(r0, r1)
        let invDet = 1 / (r0 * c0).sum()
        return Matrix3(
            SIMD3(c0.x, c1.x, c2.x) * invDet, SIMD3(c0.y, c1.y, c2.y) * invDet,
            SIMD3(c0.z, c1.z, c2.z) * invDet)
    }

    /// The product with a vector.
    @inlinable public static func * (m: Matrix3, v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((m.r0 * v).sum(), (m.r1 * v).sum(), (m.r2 * v).sum())
    }

    /// The matrix product.
    @inlinable public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        func row(_ r: SIMD3<Double>) -> SIMD3<Double> { r.x * b.r0 + r.y * b.r1 + r.z * b.r2 }
        return Matrix3(row(a.r0), row(a.r1), row(a.r2))
    }

    /// The transpose.
    @inlinable public var transposed: Matrix3 {
        Matrix3(SIMD3(r0.x, r1.x, r2.x), SIMD3(r0.y, r1.y, r2.y), SIMD3(r0.z, r1.z, r2.z))
    }
}

@inlinable @inline(__always) func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}
