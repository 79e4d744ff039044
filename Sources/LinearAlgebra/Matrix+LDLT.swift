/// `A = L D Lᵀ` with `L` unit lower-triangular and `D` diagonal: the matrix form of
/// completing the square in the quadratic form `xᵀ A x = Σᵢ dᵢ (Lᵀx)ᵢ²`.
public struct LDLTDecomposition: Sendable, Hashable {
    /// Unit lower-triangular.
    public var l: Matrix
    /// The pivots `dᵢ`, the diagonal of `D`: the coefficients of the completed squares.
    public var d: Vector

    /// `L diag(d) Lᵀ`.
    public var reconstructed: Matrix { l * Matrix.diagonal(d) * l.transposed }
}

extension Matrix {
    /// `LDLᵀ` of a symmetric matrix without pivoting, computed in Swift so the pivots are
    /// exactly those of completing squares in order `x₁, x₂, …`. The pivots' signs give the
    /// inertia (Sylvester): all positive ⇔ positive definite. `dₖ` is the ratio of the
    /// leading principal minors of orders `k` and `k − 1`. Only the lower triangle is read.
    ///
    /// - Throws: ``LinearAlgebraError/zeroPivot(position:)`` (1-based) when a pivot is
    ///   exactly zero — the factorisation then needs pivoting, which this one refuses to do
    ///   because it would change the order of the squares — plus `notSquare`, `nonFinite`.
    public func ldlt() throws -> LDLTDecomposition {
        try requireSquare("ldlt")
        try requireFinite("ldlt")
        let n = rows
        var l = Matrix.identity(n)
        var d = Vector.zeros(n)
        for j in 0..<n {
            var dj = self[j, j]
            for k in 0..<j { dj -= l[j, k] * l[j, k] * d[k] }
            if dj == 0 { throw LinearAlgebraError.zeroPivot(position: j + 1) }
            d[j] = dj
            for i in (j + 1)..<Swift.max(j + 1, n) {
                var sum = self[i, j]
                for k in 0..<j { sum -= l[i, k] * l[j, k] * d[k] }
                l[i, j] = sum / dj
            }
        }
        return LDLTDecomposition(l: l, d: d)
    }
}
