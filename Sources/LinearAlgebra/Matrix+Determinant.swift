import RealModule

extension Matrix {
    /// The determinant, from the LU factorisation (`dgetrf`): the product of `U`'s diagonal
    /// times the sign of the row permutation. Exactly 0 when LAPACK finds a zero pivot.
    /// May overflow to ±∞ or underflow to 0 where ``signAndLogAbsDeterminant()`` does not.
    /// 3×3 matrices use the closed form of ``Matrix3``.
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:rows:columns:)``,
    ///   ``LinearAlgebraError/nonFinite(operation:)``.
    public func determinant() throws -> Double {
        try requireSquare("determinant")
        try requireFinite("determinant")
        if rows == 3 { return Matrix3(self).determinant }
        let (sign, logAbs) = try signAndLogAbsDeterminant()
        return sign * Double.exp(logAbs)
    }

    /// `(sign, log|det|)`, finite where the determinant itself would overflow or underflow
    /// (numpy's `slogdet`). A singular matrix gives `(0, -∞)`; the empty matrix `(1, 0)`.
    public func signAndLogAbsDeterminant() throws -> (sign: Double, logAbs: Double) {
        try requireSquare("signAndLogAbsDeterminant")
        try requireFinite("signAndLogAbsDeterminant")
        let n = rows
        if n == 0 { return (1, 0) }
        let (factors, pivots, singularAt) = LAPACK.luOfTranspose(self)
        if singularAt != nil { return (0, -.infinity) }
        var sign = 1.0
        var logAbs = 0.0
        for i in 0..<n {
            let u = factors[i * n + i]
            if u < 0 { sign = -sign }
            logAbs += Double.log(abs(u))
            if pivots[i] != Int32(i + 1) { sign = -sign }
        }
        return (sign, logAbs)
    }
}
