import _Differentiation

// A row (1 × n) or a column (m × 1) combined with every row or column of an m × n matrix:
// the bias add of a dense layer, the gain of a normalisation, a per-example scale. Shapes
// are never stretched implicitly; each broadcast is named, and a mismatch stops the program
// with both shapes.

extension Matrix {
    /// `self + 1·row`: `row` (1 × n) added to every row.
    @differentiable(reverse)
    public func adding(row: Matrix) -> Matrix { broadcast(row: row, "Matrix.adding(row:)", +) }

    @derivative(of: adding(row:))
    public func _vjpAddingRow(row: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (adding(row: row), zeroAware((.zero, .zero)) { d in (d, d.columnSums()) })
    }

    /// Every row multiplied entry by entry by `row` (1 × n): a per-feature scale.
    @differentiable(reverse)
    public func multiplying(row: Matrix) -> Matrix { broadcast(row: row, "Matrix.multiplying(row:)", *) }

    @derivative(of: multiplying(row:))
    public func _vjpMultiplyingRow(row: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (multiplying(row: row), zeroAware((.zero, .zero)) { d in (d.multiplying(row: row), d.hadamard(self).columnSums()) })
    }

    /// `self + column·1ᵀ`: `column` (m × 1) added to every column.
    @differentiable(reverse)
    public func adding(column: Matrix) -> Matrix { broadcast(column: column, "Matrix.adding(column:)", +) }

    @derivative(of: adding(column:))
    public func _vjpAddingColumn(column: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (adding(column: column), zeroAware((.zero, .zero)) { d in (d, d.rowSums()) })
    }

    /// Row `i` multiplied by `column[i]` (`column` is m × 1): a per-example scale.
    @differentiable(reverse)
    public func multiplying(column: Matrix) -> Matrix { broadcast(column: column, "Matrix.multiplying(column:)", *) }

    @derivative(of: multiplying(column:))
    public func _vjpMultiplyingColumn(column: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (multiplying(column: column), zeroAware((.zero, .zero)) { d in (d.multiplying(column: column), d.hadamard(self).rowSums()) })
    }

    /// `body(aᵢⱼ, rowⱼ)` for every entry; `row` is 1 × n.
    @inline(__always)
    func broadcast(row: Matrix, _ operation: String, _ body: (Double, Double) -> Double) -> Matrix {
        precondition(
            row.rows == 1 && row.columns == columns,
            "\(operation): needs a 1×\(columns) row for a \(shapeText) matrix, got \(row.shapeText)")
        return combined(with: row, alongRows: true, body)
    }

    /// `body(aᵢⱼ, columnᵢ)` for every entry; `column` is m × 1.
    @inline(__always)
    func broadcast(column: Matrix, _ operation: String, _ body: (Double, Double) -> Double) -> Matrix {
        precondition(
            column.columns == 1 && column.rows == rows,
            "\(operation): needs a \(rows)×1 column for a \(shapeText) matrix, got \(column.shapeText)")
        return combined(with: column, alongRows: false, body)
    }

    /// The one kernel of both broadcasts: entry `(i, j)` meets `other[j]` along rows, or
    /// `other[i]` along columns. Shapes are checked by the callers.
    @inline(__always)
    private func combined(with other: Matrix, alongRows: Bool, _ body: (Double, Double) -> Double) -> Matrix {
        let n = columns
        var out = elements
        out.withUnsafeMutableBufferPointer { po in
            other.elements.withUnsafeBufferPointer { pb in
                for i in 0..<rows {
                    let base = i * n
                    if alongRows {
                        for j in 0..<n { po[base + j] = body(po[base + j], pb[j]) }
                    } else {
                        let c = pb[i]
                        for j in 0..<n { po[base + j] = body(po[base + j], c) }
                    }
                }
            }
        }
        return Matrix(rows: rows, columns: columns, elements: out)
    }
}
