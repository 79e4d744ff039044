import LinearAlgebra
import Models
import Testing

@Suite struct DefinitenessTests {
    static let three = Matrix([[5, 2, -4], [2, 1, -2], [-4, -2, 5]])

    @Test func pivotsAreRatiosOfLeadingMinors() throws {
        let completion = try SquareCompletion(Self.three)
        #expect(completion.isPositiveDefinite)
        let minors = try (1...3).map { try PositiveDefiniteness.leadingMinor(Self.three, $0) }
        #expect(minors == [5, 1, 1])
        let pivots = completion.pivots
        #expect(abs(pivots[0] - 5) < 1e-15 && abs(pivots[1] - 0.2) < 1e-15 && abs(pivots[2] - 1) < 1e-14)
        #expect(completion.tex() == "5\\left(x_{1} + \\frac{2}{5}x_{2} - \\frac{4}{5}x_{3}\\right)^2 + \\frac{1}{5}\\left(x_{2} - 2x_{3}\\right)^2 + x_{3}^2")
    }

    @Test func theSumOfSquaresIsTheForm() throws {
        var rng = SeededGenerator(seed: 3)
        let b = Matrix.randomNormal(5, 5, using: &rng)
        let a0 = b.transposed * b + Matrix.identity(5)
        let a = 0.5 * (a0 + a0.transposed)
        let completion = try SquareCompletion(a)
        for _ in 0..<20 {
            let x = Vector.randomNormal(5, using: &rng)
            var sum = 0.0
            for (k, step) in completion.steps.enumerated() {
                var inner = x[k]
                for (offset, l) in step.multipliers.enumerated() { inner += l * x[k + offset + 1] }
                sum += step.pivot * inner * inner
            }
            #expect(abs(sum - x.dot(a * x)) < 1e-10 * (1 + abs(sum)))
        }
    }

    @Test func theFourTestsAgreeOnClearCases() throws {
        var rng = SeededGenerator(seed: 8)
        for trial in 0..<300 {
            let n = 2 + trial % 6
            let q = try Matrix.randomNormal(n, n, using: &rng).qr().q
            var lambda = Vector((0..<n).map { _ in rng.uniform(0.5, 2) })
            let expected: Bool
            switch trial % 3 {
            case 0: lambda[0] = 1e-6; expected = true
            case 1: lambda[0] = -1e-6; expected = false
            default: lambda[n - 1] = -1; expected = false
            }
            let a0 = q * Matrix.diagonal(lambda) * q.transposed
            let a = 0.5 * (a0 + a0.transposed)
            #expect(try PositiveDefiniteness.bySquareCompletion(a) == expected)
            #expect(try PositiveDefiniteness.bySylvester(a) == expected)
            #expect(try PositiveDefiniteness.byEigenvalues(a) == expected)
            #expect(try PositiveDefiniteness.byCholesky(a) == expected)
        }
    }

    /// Exactly singular integer Gram matrices are semidefinite: no test calls them definite.
    @Test func semidefiniteIsNeverDefinite() throws {
        var rng = SeededGenerator(seed: 9)
        for trial in 0..<300 {
            let n = 3 + trial % 4
            let c = Matrix(rows: n - 1, columns: n, elements: (0..<(n * (n - 1))).map { _ in Double(Int(rng.uniform(0, 7)) - 3) })
            let a = c.transposed * c
            #expect(try PositiveDefiniteness.leadingMinor(a, n) == 0)
            #expect(try !PositiveDefiniteness.bySquareCompletion(a))
            #expect(try !PositiveDefiniteness.bySylvester(a))
            #expect(try !PositiveDefiniteness.byEigenvalues(a))
            #expect(try !PositiveDefiniteness.byCholesky(a))
        }
    }

    @Test func bareissIsExactForIntegers() throws {
        let m = Matrix([[2, -1, 0, 3], [4, 1, 5, -2], [0, 0, 0, 1], [1, 2, 3, 4]])
        #expect(try PositiveDefiniteness.leadingMinor(m, 4) == (try m.determinant()).rounded())
        #expect(try PositiveDefiniteness.leadingMinor(Matrix([[0, 1], [1, 0]]), 2) == -1)
    }

    @Test func badInputIsNamed() {
        #expect(throws: DefinitenessError.notSymmetric(function: "SquareCompletion", row: 0, column: 1)) {
            try SquareCompletion(Matrix([[1, 2], [3, 4]]))
        }
        #expect(throws: DefinitenessError.notSquare(function: "PositiveDefiniteness.bySylvester", rows: 2, columns: 3)) {
            try PositiveDefiniteness.bySylvester(Matrix(rows: 2, columns: 3))
        }
        #expect(throws: DefinitenessError.nonFinite(function: "PositiveDefiniteness.byEigenvalues")) {
            try PositiveDefiniteness.byEigenvalues(Matrix([[1, .nan], [.nan, 1]]))
        }
        #expect(throws: DefinitenessError.empty(function: "SquareCompletion")) { try SquareCompletion(Matrix(rows: 0, columns: 0)) }
    }
}
