import RealModule

extension Matrix {
    /// The determinant, from the LU factorisation (`dgetrf`): the product of `U`'s diagonal
    /// times the sign of the row permutation. Exactly 0 for a matrix LAPACK finds singular.
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:rows:columns:)`` for a non-square matrix.
    public func determinant() throws -> Double {
        let (sign, logAbs) = try signAndLogAbsDeterminant()
        return sign * Double.exp(logAbs)
    }

    /// `(sign, log|det|)`, which stays finite where the determinant itself would overflow or
    /// underflow. A singular matrix gives `(0, -∞)`.
    public func signAndLogAbsDeterminant() throws -> (sign: Double, logAbs: Double) {
        guard isSquare else {
            throw LinearAlgebraError.notSquare(operation: "determinant", rows: rows, columns: columns)
        }
        if rows == 0 { return (1, 0) }
        let (lu, pivots, singularAt) = LAPACK.getrf(self)
        if singularAt != nil { return (0, -.infinity) }
        var sign = 1.0
        var logAbs = 0.0
        for i in 0..<rows {
            let u = lu[i, i]
            if u < 0 { sign = -sign }
            logAbs += Double.log(abs(u))
            if pivots[i] != Int32(i + 1) { sign = -sign }
        }
        return (sign, logAbs)
    }
}
