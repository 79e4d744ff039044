import _Differentiation

// Pieces of a matrix and matrices put together, differentiably: coupling layers split the
// features (columns) of a batch, embeddings gather rows, attention masks positions.

extension Matrix {
    /// Columns `range` of every row, as a new matrix.
    @differentiable(reverse)
    public func slicingColumns(_ range: Range<Int>) -> Matrix {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= columns,
            "Matrix.slicingColumns: columns \(range) outside \(shapeText)")
        return self[columns: range]
    }

    @derivative(of: slicingColumns)
    public func _vjpSlicingColumns(_ range: Range<Int>) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let (m, n) = (rows, columns)
        return (slicingColumns(range), zeroAware(.zero) { d in
            var g = Matrix.zeros(m, n)
            g[columns: range] = d
            return g
        })
    }

    /// `[self other]`: the columns of `other` after those of `self` (equal row counts).
    @differentiable(reverse)
    public func concatenatingColumns(_ other: Matrix) -> Matrix {
        precondition(
            rows == other.rows,
            "Matrix.concatenatingColumns: row counts differ (\(shapeText) and \(other.shapeText))")
        var out = Matrix.zeros(rows, columns + other.columns)
        out[columns: 0..<columns] = self
        out[columns: columns..<(columns + other.columns)] = other
        return out
    }

    @derivative(of: concatenatingColumns)
    public func _vjpConcatenatingColumns(_ other: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        let split = columns
        return (concatenatingColumns(other), zeroAware((.zero, .zero)) { d in
            (d[columns: 0..<split], d[columns: split..<d.columns])
        })
    }

    /// The rows at `indices`, in that order (repeats allowed): an embedding lookup or a
    /// minibatch. The pullback adds each row's cotangent back at its index.
    @differentiable(reverse)
    public func gatheringRows(_ indices: [Int]) -> Matrix {
        let n = columns
        var out = [Double]()
        out.reserveCapacity(indices.count * n)
        for i in indices {
            precondition(i >= 0 && i < rows, "Matrix.gatheringRows: row \(i) outside \(shapeText)")
            out.append(contentsOf: elements[(i * n)..<((i + 1) * n)])
        }
        return Matrix(rows: indices.count, columns: n, elements: out)
    }

    @derivative(of: gatheringRows)
    public func _vjpGatheringRows(_ indices: [Int]) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let (m, n) = (rows, columns)
        return (gatheringRows(indices), zeroAware(.zero) { d in
            var g = [Double](repeating: 0, count: m * n)
            for (k, i) in indices.enumerated() {
                for j in 0..<n { g[i * n + j] += d.elements[k * n + j] }
            }
            return Matrix(rows: m, columns: n, elements: g)
        })
    }

    /// Entries where `mask` is 0 replaced by `fill` (for instance −∞ before a softmax);
    /// where `mask` is nonzero, kept. The mask is a constant: no derivative flows to it,
    /// and none flows to the replaced entries.
    @differentiable(reverse, wrt: self)
    public func masked(by mask: Matrix, fill: Double) -> Matrix {
        Matrix.requireSameShape(self, mask, "Matrix.masked(by:fill:)")
        return zipped(mask, "Matrix.masked(by:fill:)") { $1 != 0 ? $0 : fill }
    }

    @derivative(of: masked, wrt: self)
    public func _vjpMasked(by mask: Matrix, fill: Double) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (masked(by: mask, fill: fill), zeroAware(.zero) { d in d.zipped(mask, "mask pullback") { $1 != 0 ? $0 : 0 } })
    }
}

extension Matrix {
    /// The same entries, row after row, in a `rows × columns` matrix (their product must be
    /// the entry count): a `B × (P·c)` batch of images stored position-major becomes the
    /// `(B·P) × c` matrix of their pixels.
    @differentiable(reverse)
    public func reshaped(rows newRows: Int, columns newColumns: Int) -> Matrix {
        precondition(
            newRows * newColumns == rows * columns,
            "Matrix.reshaped: a \(rows)×\(columns) matrix cannot become \(newRows)×\(newColumns)")
        return Matrix(rows: newRows, columns: newColumns, elements: elements)
    }

    @derivative(of: reshaped)
    public func _vjpReshaped(rows newRows: Int, columns newColumns: Int) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        let (r, c) = (rows, columns)
        return (reshaped(rows: newRows, columns: newColumns), zeroAware(.zero) { d in d.reshaped(rows: r, columns: c) })
    }
}
