internal import CKernels
internal import CLAPACK

/// A matrix with its entries rounded to `Float`, row-major: an operand of a product in
/// single precision (`ProductPrecision.single`), rounded once and kept where a pullback
/// multiplies by it again.
struct SingleOperand {
    let rows: Int
    let columns: Int
    let elements: [Float]

    init(_ m: Matrix) {
        rows = m.rows
        columns = m.columns
        elements = [Float](unsafeUninitializedCapacity: m.elements.count) { py, initialized in
            m.elements.withUnsafeBufferPointer { px in lemma_narrow(px.baseAddress, py.baseAddress, px.count) }
            initialized = m.elements.count
        }
    }

    private init(rows: Int, columns: Int, elements: [Float]) {
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Matrices of `rows` rows side by side, `[B₀ B₁ …]`, each multiplied entry by entry by
    /// its slope when one is given (GELU's pullback), rounded to `Float`; block `k` is
    /// `widths[k]` columns wide, and a zero block (0×0, the zero tangent) counts as zeros.
    /// Also each block's column sums in `Double` (row order, after the slope) — the bias
    /// gradients of dense layers — taken in the same pass when `sumColumns` (else empty).
    static func sideBySide(
        _ blocks: [Matrix], slopes: [Matrix?]? = nil, rows: Int, widths: [Int], sumColumns: Bool = false
    ) -> (operand: SingleOperand, columnSums: [Matrix]) {
        precondition(blocks.count == widths.count, "SingleOperand: \(blocks.count) blocks, \(widths.count) widths")
        let total = widths.reduce(0, +)
        var sums: [Matrix] = []
        let elements = [Float](unsafeUninitializedCapacity: rows * total) { po, initialized in
            var offset = 0
            for (k, (block, width)) in zip(blocks, widths).enumerated() {
                defer { offset += width }
                if block.isZeroShape {
                    for i in 0..<rows { (po.baseAddress! + i * total + offset).initialize(repeating: 0, count: width) }
                    if sumColumns { sums.append(Matrix.zeros(1, width)) }
                    continue
                }
                precondition(
                    block.rows == rows && block.columns == width,
                    "SingleOperand: a \(block.shapeText) block where \(rows)×\(width) belongs")
                let slope = slopes?[k]
                if let slope { Matrix.requireSameShape(block, slope, "GELU pullback") }
                var blockSums = [Double](repeating: 0, count: sumColumns ? width : 0)
                block.elements.withUnsafeBufferPointer { pb in
                    BLAS.withOptionalElements(slope) { ps in
                        blockSums.withUnsafeMutableBufferPointer { pc in
                            lemma_scale_narrow(
                                pb.baseAddress, ps, po.baseAddress! + offset, total, sumColumns ? pc.baseAddress : nil,
                                rows, width)
                        }
                    }
                }
                if sumColumns { sums.append(Matrix(rows: 1, columns: width, elements: blockSums)) }
            }
            initialized = rows * total
        }
        return (SingleOperand(rows: rows, columns: total, elements: elements), sums)
    }

    /// `d ⊙ slope` (`d` without `slope`) rounded to `Float`, with its column sums in
    /// `Double` (the bias gradient of a dense layer), in one pass.
    static func withColumnSums(_ d: Matrix, scaledBy slope: Matrix? = nil) -> (operand: SingleOperand, columnSums: Matrix) {
        let (operand, sums) = sideBySide([d], slopes: [slope], rows: d.rows, widths: [d.columns], sumColumns: true)
        return (operand, sums[0])
    }
}

extension BLAS {
    /// `op(a) · op(b)` by `sgemm`: multiplied and accumulated in `Float` (transposes read in
    /// place), row-major `m × n`. Shapes are checked by the callers.
    static func singleProduct(
        _ a: SingleOperand, transposed ta: Bool = false, _ b: SingleOperand, transposedB tb: Bool = false
    ) -> (product: [Float], rows: Int, columns: Int) {
        let m = ta ? a.columns : a.rows, k = ta ? a.rows : a.columns
        let n = tb ? b.rows : b.columns
        guard m > 0, n > 0, k > 0 else { return ([Float](repeating: 0, count: m * n), m, n) }
        BLASThreads.use(forMultiplyAdds: m * n * k)
        let product = [Float](unsafeUninitializedCapacity: m * n) { pc, initialized in
            a.elements.withUnsafeBufferPointer { pa in
                b.elements.withUnsafeBufferPointer { pb in
                    cblas_sgemm(
                        CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                        blasint(m), blasint(n), blasint(k),
                        1, pa.baseAddress, blasint(a.columns), pb.baseAddress, blasint(b.columns),
                        0, pc.baseAddress, blasint(n))
                }
            }
            initialized = m * n
        }
        return (product, m, n)
    }

    /// `op(a) · op(b)`, plus the `1 × n` row `bias` in every row when given, in single
    /// precision (``singleProduct(_:transposed:_:transposedB:)``), widened to `Double` with the
    /// bias added in `Double`.
    static func singleGemm(
        _ a: SingleOperand, transposed ta: Bool = false, _ b: SingleOperand, transposedB tb: Bool = false,
        bias: Matrix? = nil
    ) -> Matrix {
        let (product, m, n) = singleProduct(a, transposed: ta, b, transposedB: tb)
        return widened(product, rows: m, stride: n, columns: 0..<n, bias: bias)
    }

    /// Columns `columns` of a row-major `Float` matrix whose rows are `stride` long, widened
    /// to `Double` with the `1 × columns.count` row `bias` added when given.
    static func widened(_ product: [Float], rows m: Int, stride: Int, columns: Range<Int>, bias: Matrix? = nil) -> Matrix {
        let n = columns.count
        let elements = [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            product.withUnsafeBufferPointer { pp in
                withOptionalElements(bias) { pb in
                    lemma_widen(pp.baseAddress.map { $0 + columns.lowerBound }, stride, pb, pc.baseAddress, m, n)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, elements: elements)
    }

    /// GELU of `a · b + 1 bias` (product in single precision) and GELU's slope there, in one
    /// pass over the product: the same bits as widening first and applying GELU after.
    static func singleAffineGELU(_ a: SingleOperand, _ b: SingleOperand, bias: Matrix?) -> (value: Matrix, slope: Matrix) {
        let (product, m, n) = singleProduct(a, b)
        var value = [Double]()
        let slope = [Double](unsafeUninitializedCapacity: m * n) { ps, written in
            value = [Double](unsafeUninitializedCapacity: m * n) { pv, initialized in
                product.withUnsafeBufferPointer { pp in
                    withOptionalElements(bias) { pb in
                        lemma_widen_gelu(pp.baseAddress, pb, pv.baseAddress, ps.baseAddress, m, n)
                    }
                }
                initialized = m * n
            }
            written = m * n
        }
        return (Matrix(rows: m, columns: n, elements: value), Matrix(rows: m, columns: n, elements: slope))
    }

    /// `body` with the address of `m`'s entries, or `nil` without `m`.
    static func withOptionalElements<R>(_ m: Matrix?, _ body: (UnsafePointer<Double>?) -> R) -> R {
        guard let m else { return body(nil) }
        return m.elements.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
