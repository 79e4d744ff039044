import LinearAlgebra
import Testing

/// Largest `|A v − λ v|` entry over the largest `|aᵢⱼ|` (or 1 when all are smaller), and the
/// largest entry of `VᵀV − I`.
private func errors(_ a: Matrix, _ result: (values: SIMD3<Double>, vectors: Matrix3)) -> (residual: Double, orthogonality: Double) {
    let v = result.vectors.matrix
    let lambda = Matrix.diagonal([result.values.x, result.values.y, result.values.z])
    return ((a * v - v * lambda).maxAbs / max(1, a.maxAbs), (v.transposed * v - .identity(3)).maxAbs)
}

/// `Q diag(λ) Qᵀ` for a random orthogonal `Q`, symmetrised exactly.
private func withEigenvalues(_ lambda: [Double], using rng: inout SeededGenerator) -> Matrix {
    let q = Matrix.randomOrthogonal(3, using: &rng)
    let a = q * Matrix.diagonal(Vector(lambda)) * q.transposed
    return (a + a.transposed) * 0.5
}

private let epsilon = Double.ulpOfOne

@Suite struct Matrix3SymmetricEigenTests {
    @Test func randomMatrices() {
        var rng = SeededGenerator(seed: 34)
        for _ in 0..<500 {
            let g = Matrix.randomNormal(3, 3, using: &rng)
            let a = g + g.transposed
            let result = Matrix3(a).symmetricEigen
            let (residual, orthogonality) = errors(a, result)
            #expect(residual < 20 * epsilon)
            #expect(orthogonality < 20 * epsilon)
            #expect(result.values.x <= result.values.y && result.values.y <= result.values.z)
        }
    }

    @Test(arguments: [
        Matrix([[2, 0, 0], [0, 2, 0], [0, 0, 2]]),  // triple eigenvalue
        Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 5]]),  // double eigenvalue
        Matrix([[2, 1, 0], [1, 2, 0], [0, 0, 3]]),  // 1, 3, 3
        Matrix([[1, 1e-9, 0], [1e-9, 1, 0], [0, 0, 1]]),  // nearly triple
        Matrix([[1, 1e-300, 0], [1e-300, 1, 0], [0, 0, 1]]),  // triple up to an underflowing square
        Matrix([[1, 1, 1], [1, 1, 1], [1, 1, 1]]),  // rank one: 0, 0, 3
        Matrix([[1e300, 0, 0], [0, -1e300, 0], [0, 0, 0]]),  // huge entries
        Matrix([[1e-300, 2e-300, 0], [2e-300, 1e-300, 0], [0, 0, 3e-300]]),  // tiny entries
        Matrix([[0, 0, 0], [0, 0, 0], [0, 0, 0]]),
    ])
    func specialMatrices(a: Matrix) throws {
        let result = Matrix3(a).symmetricEigen
        let (residual, orthogonality) = errors(a, result)
        #expect(residual < 10 * epsilon)
        #expect(orthogonality < 10 * epsilon)
        let lapack = try a.symmetricEigenvalues()
        let scale = max(1, a.maxAbs)
        for (mine, theirs) in zip([result.values.x, result.values.y, result.values.z], lapack.elements) {
            #expect(abs(mine - theirs) <= 10 * epsilon * scale)
        }
    }

    /// Subnormal entries: the scale factor `1 / max|aᵢⱼ|` would overflow to infinity.
    @Test func subnormalEntries() throws {
        let a = Matrix([[1e-310, 2e-310, 0], [2e-310, 1e-310, 0], [0, 0, 3e-310]])
        let result = Matrix3(a).symmetricEigen
        let values = [result.values.x, result.values.y, result.values.z]
        let lapack = try a.symmetricEigenvalues().elements
        #expect(values.allSatisfy { $0.isFinite })
        // Subnormals carry fewer digits, so compare relative to the entries with a loose bound.
        for (mine, theirs) in zip(values, lapack) { #expect(abs(mine - theirs) <= 1e-12 * a.maxAbs) }
        let v = result.vectors.matrix
        #expect((v.transposed * v - .identity(3)).maxAbs < 1e-12)
    }

    /// Clusters of two or three eigenvalues `10⁻ᵏ` apart, k = 0…16, and both signs: the
    /// cases where closed forms usually lose the eigenvectors.
    @Test func clusteredEigenvalues() {
        var rng = SeededGenerator(seed: 35)
        for k in 0...16 {
            let gap = Double.pow(10, -Double(k))
            for lambda in [[1, 1 + gap, 3], [1, 1 + gap, 1 + 2 * gap], [-2, -1 - gap, -1], [0, gap, 1]] {
                for _ in 0..<20 {
                    let a = withEigenvalues(lambda, using: &rng)
                    let result = Matrix3(a).symmetricEigen
                    let (residual, orthogonality) = errors(a, result)
                    #expect(residual < 20 * epsilon, "gap \(gap), eigenvalues \(lambda)")
                    #expect(orthogonality < 20 * epsilon, "gap \(gap), eigenvalues \(lambda)")
                    let values = [result.values.x, result.values.y, result.values.z]
                    #expect(zip(values, lambda).allSatisfy { abs($0 - $1) <= 20 * epsilon * 3 }, "gap \(gap)")
                }
            }
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 7, 9])
    func batchGivesTheSingleResultsBitForBit(count: Int) {
        var rng = SeededGenerator(seed: UInt64(36 + count))
        let matrices = (0..<count).map { _ in
            let g = Matrix.randomNormal(3, 3, using: &rng)
            return Matrix3(g + g.transposed)
        }
        let batch = Matrix3.symmetricEigen(of: matrices)
        #expect(batch.count == count)
        for (matrix, result) in zip(matrices, batch) {
            let single = matrix.symmetricEigen
            #expect(result.values == single.values && result.vectors == single.vectors)
        }
    }

    @Test func nonFiniteEntriesStayInTheirOwnLane() {
        let good = Matrix3(SIMD3(2, 1, 0), SIMD3(1, 2, 0), SIMD3(0, 0, 3))
        for bad in [Double.nan, .infinity, -.infinity] {
            let poisoned = Matrix3(SIMD3(1, bad, 0), SIMD3(bad, 1, 0), SIMD3(0, 0, 1))
            let results = Matrix3.symmetricEigen(of: [good, poisoned, good, good, poisoned])
            for k in [0, 2, 3] { #expect(results[k].values == good.symmetricEigen.values) }
            for k in [1, 4] {
                let values = results[k].values
                #expect(values.x.isNaN && values.y.isNaN && values.z.isNaN, "entry \(bad)")
            }
        }
    }
}
