extension Matrix {
    /// The lower-triangular `L` with positive diagonal and `A = L Lᵀ` (`dpotrf`).
    ///
    /// Only the lower triangle of `A` is read; the matrix is taken to be symmetric.
    ///
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(order:)`` with the order of the
    ///   first leading principal minor that is not positive — where the factorisation
    ///   broke down — plus `notSquare` and `nonFinite`.
    public func cholesky() throws -> Matrix {
        try requireSquare("cholesky")
        try requireFinite("cholesky")
        if rows == 0 { return self }
        return try LAPACK.cholesky(self)
    }

    /// Whether `A` is symmetric positive definite, decided by attempting Cholesky.
    public var isPositiveDefinite: Bool {
        guard isSquare, rows > 0, isSymmetric(tolerance: 0) else { return false }
        return (try? cholesky()) != nil
    }

    /// Whether `|aᵢⱼ − aⱼᵢ| ≤ tolerance · max|a|` for all entries.
    public func isSymmetric(tolerance: Double = 0) -> Bool {
        guard isSquare else { return false }
        let bound = tolerance * maxAbs
        for i in 0..<rows {
            for j in (i + 1)..<Swift.max(i + 1, columns) where abs(self[i, j] - self[j, i]) > bound {
                return false
            }
        }
        return true
    }
}
