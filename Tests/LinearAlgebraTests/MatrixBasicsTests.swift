import LinearAlgebra
import Testing

@Suite struct MatrixBasicsTests {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])

    @Test func shapeIndexingRowsAndColumns() {
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a[1, 2] == 6)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(1) == [2, 5])
        #expect(a.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    }

    @Test func productMatchesHandComputation() {
        // [[1,2,3],[4,5,6]] · [[1,4],[2,5],[3,6]] = [[14, 32], [32, 77]]
        #expect(a * a.transposed == Matrix([[14, 32], [32, 77]]))
        #expect(a * Vector([1, 0, -1]) == [-2, -2])
    }

    @Test func productWithIdentityAndEmptyShapes() {
        #expect(Matrix.identity(2) * a == a)
        #expect(Matrix.zeros(0, 3) * Matrix.zeros(3, 2) == Matrix.zeros(0, 2))
        #expect(Matrix.zeros(2, 0) * Matrix.zeros(0, 2) == Matrix.zeros(2, 2))
    }

    @Test func elementwiseArithmetic() {
        #expect(a + a == 2 * a)
        #expect(a - a == Matrix.zeros(2, 3))
        #expect((-a)[0, 0] == -1)
        #expect(a.hadamard(a)[1, 1] == 25)
    }

    @Test func norms() {
        let m = Matrix([[1, -2], [-3, 4]])
        #expect(m.oneNorm == 6)
        #expect(m.infinityNorm == 7)
        #expect(abs(m.frobeniusNorm - 30.0.squareRoot()) < 1e-15)
        #expect(Vector([3, 4]).norm == 5)
        // No overflow for huge entries.
        #expect(Vector([3 * 0x1p900, 4 * 0x1p900]).norm == 5 * 0x1p900)
        #expect(m.maxAbs == 4)
        #expect(Matrix(rows: 0, columns: 3).maxAbs == 0)
    }

    /// A regression: `maxAbs` skipped NaN entries (`max(x, NaN)` is `x`), so a bound such
    /// as `(a - b).maxAbs < tolerance` held for NaN results.
    @Test func maxAbsIsNaNWhenAnEntryIsNaN() {
        #expect(Matrix([[1, .nan], [3, 4]]).maxAbs.isNaN)
        #expect(Matrix([[.nan, 1]]).maxAbs.isNaN)
        #expect(!((Matrix([[.nan]]) - Matrix([[0]])).maxAbs < 1))
        // The norms built on the same maximum.
        #expect(Vector([.nan]).norm.isNaN)
        #expect(Matrix([[1, 2], [.nan, 4]]).oneNorm.isNaN)
        #expect(Matrix([[1, 2], [.nan, 4]]).infinityNorm.isNaN)
    }

    @Test func outerProductAndDot() {
        let u: Vector = [1, 2], v: Vector = [3, 4, 5]
        #expect(u.outer(v) == Matrix([[3, 4, 5], [6, 8, 10]]))
        #expect(v.dot(v) == 50)
    }

    @Test(arguments: [
        (Matrix([[2]]), 2.0),
        (Matrix([[1, 2], [3, 4]]), -2.0),
        (Matrix([[0, 1], [1, 0]]), -1.0),  // needs a row swap
        (Matrix([[2, 0, 0], [0, 3, 0], [0, 0, 4]]), 24.0),
        (Matrix([[1, 2], [2, 4]]), 0.0),  // singular
    ])
    func determinant(matrix: Matrix, expected: Double) throws {
        #expect(abs(try matrix.determinant() - expected) < 1e-12)
    }

    @Test func determinantOfNonSquareThrows() {
        #expect(throws: LinearAlgebraError.notSquare(operation: "determinant", rows: 2, columns: 3)) {
            try a.determinant()
        }
    }

    @Test func logDeterminantStaysFiniteWhereDeterminantOverflows() throws {
        let big = 1e200 * Matrix.identity(3)
        let (sign, logAbs) = try big.signAndLogAbsDeterminant()
        #expect(sign == 1)
        #expect(abs(logAbs - 3 * 200 * 2.302585092994046) < 1e-9)
    }

    @Test func determinantIsMultiplicativeOnRandomMatrices() throws {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let x = Matrix.randomNormal(4, 4, using: &rng), y = Matrix.randomNormal(4, 4, using: &rng)
            let lhs = try (x * y).determinant(), rhs = try x.determinant() * y.determinant()
            #expect(abs(lhs - rhs) <= 1e-10 * max(1, abs(rhs)))
        }
    }
}

@Suite struct VectorPiecesTests {
    @Test func sliceConcatenateAndMapKeepVectors() {
        let v: Vector = [1, 2, 3, 4]
        #expect(v.slice(1..<3) == [2, 3])
        #expect(v.slice(1..<3)[0] == 2)
        #expect(v.slice(0..<2).concatenating(v.slice(2..<4)) == v)
        #expect(v.mapped { $0 * $0 } == [1, 4, 9, 16])
    }
}
