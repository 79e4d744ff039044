internal import CLAPACK

/// Thin wrappers over CBLAS; the only file besides `LAPACK.swift` that sees C.
enum BLAS {
    /// `c = a · b` for row-major matrices. The result's storage is handed to `dgemm`
    /// uninitialised: with `beta = 0`, BLAS writes `c` without reading it.
    static func gemm(_ a: Matrix, _ b: Matrix) -> Matrix {
        guard a.rows > 0, b.columns > 0, a.columns > 0 else { return Matrix.zeros(a.rows, b.columns) }
        let count = a.rows * b.columns
        let elements = [Double](unsafeUninitializedCapacity: count) { pc, initialized in
            a.elements.withUnsafeBufferPointer { pa in
                b.elements.withUnsafeBufferPointer { pb in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans,
                        blasint(a.rows), blasint(b.columns), blasint(a.columns),
                        1.0, pa.baseAddress, blasint(a.columns),
                        pb.baseAddress, blasint(b.columns),
                        0.0, pc.baseAddress, blasint(b.columns))
                }
            }
            initialized = count
        }
        return Matrix(rows: a.rows, columns: b.columns, elements: elements)
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
