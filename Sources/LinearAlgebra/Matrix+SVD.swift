/// A thin singular value decomposition `A = U diag(s) Vᵀ`.
public struct SVD: Sendable, Hashable {
    /// `rows × k` with orthonormal columns, `k = min(rows, columns)`.
    public var u: Matrix
    /// The `k` singular values, descending.
    public var s: Vector
    /// `k × columns` with orthonormal rows.
    public var vt: Matrix
}

extension Matrix {
    /// The thin SVD by LAPACK's divide-and-conquer `dgesdd`.
    ///
    /// - Throws: `nonFinite`, `noConvergence`.
    public func svd() throws -> SVD {
        try requireFinite("svd")
        let k = Swift.min(rows, columns)
        if k == 0 { return SVD(u: .zeros(rows, 0), s: [], vt: .zeros(0, columns)) }
        let (u, s, vt) = try LAPACK.svd(self, vectors: true)
        return SVD(u: u!, s: Vector(s), vt: vt!)
    }

    /// The singular values, descending.
    public func singularValues() throws -> Vector {
        try requireFinite("singularValues")
        if Swift.min(rows, columns) == 0 { return [] }
        return Vector(try LAPACK.svd(self, vectors: false).s)
    }

    /// The spectral norm `‖A‖₂`, the largest singular value (0 for an empty matrix).
    public func twoNorm() throws -> Double { try singularValues().first ?? 0 }

    /// The numerical rank: singular values above `tolerance · σ_max` (default
    /// `max(rows, columns) · ε`, numpy's choice).
    public func rank(relativeTolerance: Double? = nil) throws -> Int {
        let s = try singularValues()
        guard let largest = s.first, largest > 0 else { return 0 }
        let cutoff = (relativeTolerance ?? Double(Swift.max(rows, columns)) * Double.ulpOfOne) * largest
        return s.filter { $0 > cutoff }.count
    }

    /// The Moore–Penrose pseudo-inverse `A⁺ = V diag(1/s) Uᵀ`, treating singular values
    /// at or below `relativeTolerance · σ_max` as zero (default `max(rows, columns) · ε`).
    public func pseudoInverse(relativeTolerance: Double? = nil) throws -> Matrix {
        let d = try svd()
        guard let largest = d.s.first, largest > 0 else { return .zeros(columns, rows) }
        let cutoff = (relativeTolerance ?? Double(Swift.max(rows, columns)) * Double.ulpOfOne) * largest
        // V diag(1/s) Uᵀ = (diag(1/s) Vᵀ)ᵀ Uᵀ: scale the rows of Vᵀ.
        var scaledVt = d.vt
        for i in 0..<d.s.count {
            let factor = d.s[i] > cutoff ? 1 / d.s[i] : 0
            for j in 0..<columns { scaledVt[i, j] *= factor }
        }
        return scaledVt.transposed * d.u.transposed
    }
}
