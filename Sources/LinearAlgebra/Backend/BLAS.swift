internal import CLAPACK

/// Thin wrappers over CBLAS; with `SingleProducts.swift` and `LAPACK.swift` the only files
/// that see BLAS and LAPACK.
enum BLAS {
    /// `c = op(a) · op(b)` for row-major matrices, `op` being the transpose where asked
    /// (BLAS reads the operand transposed in place; nothing is copied). The result's
    /// storage is handed to `dgemm` uninitialised: with `beta = 0`, BLAS writes `c`
    /// without reading it. Shapes are checked by the callers.
    static func gemm(_ a: Matrix, transposed ta: Bool = false, _ b: Matrix, transposedB tb: Bool = false) -> Matrix {
        let m = ta ? a.columns : a.rows, k = ta ? a.rows : a.columns
        let n = tb ? b.rows : b.columns
        guard m > 0, n > 0, k > 0 else { return Matrix.zeros(m, n) }
        BLASThreads.use(forMultiplyAdds: m * n * k)
        let count = m * n
        let elements = [Double](unsafeUninitializedCapacity: count) { pc, initialized in
            HeapTuning.adviseHugePages(pc)
            a.elements.withUnsafeBufferPointer { pa in
                b.elements.withUnsafeBufferPointer { pb in
                    cblas_dgemm(
                        CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                        blasint(m), blasint(n), blasint(k),
                        1.0, pa.baseAddress, blasint(a.columns),
                        pb.baseAddress, blasint(b.columns),
                        0.0, pc.baseAddress, blasint(n))
                }
            }
            initialized = count
        }
        return Matrix(rows: m, columns: n, elements: elements)
    }

    /// `1ᵀ a`, the column sums of a row-major matrix (`dgemv` with `a` transposed).
    static func columnSums(_ a: Matrix) -> [Double] {
        var y = [Double](repeating: 0, count: a.columns)
        guard a.rows > 0, a.columns > 0 else { return y }
        let ones = [Double](repeating: 1, count: a.rows)
        a.elements.withUnsafeBufferPointer { pa in
            ones.withUnsafeBufferPointer { p1 in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasRowMajor, CblasTrans, blasint(a.rows), blasint(a.columns),
                        1.0, pa.baseAddress, blasint(a.columns), p1.baseAddress, 1, 0.0, py.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// `x · w + 1 b` for row-major `x` (m × k), `w` (k × n) and a bias row `b` (1 × n): the
    /// result is filled with copies of `b` and `dgemm` adds the product (`beta = 1`).
    static func affine(_ x: Matrix, _ w: Matrix, _ b: Matrix) -> Matrix {
        let (m, n, k) = (x.rows, w.columns, x.columns)
        var c = [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            b.elements.withUnsafeBufferPointer { pb in
                for i in 0..<m { (pc.baseAddress! + i * n).update(from: pb.baseAddress!, count: n) }
            }
            initialized = m * n
        }
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n, elements: c) }
        BLASThreads.use(forMultiplyAdds: m * n * k)
        x.elements.withUnsafeBufferPointer { px in
            w.elements.withUnsafeBufferPointer { pw in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k),
                        1.0, px.baseAddress, blasint(k), pw.baseAddress, blasint(n),
                        1.0, pc.baseAddress, blasint(n))
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: c)
    }

    /// `y += alpha · x` on equally long buffers, in place (`daxpy`).
    static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        precondition(x.count == y.count, "axpy: lengths differ (\(x.count) and \(y.count))")
        guard !x.isEmpty else { return }
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                cblas_daxpy(blasint(px.count), alpha, px.baseAddress, 1, py.baseAddress, 1)
            }
        }
    }

    /// `xᵀy` of equally long buffers (`ddot`).
    static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot: lengths differ (\(x.count) and \(y.count))")
        guard !x.isEmpty else { return 0 }
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in cblas_ddot(blasint(px.count), px.baseAddress, 1, py.baseAddress, 1) }
        }
    }

    /// `y = a · x` for a row-major matrix.
    static func gemv(_ a: Matrix, _ x: Vector) -> Vector {
        var y = Vector.zeros(a.rows)
        guard a.rows > 0, a.columns > 0 else { return y }
        a.elements.withUnsafeBufferPointer { pa in
            x.elements.withUnsafeBufferPointer { px in
                y.elements.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasRowMajor, CblasNoTrans, blasint(a.rows), blasint(a.columns),
                        1.0, pa.baseAddress, blasint(a.columns), px.baseAddress, 1,
                        0.0, py.baseAddress, 1)
                }
            }
        }
        return y
    }
}

// Products of the per-head blocks of multi-head attention. A batch of `B` sequences of
// length `T` with `H` heads of width `w` is a `(B·T) × (H·w)` matrix: sequence `b` is rows
// `b·T..<(b+1)·T`, head `h` columns `h·w..<(h+1)·w`. Score matrices stack the `T × T`
// block of each (sequence, head) pair: rows `(b·H + h)·T..<(b·H + h + 1)·T`.
extension BLAS {
    /// `S_bh = α A_bh · C_bhᵀ` for every sequence `b` and head `h`: a `(B·H·T) × T` matrix.
    static func headScores(_ a: Matrix, _ c: Matrix, heads: Int, length: Int, alpha: Double = 1) -> Matrix {
        let width = a.columns / heads, sequences = a.rows / length
        guard width > 0 else { return Matrix.zeros(sequences * heads * length, length) }
        BLASThreads.use(forMultiplyAdds: length * length * width)
        // Every (sequence, head) block is written with `beta = 0`: the storage starts uninitialised.
        let count = sequences * heads * length * length
        let s = [Double](unsafeUninitializedCapacity: count) { ps, initialized in
            a.elements.withUnsafeBufferPointer { pa in
                c.elements.withUnsafeBufferPointer { pc in
                    for b in 0..<sequences {
                        for h in 0..<heads {
                            let block = (b * length) * a.columns + h * width
                            cblas_dgemm(
                                CblasRowMajor, CblasNoTrans, CblasTrans,
                                blasint(length), blasint(length), blasint(width),
                                alpha, pa.baseAddress! + block, blasint(a.columns),
                                pc.baseAddress! + block, blasint(c.columns),
                                0.0, ps.baseAddress! + (b * heads + h) * length * length, blasint(length))
                        }
                    }
                }
            }
            initialized = count
        }
        return Matrix(rows: sequences * heads * length, columns: length, elements: s)
    }

    /// `O_bh = α op(W_bh) · V_bh` for every sequence and head, `op` the transpose when
    /// asked: a `(B·T) × (H·w)` matrix shaped like `v`.
    static func headMix(_ w: Matrix, transposed: Bool, _ v: Matrix, heads: Int, length: Int, alpha: Double = 1) -> Matrix {
        let width = v.columns / heads, sequences = v.rows / length
        guard width > 0, length > 0 else { return Matrix.zeros(v.rows, v.columns) }
        BLASThreads.use(forMultiplyAdds: length * length * width)
        // Every (sequence, head) block is written with `beta = 0`: the storage starts uninitialised.
        let count = v.rows * v.columns
        let o = [Double](unsafeUninitializedCapacity: count) { po, initialized in
            w.elements.withUnsafeBufferPointer { pw in
                v.elements.withUnsafeBufferPointer { pv in
                    for b in 0..<sequences {
                        for h in 0..<heads {
                            let block = (b * length) * v.columns + h * width
                            cblas_dgemm(
                                CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, CblasNoTrans,
                                blasint(length), blasint(width), blasint(length),
                                alpha, pw.baseAddress! + (b * heads + h) * length * length, blasint(length),
                                pv.baseAddress! + block, blasint(v.columns),
                                0.0, po.baseAddress! + block, blasint(v.columns))
                        }
                    }
                }
            }
            initialized = count
        }
        return Matrix(rows: v.rows, columns: v.columns, elements: o)
    }
}

/// How many threads OpenBLAS uses for the next product.
///
/// OpenBLAS splits even mid-sized products across threads, and there the hand-offs cost
/// more than they save: a 256×64 by 64×64 product inside a training step ran slower on two
/// threads than on one (measured with `Benchmarks/training.py`; raising the threshold to
/// 2²⁵ made the transformer step 20 % slower). Products of at least
/// ``threshold`` multiply-adds use every thread OpenBLAS was started with
/// (`OPENBLAS_NUM_THREADS`, else the cores); smaller ones use one. The setting is
/// process-wide, like OpenBLAS's own, and pinned at one inside ``KernelThreads/confined(_:)``.
enum BLASThreads {
    /// Multiply-adds from which a product is worth splitting (a 128³ product is 2²¹).
    static let threshold = 1 << 22
    /// The thread count OpenBLAS started with.
    static let available = Int(openblas_get_num_threads())
    nonisolated(unsafe) static var current = available

    @inline(__always)
    static func use(forMultiplyAdds work: Int) {
        // Inside `KernelThreads.confined` the count is pinned at one and other threads
        // call products too: leave it alone.
        if KernelThreads.isConfined { return }
        let wanted = work >= threshold ? available : 1
        if wanted != current {
            openblas_set_num_threads(Int32(wanted))
            current = wanted
        }
    }

    /// One thread from now on, until a product outside a confined region asks again.
    static func confine() {
        openblas_set_num_threads(1)
        current = 1
    }
}
