import _Differentiation

// The batched products of multi-head attention, one `dgemm` per (sequence, head) block
// and no copies of the blocks. Layout: a batch of `B` sequences of length `T` is a
// `(B·T) × (H·w)` matrix (sequence `b` in rows `b·T..<(b+1)·T`, head `h` in columns
// `h·w..<(h+1)·w`); the scores of all pairs stack their `T × T` blocks into a
// `(B·H·T) × T` matrix, pair `(b, h)` in rows `(b·H + h)·T..<(b·H + h + 1)·T`. The two
// products are each other's pullbacks, so the derivatives need nothing else.

extension Matrix {
    /// `S_bh = s · A_bh C_bhᵀ` for every sequence `b` and head `h` (`A = Q`, `C = K` and
    /// `s = 1/√w` give the scaled attention scores): a `(B·H·T) × T` matrix. The scale is
    /// applied inside the products, not in a pass of its own.
    @differentiable(reverse, wrt: (a, c))
    public static func headScores(
        _ a: Matrix, _ c: Matrix, heads: Int, sequenceLength: Int, scale: Double = 1
    ) -> Matrix {
        checkHeadLayout(a, heads: heads, sequenceLength: sequenceLength, "Matrix.headScores")
        Matrix.requireSameShape(a, c, "Matrix.headScores")
        return BLAS.headScores(a, c, heads: heads, length: sequenceLength, alpha: scale)
    }

    /// `Ā_bh = s · S̄_bh C_bh`, `C̄_bh = s · S̄_bhᵀ A_bh`.
    @derivative(of: headScores, wrt: (a, c))
    public static func _vjpHeadScores(_ a: Matrix, _ c: Matrix, heads: Int, sequenceLength: Int, scale: Double)
        -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix))
    {
        (headScores(a, c, heads: heads, sequenceLength: sequenceLength, scale: scale), zeroAware((.zero, .zero)) { d in
            (BLAS.headMix(d, transposed: false, c, heads: heads, length: sequenceLength, alpha: scale),
             BLAS.headMix(d, transposed: true, a, heads: heads, length: sequenceLength, alpha: scale))
        })
    }

    /// `O_bh = W_bh V_bh` for every sequence and head (`W` the attention weights, a
    /// `(B·H·T) × T` stack; `V` the values): a `(B·T) × (H·w)` matrix shaped like `v`.
    @differentiable(reverse, wrt: (weights, v))
    public static func headMix(_ weights: Matrix, _ v: Matrix, heads: Int, sequenceLength: Int) -> Matrix {
        checkHeadLayout(v, heads: heads, sequenceLength: sequenceLength, "Matrix.headMix")
        precondition(
            weights.rows == v.rows / sequenceLength * heads * sequenceLength && weights.columns == sequenceLength,
            "Matrix.headMix: weights \(weights.shapeText) do not fit values \(v.shapeText) with \(heads) heads of length \(sequenceLength)")
        return BLAS.headMix(weights, transposed: false, v, heads: heads, length: sequenceLength)
    }

    /// `W̄_bh = Ō_bh V_bhᵀ`, `V̄_bh = W_bhᵀ Ō_bh`.
    @derivative(of: headMix, wrt: (weights, v))
    public static func _vjpHeadMix(_ weights: Matrix, _ v: Matrix, heads: Int, sequenceLength: Int)
        -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix))
    {
        (headMix(weights, v, heads: heads, sequenceLength: sequenceLength), zeroAware((.zero, .zero)) { d in
            (BLAS.headScores(d, v, heads: heads, length: sequenceLength),
             BLAS.headMix(weights, transposed: true, d, heads: heads, length: sequenceLength))
        })
    }

    /// Entries above the diagonal of every `T × T` block set to −∞ (position `i` may not
    /// attend to `j > i`): the causal mask, applied to a `(·) × T` stack of score blocks.
    @differentiable(reverse)
    public func causallyMasked(sequenceLength: Int) -> Matrix {
        precondition(
            columns == sequenceLength && rows % sequenceLength == 0,
            "Matrix.causallyMasked: \(shapeText) is not a stack of \(sequenceLength)×\(sequenceLength) blocks")
        return zeroingAboveBlockDiagonal(fill: -.infinity)
    }

    @derivative(of: causallyMasked)
    public func _vjpCausallyMasked(sequenceLength: Int) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (causallyMasked(sequenceLength: sequenceLength), zeroAware(.zero) { d in d.zeroingAboveBlockDiagonal(fill: 0) })
    }

    func zeroingAboveBlockDiagonal(fill: Double) -> Matrix {
        var out = elements
        let n = columns
        for r in 0..<rows {
            let i = r % n
            for j in (i + 1)..<Swift.max(i + 1, n) { out[r * n + j] = fill }
        }
        return Matrix(rows: rows, columns: columns, elements: out)
    }

    static func checkHeadLayout(_ x: Matrix, heads: Int, sequenceLength: Int, _ operation: String) {
        precondition(
            heads > 0 && sequenceLength > 0 && x.columns % heads == 0 && x.rows % sequenceLength == 0,
            "\(operation): a \(x.shapeText) matrix is not sequences of length \(sequenceLength) with \(heads) equal heads")
    }
}
