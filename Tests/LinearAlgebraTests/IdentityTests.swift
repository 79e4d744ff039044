import LinearAlgebra
import Testing

/// Identities that must hold for any input, on seeded random matrices of several shapes.
@Suite struct IdentityTests {
    static let sizes = [1, 2, 3, 4, 7, 16]

    @Test(arguments: sizes)
    func luReconstructs(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(10 + n))
        for shape in [(n, n), (n + 2, n), (n, n + 3)] {
            let a = Matrix.randomNormal(shape.0, shape.1, using: &rng)
            let d = try a.lu()
            #expect(relativeError(d.p * d.l * d.u, a) < 1e-13)
            #expect(relativeError(d.p.transposed * d.p, .identity(shape.0)) == 0)
        }
    }

    @Test(arguments: sizes)
    func qrReconstructsWithOrthonormalQ(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(20 + n))
        for shape in [(n, n), (n + 3, n)] {
            let a = Matrix.randomNormal(shape.0, shape.1, using: &rng)
            let (q, r) = try a.qr()
            #expect(relativeError(q * r, a) < 1e-13)
            #expect(relativeError(q.transposed * q, .identity(q.columns)) < 1e-13)
            for i in 0..<r.rows { for j in 0..<min(i, r.columns) { #expect(r[i, j] == 0) } }
        }
    }

    @Test(arguments: sizes)
    func symmetricEigenDiagonalises(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(30 + n))
        let g = Matrix.randomNormal(n, n, using: &rng)
        let a = g + g.transposed
        let (values, v) = try a.symmetricEigen()
        #expect(relativeError(a * v, v * Matrix.diagonal(values)) < 1e-12)
        #expect(relativeError(v.transposed * v, .identity(n)) < 1e-13)
        #expect(zip(values.dropFirst(), values).allSatisfy { $0 >= $1 })
    }

    @Test(arguments: sizes)
    func generalEigenSatisfiesAVEqualsVLambda(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(40 + n))
        let a = Matrix.randomNormal(n, n, using: &rng)
        let (values, v) = try a.eigen()
        let lhs = ComplexMatrix(a) * v, rhs = v * ComplexMatrix.diagonal(values)
        #expect(lhs.maxDifference(rhs) < 1e-12 * max(1, a.frobeniusNorm))
    }

    @Test(arguments: sizes)
    func determinantIsProductOfEigenvalues(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(50 + n))
        let a = Matrix.randomNormal(n, n, using: &rng)
        let product = try a.eigenvalues().reduce(Complex<Double>.one, *)
        let det = try a.determinant()
        #expect(abs(product.real - det) < 1e-11 * max(1, abs(det)))
        #expect(abs(product.imaginary) < 1e-11 * max(1, abs(det)))
    }

    @Test(arguments: sizes)
    func svdReconstructsAndPseudoInverseIsReflexive(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(60 + n))
        for shape in [(n, n), (n + 2, n), (n, n + 2)] {
            let a = Matrix.randomNormal(shape.0, shape.1, using: &rng)
            let d = try a.svd()
            #expect(relativeError(d.u * Matrix.diagonal(d.s) * d.vt, a) < 1e-12)
            #expect(relativeError(d.u.transposed * d.u, .identity(d.s.count)) < 1e-13)
            #expect(relativeError(d.vt * d.vt.transposed, .identity(d.s.count)) < 1e-13)
            let p = try a.pseudoInverse()
            #expect(relativeError(p * a * p, p) < 1e-11)
            #expect(relativeError(a * p * a, a) < 1e-11)
        }
    }

    @Test(arguments: sizes)
    func exponentialOfMinusAIsTheInverse(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(70 + n))
        let a = Matrix.randomNormal(n, n, using: &rng)
        #expect(relativeError(try a.exponential() * (-a).exponential(), .identity(n)) < 1e-10)
        // A large skew-symmetric matrix exercises scaling and squaring; its exponential is
        // orthogonal, so the identity stays well conditioned.
        let big = 10 * (a - a.transposed)
        #expect(relativeError(try big.exponential() * (-big).exponential(), .identity(n)) < 1e-11)
        #expect(relativeError(try big.exponential().transposed * big.exponential(), .identity(n)) < 1e-11)
    }

    @Test(arguments: sizes)
    func choleskyAndLDLTReconstructPositiveDefiniteMatrices(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(80 + n))
        let g = Matrix.randomNormal(n, n, using: &rng)
        let a = g * g.transposed + Matrix.identity(n)
        let l = try a.cholesky()
        #expect(relativeError(l * l.transposed, a) < 1e-13)
        let ldlt = try a.ldlt()
        #expect(relativeError(ldlt.reconstructed, a) < 1e-12)
        #expect(ldlt.d.allSatisfy { $0 > 0 })
        #expect(relativeError(ldlt.d, Vector((0..<n).map { l[$0, $0] * l[$0, $0] })) < 1e-12)
    }

    @Test(arguments: sizes)
    func solveAndInverseAgree(n: Int) throws {
        var rng = SeededGenerator(seed: UInt64(90 + n))
        let a = Matrix.randomNormal(n, n, using: &rng)
        let x = Vector.randomNormal(n, using: &rng)
        #expect(relativeError(try a.solve(a * x), x) < 1e-10)
        #expect(relativeError(try a.inverse() * a, .identity(n)) < 1e-11)
    }

    @Test func randomOrthogonalIsOrthogonalAndDeterministic() {
        var r1 = SeededGenerator(seed: 5), r2 = SeededGenerator(seed: 5)
        let q = Matrix.randomOrthogonal(6, using: &r1)
        #expect(relativeError(q.transposed * q, .identity(6)) < 1e-14)
        #expect(q == Matrix.randomOrthogonal(6, using: &r2))
    }
}
