extension Matrix {
    /// The thin QR factorisation `A = Q R` (Householder, `dgeqrf` + `dorgqr`): `Q` is
    /// `rows × k` with orthonormal columns and `R` is `k × columns` upper-triangular
    /// (trapezoidal), `k = min(rows, columns)`. Signs follow LAPACK (diagonal of `R` may
    /// be negative).
    ///
    /// - Throws: `nonFinite`.
    public func qr() throws -> (q: Matrix, r: Matrix) {
        try requireFinite("qr")
        if Swift.min(rows, columns) == 0 { return (.zeros(rows, 0), .zeros(0, columns)) }
        return LAPACK.qr(self)
    }
}
