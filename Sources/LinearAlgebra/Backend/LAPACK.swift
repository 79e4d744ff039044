internal import CLAPACK

/// Thin wrappers over LAPACKE; each returns Swift values and turns `info` into errors.
enum LAPACK {
    /// LU factorisation with partial pivoting, `P A = L U`, via `dgetrf`.
    ///
    /// Returns the packed factors (unit-lower `L` below the diagonal, `U` on and above) and
    /// the 1-based row interchanges. A zero pivot is not an error here: `dgetrf` still
    /// completes, and `singularAt` reports the first zero pivot (1-based) when there is one.
    static func getrf(_ a: Matrix) -> (lu: Matrix, pivots: [Int32], singularAt: Int?) {
        var lu = a
        let m = a.rows, n = a.columns
        var pivots = [Int32](repeating: 0, count: max(1, min(m, n)))
        let info = lu.elements.withUnsafeMutableBufferPointer { p in
            LAPACKE_dgetrf(LAPACK_ROW_MAJOR, Int32(m), Int32(n), p.baseAddress,
                           Int32(max(1, n)), &pivots)
        }
        precondition(info >= 0, "LAPACKE_dgetrf: argument \(-info) was illegal")
        return (lu, Array(pivots.prefix(min(m, n))), info > 0 ? Int(info) : nil)
    }
}
