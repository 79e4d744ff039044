import _Differentiation

// Sums and means along rows and columns. Rows are examples and columns features in the
// training code, so `columnSums` sums over the batch (a bias gradient) and `rowSums` over
// the features of each example. A zero-shape cotangent (the zero tangent, when only another
// part of a result is differentiated) passes through as zero.

extension Matrix {
    /// The 1 × n row of column sums, `1ᵀ A` (`dgemv`).
    @differentiable(reverse)
    public func columnSums() -> Matrix {
        Matrix(rows: 1, columns: columns, elements: BLAS.columnSums(self))
    }

    @derivative(of: columnSums)
    public func _vjpColumnSums() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let m = rows
        return (columnSums(), zeroAware(.zero) { d in Matrix(rows: m, columns: d.columns, repeating: 0).adding(row: d) })
    }

    /// The m × 1 column of row sums, `A 1`.
    @differentiable(reverse)
    public func rowSums() -> Matrix {
        var out = [Double](repeating: 0, count: rows)
        let n = columns
        elements.withUnsafeBufferPointer { p in
            for i in 0..<rows {
                var s = 0.0
                for j in 0..<n { s += p[i * n + j] }
                out[i] = s
            }
        }
        return Matrix(rows: rows, columns: 1, elements: out)
    }

    @derivative(of: rowSums)
    public func _vjpRowSums() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let n = columns
        return (rowSums(), zeroAware(.zero) { d in Matrix(rows: d.rows, columns: n, repeating: 0).adding(column: d) })
    }

    /// The 1 × n row of column means (over the rows).
    @differentiable(reverse)
    public func columnMeans() -> Matrix { columnSums() / withoutDerivative(at: Double(rows)) }

    /// The m × 1 column of row means (over the columns).
    @differentiable(reverse)
    public func rowMeans() -> Matrix { rowSums() / withoutDerivative(at: Double(columns)) }

    /// The mean of all entries (NaN for an empty matrix).
    @differentiable(reverse)
    public func mean() -> Double { sum() / withoutDerivative(at: Double(rows * columns)) }
}

/// A pullback that returns `zero` for the zero tangent (`Matrix.zero`, 0×0) and `body`'s
/// result otherwise. Differentiating one part of a result (the output of a flow layer but
/// not its log-determinant, the last attention layer's output but not its scores) sends the
/// zero tangent into the other part's pullbacks; shaped arithmetic on it would stop the
/// program with a shape error, and its contribution is zero anyway.
func zeroAware<T>(_ zero: T, _ body: @escaping (Matrix) -> T) -> (Matrix) -> T {
    { d in d.isZeroShape ? zero : body(d) }
}
