import RealModule

extension Matrix {
    /// Eigenvalues in ascending order and orthonormal eigenvectors (the columns of
    /// `vectors`) of a symmetric matrix, by LAPACK's `dsyevd` (closed form for 3×3).
    /// Only the lower triangle is read; the matrix is taken to be symmetric.
    ///
    /// - Throws: `notSquare`, `nonFinite`, `noConvergence`.
    public func symmetricEigen() throws -> (values: Vector, vectors: Matrix) {
        try requireSquare("symmetricEigen")
        try requireFinite("symmetricEigen")
        if rows == 0 { return ([], self) }
        if rows == 3 {
            // Closed form reads the upper triangle; mirror the lower one into it.
            let m = Matrix3(SIMD3(self[0, 0], self[1, 0], self[2, 0]), SIMD3(self[1, 0], self[1, 1], self[2, 1]),
                            SIMD3(self[2, 0], self[2, 1], self[2, 2]))
            let (values, vectors) = m.symmetricEigen
            return (Vector([values.x, values.y, values.z]), vectors.matrix)
        }
        let (values, vectors) = try LAPACK.symmetricEigen(self, vectors: true)
        return (Vector(values), vectors!)
    }

    /// Eigenvalues of a symmetric matrix, ascending (`dsyevd` without vectors).
    public func symmetricEigenvalues() throws -> Vector {
        try requireSquare("symmetricEigenvalues")
        try requireFinite("symmetricEigenvalues")
        if rows == 0 { return [] }
        return Vector(try LAPACK.symmetricEigen(self, vectors: false).values)
    }

    /// Eigenvalues of a general square matrix (`dgeev`), in LAPACK's order; complex
    /// conjugate pairs are adjacent, positive imaginary part first.
    public func eigenvalues() throws -> [Complex<Double>] {
        try requireSquare("eigenvalues")
        try requireFinite("eigenvalues")
        if rows == 0 { return [] }
        let (re, im, _) = try LAPACK.generalEigen(self, vectors: false)
        return zip(re, im).map { Complex($0, $1) }
    }

    /// Eigenvalues and right eigenvectors (unit 2-norm columns of `vectors`, complex) of a
    /// general square matrix: `A V = V diag(values)`.
    public func eigen() throws -> (values: [Complex<Double>], vectors: ComplexMatrix) {
        try requireSquare("eigen")
        try requireFinite("eigen")
        let n = rows
        if n == 0 { return ([], ComplexMatrix(rows: 0, columns: 0, elements: [])) }
        let (re, im, packedOrNil) = try LAPACK.generalEigen(self, vectors: true)
        let packed = packedOrNil!
        // dgeev packs a conjugate pair (j, j+1) as real part in column j, imaginary in j+1.
        var vectors = ComplexMatrix(rows: n, columns: n, elements: Array(repeating: .zero, count: n * n))
        var j = 0
        while j < n {
            if im[j] == 0 {
                for i in 0..<n { vectors[i, j] = Complex(packed[i, j], 0) }
                j += 1
            } else {
                for i in 0..<n {
                    vectors[i, j] = Complex(packed[i, j], packed[i, j + 1])
                    vectors[i, j + 1] = Complex(packed[i, j], -packed[i, j + 1])
                }
                j += 2
            }
        }
        return (zip(re, im).map { Complex($0, $1) }, vectors)
    }
}
