internal import CLAPACK

/// Wrappers over LAPACKE. `Matrix` is row-major; LAPACK is column-major. Where it is free
/// to do so, a routine is called in column-major on the row-major storage — that is, on
/// the transpose — and the result read back accordingly (see each function), which avoids
/// the copies LAPACKE's row-major mode makes. Every `info` is turned into an error here.
enum LAPACK {
    private static let col = Int32(LAPACK_COL_MAJOR)
    private static let row = Int32(LAPACK_ROW_MAJOR)
    private static func ch(_ c: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: c)) }

    /// An illegal argument is a bug in this file, not in the caller's input.
    private static func checkArguments(_ info: Int32, _ routine: String) {
        precondition(info >= 0, "\(routine): argument \(-info) was illegal (a bug in Lemma)")
    }

    // MARK: LU

    /// LU of the storage read as column-major, i.e. of `aᵀ`: `aᵀ = P L U`. Enough for
    /// determinants (`det a = det aᵀ`), solves (with `trans = T`) and inverses.
    static func luOfTranspose(_ a: Matrix) -> (factors: [Double], pivots: [Int32], singularAt: Int?) {
        let n = a.rows
        var factors = a.elements
        var pivots = [Int32](repeating: 0, count: max(1, n))
        let info = LAPACKE_dgetrf(col, Int32(n), Int32(n), &factors, Int32(max(1, n)), &pivots)
        checkArguments(info, "dgetrf")
        return (factors, pivots, info > 0 ? Int(info) : nil)
    }

    /// LU with partial pivoting of the row-major matrix itself (`dgetrf`, row-major mode):
    /// packed factors and 1-based row interchanges.
    static func getrf(_ a: Matrix) -> (lu: Matrix, pivots: [Int32], singularAt: Int?) {
        var lu = a
        let m = a.rows, n = a.columns
        var pivots = [Int32](repeating: 0, count: max(1, min(m, n)))
        let info = lu.elements.withUnsafeMutableBufferPointer { p in
            LAPACKE_dgetrf(row, Int32(m), Int32(n), p.baseAddress, Int32(max(1, n)), &pivots)
        }
        checkArguments(info, "dgetrf")
        return (lu, Array(pivots.prefix(min(m, n))), info > 0 ? Int(info) : nil)
    }

    /// Solves `a x = b` for the `n × k` right-hand sides `b`, given `luOfTranspose(a)`.
    static func solve(lu: [Double], pivots: [Int32], n: Int, _ b: Matrix) -> Matrix {
        // dgetrs wants b column-major; for one column that is the same storage.
        var rhs = b.columns == 1 ? b.elements : b.transposed.elements
        var factors = lu
        var piv = pivots
        let info = LAPACKE_dgetrs(
            col, ch("T"), Int32(n), Int32(b.columns), &factors, Int32(max(1, n)), &piv, &rhs, Int32(max(1, n)))
        checkArguments(info, "dgetrs")
        if b.columns == 1 { return Matrix(rows: n, columns: 1, elements: rhs) }
        return Matrix(rows: b.columns, columns: n, elements: rhs).transposed
    }

    /// The inverse from `luOfTranspose(a)`: `dgetri` inverts `aᵀ` in column-major, which is
    /// `a⁻¹` in row-major.
    static func inverse(lu: [Double], pivots: [Int32], n: Int) throws -> Matrix {
        var factors = lu
        var piv = pivots
        let info = LAPACKE_dgetri(col, Int32(n), &factors, Int32(max(1, n)), &piv)
        checkArguments(info, "dgetri")
        if info > 0 { throw LinearAlgebraError.singular(operation: "inverse", pivot: Int(info)) }
        return Matrix(rows: n, columns: n, elements: factors)
    }

    // MARK: Cholesky

    /// Lower-triangular `L` with `a = L Lᵀ` for symmetric `a`. Column-major `dpotrf` with
    /// `U` on the (symmetric) storage gives `a = Uᵀ U`; `U` column-major is `L` row-major.
    static func cholesky(_ a: Matrix) throws -> Matrix {
        let n = a.rows
        var storage = a.elements
        let info = LAPACKE_dpotrf(col, ch("U"), Int32(n), &storage, Int32(max(1, n)))
        checkArguments(info, "dpotrf")
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
        var l = Matrix(rows: n, columns: n, elements: storage)
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { l.elements[i * n + j] = 0 } }
        return l
    }

    // MARK: Eigenvalues

    /// Eigenvalues (ascending) and orthonormal eigenvectors (columns) of symmetric `a`,
    /// by the divide-and-conquer `dsyevd`, reading the lower triangle of `a`.
    static func symmetricEigen(_ a: Matrix, vectors: Bool) throws -> (values: [Double], vectors: Matrix?) {
        let n = a.rows
        var storage = a.elements
        var w = [Double](repeating: 0, count: n)
        // Row-major lower = column-major upper.
        let info = LAPACKE_dsyevd(col, ch(vectors ? "V" : "N"), ch("U"), Int32(n), &storage, Int32(max(1, n)), &w)
        checkArguments(info, "dsyevd")
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: "dsyevd", info: Int(info)) }
        // Column-major eigenvector columns are rows of the row-major storage.
        return (w, vectors ? Matrix(rows: n, columns: n, elements: storage).transposed : nil)
    }

    /// Eigenvalues of a general square matrix as (real, imaginary) parts, and the right
    /// eigenvectors packed as `dgeev` packs them (row-major).
    static func generalEigen(_ a: Matrix, vectors: Bool) throws -> (re: [Double], im: [Double], packed: Matrix?) {
        let n = a.rows
        var storage = a.elements
        var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
        var vl = [Double](repeating: 0, count: 1)
        var vr = [Double](repeating: 0, count: vectors ? n * n : 1)
        let info = LAPACKE_dgeev(
            row, ch("N"), ch(vectors ? "V" : "N"), Int32(n), &storage, Int32(max(1, n)), &wr, &wi,
            &vl, 1, &vr, Int32(vectors ? max(1, n) : 1))
        checkArguments(info, "dgeev")
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: "dgeev", info: Int(info)) }
        return (wr, wi, vectors ? Matrix(rows: n, columns: n, elements: vr) : nil)
    }

    // MARK: SVD

    /// Thin SVD `a = U Σ Vᵀ` by `dgesdd`. Called column-major on the storage, it
    /// decomposes `aᵀ = U' Σ V'ᵀ`, so `U = V'` and `Vᵀ = U'ᵀ`; read back row-major, the
    /// routine's `vt` output is `U` and its `u` output is `Vᵀ`, without a copy.
    static func svd(_ a: Matrix, vectors: Bool) throws -> (u: Matrix?, s: [Double], vt: Matrix?) {
        let m = a.rows, n = a.columns, k = min(m, n)
        // Column-major view: an n × m matrix.
        var storage = a.elements
        var s = [Double](repeating: 0, count: max(1, k))
        var uPrime = [Double](repeating: 0, count: vectors ? n * k : 1)  // n × k, col-major
        var vtPrime = [Double](repeating: 0, count: vectors ? k * m : 1)  // k × m, col-major
        let info = LAPACKE_dgesdd(
            col, ch(vectors ? "S" : "N"), Int32(n), Int32(m), &storage, Int32(max(1, n)), &s,
            &uPrime, Int32(max(1, n)), &vtPrime, Int32(max(1, k)))
        checkArguments(info, "dgesdd")
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: "dgesdd", info: Int(info)) }
        guard vectors else { return (nil, Array(s.prefix(k)), nil) }
        // vtPrime col-major k × m  ==  row-major m × k  ==  U.
        // uPrime col-major n × k  ==  row-major k × n  ==  Vᵀ.
        return (
            Matrix(rows: m, columns: k, elements: vtPrime), Array(s.prefix(k)),
            Matrix(rows: k, columns: n, elements: uPrime)
        )
    }

    // MARK: QR

    /// Thin QR `a = Q R` (`dgeqrf` + `dorgqr`, row-major mode) for `rows ≥ columns`.
    static func qr(_ a: Matrix) -> (q: Matrix, r: Matrix) {
        let m = a.rows, n = a.columns, k = min(m, n)
        var storage = a.elements
        var tau = [Double](repeating: 0, count: max(1, k))
        var info = LAPACKE_dgeqrf(row, Int32(m), Int32(n), &storage, Int32(max(1, n)), &tau)
        checkArguments(info, "dgeqrf")
        var r = Matrix.zeros(k, n)
        for i in 0..<k { for j in i..<n { r.elements[i * n + j] = storage[i * n + j] } }
        // Q: the first k columns, built in place from the reflectors.
        var q = [Double](repeating: 0, count: m * k)
        for i in 0..<m { for j in 0..<k { q[i * k + j] = storage[i * n + j] } }
        info = LAPACKE_dorgqr(row, Int32(m), Int32(k), Int32(k), &q, Int32(max(1, k)), &tau)
        checkArguments(info, "dorgqr")
        return (Matrix(rows: m, columns: k, elements: q), r)
    }

    // MARK: Least squares

    /// Minimum-norm least-squares solution of `a x ≈ b` (`dgelsd`, SVD-based), with the
    /// effective rank; singular values below `rcond · σ_max` count as zero.
    static func leastSquares(_ a: Matrix, _ b: Matrix, rcond: Double) throws -> (x: Matrix, rank: Int) {
        let m = a.rows, n = a.columns, k = b.columns
        var storage = a.elements
        let ldb = max(m, n)
        var rhs = [Double](repeating: 0, count: ldb * k)
        for i in 0..<m { for j in 0..<k { rhs[i * k + j] = b.elements[i * k + j] } }
        var s = [Double](repeating: 0, count: max(1, min(m, n)))
        var rank: Int32 = 0
        let info = LAPACKE_dgelsd(
            row, Int32(m), Int32(n), Int32(k), &storage, Int32(max(1, n)), &rhs, Int32(max(1, k)), &s, rcond, &rank)
        checkArguments(info, "dgelsd")
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: "dgelsd", info: Int(info)) }
        return (Matrix(rows: n, columns: k, elements: Array(rhs.prefix(n * k))), Int(rank))
    }
}
