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
}

extension BLAS {
    /// `op(a) · op(b)`, plus the `1 × n` row `bias` in every row when given, in single
    /// precision: `sgemm` multiplies and accumulates in `Float` (transposes read in place),
    /// and the result is widened to `Double` with the bias added in `Double`. Shapes are
    /// checked by the callers.
    static func singleGemm(
        _ a: SingleOperand, transposed ta: Bool = false, _ b: SingleOperand, transposedB tb: Bool = false,
        bias: Matrix? = nil
    ) -> Matrix {
        let m = ta ? a.columns : a.rows, k = ta ? a.rows : a.columns
        let n = tb ? b.rows : b.columns
        guard m > 0, n > 0 else { return Matrix.zeros(m, n) }
        let product: [Float]
        if k == 0 {
            product = [Float](repeating: 0, count: m * n)
        } else {
            BLASThreads.use(forMultiplyAdds: m * n * k)
            product = [Float](unsafeUninitializedCapacity: m * n) { pc, initialized in
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
        }
        let elements = [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            product.withUnsafeBufferPointer { pp in
                if let bias {
                    bias.elements.withUnsafeBufferPointer { pb in
                        lemma_widen(pp.baseAddress, pb.baseAddress, pc.baseAddress, m, n)
                    }
                } else {
                    lemma_widen(pp.baseAddress, nil, pc.baseAddress, m, n)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, elements: elements)
    }
}
