import LinearAlgebra
import Testing

@Suite struct BadInputTests {
    @Test func singularMatrixIsAnErrorNamingThePivot() {
        let s: Matrix = [[1, 2], [2, 4]]
        #expect(throws: LinearAlgebraError.singular(operation: "solve", pivot: 2)) { try s.solve([1, 1]) }
        #expect(throws: LinearAlgebraError.singular(operation: "inverse", pivot: 2)) { try s.inverse() }
        #expect(throws: LinearAlgebraError.self) { try Matrix.zeros(3, 3).inverse() }
    }

    @Test func choleskySaysWhereItFails() {
        // Leading minors: 1, then 1·1 − 2·2 = −3 < 0.
        let a: Matrix = [[1, 2, 0], [2, 1, 0], [0, 0, 1]]
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) { try a.cholesky() }
        #expect(!a.isPositiveDefinite)
        let b: Matrix = [[4, 0, 0], [0, 9, 0], [0, 0, -1]]
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 3)) { try b.cholesky() }
    }

    @Test func ldltRefusesAZeroPivot() {
        #expect(throws: LinearAlgebraError.zeroPivot(position: 1)) { try Matrix([[0, 1], [1, 0]]).ldlt() }
    }

    @Test func nonSquareAndShapeMismatch() {
        let wide = Matrix.zeros(2, 3)
        #expect(throws: LinearAlgebraError.notSquare(operation: "solve", rows: 2, columns: 3)) { try wide.solve([1, 2]) }
        #expect(throws: LinearAlgebraError.notSquare(operation: "exponential", rows: 2, columns: 3)) { try wide.exponential() }
        #expect(throws: LinearAlgebraError.shapeMismatch(operation: "solve", lhs: "2×2", rhs: "vector of length 3")) {
            try Matrix.identity(2).solve([1, 2, 3])
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteInputIsRefused(bad: Double) {
        var m = Matrix.identity(4)
        m[2, 1] = bad
        #expect(throws: LinearAlgebraError.nonFinite(operation: "determinant")) { try m.determinant() }
        #expect(throws: LinearAlgebraError.nonFinite(operation: "svd")) { try m.svd() }
        #expect(throws: LinearAlgebraError.nonFinite(operation: "symmetricEigen")) { try m.symmetricEigen() }
        #expect(throws: LinearAlgebraError.nonFinite(operation: "cholesky")) { try m.cholesky() }
        #expect(throws: LinearAlgebraError.nonFinite(operation: "solve")) { try Matrix.identity(2).solve([bad, 1]) }
    }

    @Test func errorsReadWell() {
        #expect(LinearAlgebraError.notPositiveDefinite(order: 2).description
            == "Cholesky: the matrix is not positive definite (its leading minor of order 2 is not positive)")
        #expect(LinearAlgebraError.singular(operation: "solve", pivot: 2).description
            == "solve: the matrix is singular (zero pivot U[2,2] in its LU factorisation)")
    }

    @Test func emptyMatrices() throws {
        let e = Matrix.zeros(0, 0)
        #expect(try e.determinant() == 1)
        #expect(try e.inverse() == e)
        #expect(try e.symmetricEigen().values.isEmpty)
        #expect(try e.exponential() == e)
    }

    @Test func approximateEquality() {
        let a: Matrix = [[1, 2], [3, 4]]
        let nearby = a + 1e-13 * a, farther = a + 1e-6 * a
        let closeToNearby = a ≈ nearby, closeToFarther = a ≈ farther
        #expect(closeToNearby)
        #expect(!closeToFarther)
        #expect(a.isApproximatelyEqual(to: a + 1e-6 * a, absoluteTolerance: 0, relativeTolerance: 1e-5))
        #expect(!Matrix([[Double.nan]]).isApproximatelyEqual(to: [[Double.nan]], absoluteTolerance: 1))
        let differentShapes = a ≈ Matrix.zeros(2, 3)
        #expect(!differentShapes)
    }
}
