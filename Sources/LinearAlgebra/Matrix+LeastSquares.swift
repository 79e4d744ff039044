extension Matrix {
    /// The minimum-norm `x` minimising `‖A x − b‖₂` (SVD-based `dgelsd`), for any shape and
    /// rank of `A`; singular values at or below `relativeTolerance · σ_max` count as zero
    /// (default: machine precision).
    ///
    /// - Throws: `shapeMismatch` when `b` does not have `rows` entries, `nonFinite`,
    ///   `noConvergence`.
    public func leastSquares(_ b: Vector, relativeTolerance: Double = -1) throws -> (solution: Vector, rank: Int) {
        guard b.count == rows else {
            throw LinearAlgebraError.shapeMismatch(operation: "leastSquares", lhs: shapeText, rhs: "vector of length \(b.count)")
        }
        try requireFinite("leastSquares")
        try b.requireFinite("leastSquares")
        if rows == 0 || columns == 0 { return (.zeros(columns), 0) }
        let (x, rank) = try LAPACK.leastSquares(
            self, Matrix(rows: rows, columns: 1, elements: b.elements), rcond: relativeTolerance)
        return (Vector(x.elements), rank)
    }
}
