extension Matrix {
    /// Factors a square, finite matrix, throwing when it is singular.
    private func invertibleLU(_ operation: String) throws -> (factors: [Double], pivots: [Int32]) {
        try requireSquare(operation)
        try requireFinite(operation)
        let (factors, pivots, singularAt) = LAPACK.luOfTranspose(self)
        if let singularAt { throw LinearAlgebraError.singular(operation: operation, pivot: singularAt) }
        return (factors, pivots)
    }

    /// The solution `x` of `A x = b` (LU with partial pivoting, `dgetrf` + `dgetrs`).
    ///
    /// - Throws: `notSquare`, `shapeMismatch` when `b` has the wrong length, `nonFinite`,
    ///   `singular` when LU meets an exactly zero pivot. A nearly singular matrix gives an
    ///   inaccurate answer, not an error: check the residual or the condition number.
    public func solve(_ b: Vector) throws -> Vector {
        guard b.count == rows else {
            throw LinearAlgebraError.shapeMismatch(operation: "solve", lhs: shapeText, rhs: "vector of length \(b.count)")
        }
        try b.requireFinite("solve")
        let (factors, pivots) = try invertibleLU("solve")
        return Vector(LAPACK.solve(lu: factors, pivots: pivots, n: rows, Matrix(rows: rows, columns: 1, elements: b.elements)).elements)
    }

    /// The solution `X` of `A X = B` for several right-hand sides (the columns of `B`).
    public func solve(_ b: Matrix) throws -> Matrix {
        guard b.rows == rows else {
            throw LinearAlgebraError.shapeMismatch(operation: "solve", lhs: shapeText, rhs: b.shapeText)
        }
        try b.requireFinite("solve")
        let (factors, pivots) = try invertibleLU("solve")
        return LAPACK.solve(lu: factors, pivots: pivots, n: rows, b)
    }

    /// The inverse `A⁻¹` (`dgetrf` + `dgetri`; closed form for 3×3).
    ///
    /// - Throws: `notSquare`, `nonFinite`, `singular`.
    public func inverse() throws -> Matrix {
        if rows == 3, columns == 3 {
            try requireFinite("inverse")
            let m = Matrix3(self)
            if m.determinant == 0 { throw LinearAlgebraError.singular(operation: "inverse", pivot: 3) }
            return m.inverse.matrix
        }
        let (factors, pivots) = try invertibleLU("inverse")
        if rows == 0 { return self }
        return try LAPACK.inverse(lu: factors, pivots: pivots, n: rows)
    }
}

extension Vector {
    func requireFinite(_ operation: String) throws {
        for x in elements where !x.isFinite { throw LinearAlgebraError.nonFinite(operation: operation) }
    }
}
