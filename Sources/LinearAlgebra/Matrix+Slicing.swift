extension Matrix {
    /// The block of rows `rowRange` and columns `columnRange`, read or written.
    public subscript(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> Matrix {
        get {
            precondition(
                rowRange.lowerBound >= 0 && rowRange.upperBound <= rows && columnRange.lowerBound >= 0
                    && columnRange.upperBound <= columns,
                "Matrix block [\(rowRange), \(columnRange)] outside \(rows)×\(columns)")
            var block = Matrix.zeros(rowRange.count, columnRange.count)
            for (bi, i) in rowRange.enumerated() {
                for (bj, j) in columnRange.enumerated() { block.elements[bi * block.columns + bj] = elements[i * columns + j] }
            }
            return block
        }
        set {
            precondition(
                newValue.rows == rowRange.count && newValue.columns == columnRange.count,
                "Matrix block [\(rowRange), \(columnRange)] cannot take a \(newValue.rows)×\(newValue.columns) matrix")
            for (bi, i) in rowRange.enumerated() {
                for (bj, j) in columnRange.enumerated() { elements[i * columns + j] = newValue.elements[bi * newValue.columns + bj] }
            }
        }
    }

    /// Rows `range` (all columns).
    public subscript(rows range: Range<Int>) -> Matrix {
        get { self[rows: range, columns: 0..<columns] }
        set { self[rows: range, columns: 0..<columns] = newValue }
    }

    /// Columns `range` (all rows).
    public subscript(columns range: Range<Int>) -> Matrix {
        get { self[rows: 0..<rows, columns: range] }
        set { self[rows: 0..<rows, columns: range] = newValue }
    }

    /// The Kronecker product `A ⊗ B`: block `(i, j)` is `aᵢⱼ B`.
    public func kronecker(_ b: Matrix) -> Matrix {
        var k = Matrix.zeros(rows * b.rows, columns * b.columns)
        for i in 0..<rows {
            for j in 0..<columns {
                let aij = self[i, j]
                for p in 0..<b.rows {
                    for q in 0..<b.columns {
                        k.elements[(i * b.rows + p) * k.columns + j * b.columns + q] = aij * b.elements[p * b.columns + q]
                    }
                }
            }
        }
        return k
    }
}

extension Matrix: ExpressibleByArrayLiteral {
    /// `[[1, 2], [3, 4]]` is the 2×2 matrix with those rows.
    public init(arrayLiteral rows: [Double]...) { self.init(rows) }
}
