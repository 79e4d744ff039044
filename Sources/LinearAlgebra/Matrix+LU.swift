/// An LU factorisation with partial pivoting, `A = P L U` (scipy's convention).
public struct LUDecomposition: Sendable, Hashable {
    /// Permutation matrix.
    public var p: Matrix
    /// Unit lower-triangular (trapezoidal for wide or tall `A`), `rows × min(rows, columns)`.
    public var l: Matrix
    /// Upper-triangular (trapezoidal), `min(rows, columns) × columns`.
    public var u: Matrix
    /// The row order: row `i` of `L U` is row `permutation[i]` of `A`.
    public var permutation: [Int]
}

extension Matrix {
    /// LU factorisation with partial pivoting, `A = P L U`, by `dgetrf`. Works for
    /// rectangular and singular matrices (a zero pivot just leaves a zero on `U`'s diagonal).
    ///
    /// - Throws: `nonFinite` for NaN or infinite entries.
    public func lu() throws -> LUDecomposition {
        try requireFinite("lu")
        let m = rows, n = columns, k = Swift.min(m, n)
        let (packed, pivots, _) = LAPACK.getrf(self)
        var l = Matrix.zeros(m, k), u = Matrix.zeros(k, n)
        for i in 0..<m {
            for j in 0..<k {
                if i == j { l[i, j] = 1 } else if i > j { l[i, j] = packed[i, j] }
            }
        }
        for i in 0..<k { for j in i..<n { u[i, j] = packed[i, j] } }
        // dgetrf swapped row i with row pivots[i] - 1, in order.
        var permutation = Array(0..<m)
        for (i, p) in pivots.enumerated() { permutation.swapAt(i, Int(p) - 1) }
        var p = Matrix.zeros(m, m)
        for (i, source) in permutation.enumerated() { p[source, i] = 1 }
        return LUDecomposition(p: p, l: l, u: u, permutation: permutation)
    }
}
