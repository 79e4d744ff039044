internal import CKernels

/// The GELU `x Φ(x)` and its slope `Φ(x) + x φ(x)` of many numbers, by the C kernel
/// `lemma_gelu` (Sources/CKernels): `Φ(x) = ½ erfc(−x/√2)` eight lanes at a time through
/// glibc's vector `erfc` (libmvec, within 4 ulp of the scalar `erfc`) on processors with
/// AVX-512, four with AVX2 and FMA, the scalar `erfc` elsewhere; `φ` through ``VectorExp``'s kernel. About
/// 4× faster than the scalar `erfc` and `exp` per entry, which a transformer's
/// feed-forward layer spent a sixth of its training step on.
enum VectorGELU {
    /// 8 or 4 when `Φ` goes through libmvec's eight- or four-lane `erfc` here, 1 on the
    /// scalar path.
    static var lanes: Int { Int(lemma_gelu_lanes()) }

    /// `x Φ(x)` entry by entry.
    static func values(_ m: Matrix) -> Matrix {
        let count = m.elements.count
        let out = [Double](unsafeUninitializedCapacity: count) { po, initialized in
            m.elements.withUnsafeBufferPointer { px in lemma_gelu(px.baseAddress, po.baseAddress, nil, count) }
            initialized = count
        }
        return Matrix(rows: m.rows, columns: m.columns, elements: out)
    }

    /// `x Φ(x)` and `Φ(x) + x φ(x)` entry by entry, in one pass.
    static func valuesAndSlopes(_ m: Matrix) -> (values: Matrix, slopes: Matrix) {
        let count = m.elements.count
        var values = [Double]()
        let slopes = [Double](unsafeUninitializedCapacity: count) { ps, written in
            values = [Double](unsafeUninitializedCapacity: count) { po, initialized in
                m.elements.withUnsafeBufferPointer { px in lemma_gelu(px.baseAddress, po.baseAddress, ps.baseAddress, count) }
                initialized = count
            }
            written = count
        }
        return (Matrix(rows: m.rows, columns: m.columns, elements: values),
                Matrix(rows: m.rows, columns: m.columns, elements: slopes))
    }
}

/// `max(x, 0)` and its pullback by the C kernels `lemma_relu` and `lemma_relu_pullback`,
/// whose selects vectorise (written in Swift, the loops compiled to branches that
/// activations of either sign mispredict half the time).
enum VectorReLU {
    static func values(_ m: Matrix) -> Matrix {
        let count = m.elements.count
        let out = [Double](unsafeUninitializedCapacity: count) { po, initialized in
            m.elements.withUnsafeBufferPointer { px in lemma_relu(px.baseAddress, po.baseAddress, count) }
            initialized = count
        }
        return Matrix(rows: m.rows, columns: m.columns, elements: out)
    }

    /// `d` where `x > 0`, else 0 (`d` and `x` of the same shape).
    static func pullback(_ d: Matrix, at x: Matrix) -> Matrix {
        Matrix.requireSameShape(d, x, "relu pullback")
        let count = d.elements.count
        let out = [Double](unsafeUninitializedCapacity: count) { po, initialized in
            d.elements.withUnsafeBufferPointer { pd in
                x.elements.withUnsafeBufferPointer { px in
                    lemma_relu_pullback(pd.baseAddress, px.baseAddress, po.baseAddress, count)
                }
            }
            initialized = count
        }
        return Matrix(rows: d.rows, columns: d.columns, elements: out)
    }
}
