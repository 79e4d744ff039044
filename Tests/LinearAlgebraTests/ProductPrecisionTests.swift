import Foundation
import LinearAlgebra
import Testing

/// Products in single precision: close to the `Double` product at `Float`'s precision, but
/// really computed in `Float` (so the option cannot silently do nothing), and the default
/// `.double` the very same bits as the plain product.
@Suite struct ProductPrecisionTests {
    /// Largest entry-wise difference relative to the scale of the terms `|a| |b|`.
    func termScaledError(_ actual: Matrix, _ expected: Matrix, _ a: Matrix, _ b: Matrix) -> Double {
        let scale = a.map { abs($0) } * b.map { abs($0) }
        return zip(zip(actual.elements, expected.elements), scale.elements).reduce(0) { worst, e in
            let error = abs(e.0.0 - e.0.1) / max(e.1, .leastNormalMagnitude)
            return error.isNaN ? .infinity : max(worst, error)
        }
    }

    @Test(arguments: [(1, 1, 1), (37, 53, 29), (64, 256, 64), (5, 1, 9)])
    func singleProductsAreFloatAccurateAndReallySingle(shape: (Int, Int, Int)) {
        var rng = SeededGenerator(seed: UInt64(shape.0 * 1000 + shape.1))
        let (m, k, n) = shape
        let x = Matrix.randomNormal(m, k, using: &rng), w = Matrix.randomNormal(k, n, using: &rng)
        let b = Matrix.randomNormal(1, n, using: &rng)
        let exact = x * w
        let single = x.times(w, precision: .single)
        // Float rounds each operand to 2⁻²⁴ relative and accumulates in Float.
        #expect(termScaledError(single, exact, x, w) < Double(k + 2) * 0x1p-23)
        // The single path is not the double one in disguise.
        #expect(single != exact)
        #expect(single.elements.allSatisfy { Double(Float($0)) == $0 }, "every entry came out of a Float")
        let affine = Matrix.affine(x, w, b, precision: .single)
        let expectedAffine = Matrix.affine(x, w, b)
        #expect(termScaledError(affine - b.broadcastRows(m), expectedAffine - b.broadcastRows(m), x, w) < Double(k + 2) * 0x1p-23)
    }

    @Test func doubleIsThePlainProductBitForBit() {
        var rng = SeededGenerator(seed: 7)
        let x = Matrix.randomNormal(13, 17, using: &rng), w = Matrix.randomNormal(17, 11, using: &rng)
        let b = Matrix.randomNormal(1, 11, using: &rng)
        #expect(x.times(w, precision: .double) == x * w)
        #expect(Matrix.affine(x, w, b, precision: .double) == Matrix.affine(x, w, b))
        let r = Matrix.randomNormal(13, 11, using: &rng)
        let plain = gradient(at: x, w, b) { x, w, b in Matrix.affine(x, w, b).dot(r) }
        let chosen = gradient(at: x, w, b) { x, w, b in Matrix.affine(x, w, b, precision: .double).dot(r) }
        #expect(plain.0 == chosen.0 && plain.1 == chosen.1 && plain.2 == chosen.2)
    }

    /// The pullbacks multiply in single precision too, and agree with the `Double` gradient
    /// to `Float` accuracy; the bias gradient (column sums) stays in `Double`.
    @Test func singleGradientsFollowTheDoubleOnes() {
        var rng = SeededGenerator(seed: 8)
        let x = Matrix.randomNormal(40, 24, using: &rng), w = Matrix.randomNormal(24, 16, using: &rng)
        let b = Matrix.randomNormal(1, 16, using: &rng), r = Matrix.randomNormal(40, 16, using: &rng)
        let exact = gradient(at: x, w, b) { x, w, b in Matrix.affine(x, w, b).dot(r) }
        let single = gradient(at: x, w, b) { x, w, b in Matrix.affine(x, w, b, precision: .single).dot(r) }
        #expect(relativeError(single.0, exact.0) < 1e-5 && single.0 != exact.0)
        #expect(relativeError(single.1, exact.1) < 1e-5 && single.1 != exact.1)
        // b̄ = Σᵢ rᵢ, summed in Double in row order (exactly that sum).
        var sums = [Double](repeating: 0, count: 16)
        for i in 0..<40 { for j in 0..<16 { sums[j] += r[i, j] } }
        #expect(single.2 == Matrix(rows: 1, columns: 16, elements: sums))
        #expect(relativeError(single.2, exact.2) < 1e-14)
        let product = gradient(at: x, w) { x, w in x.times(w, precision: .single).dot(r) }
        #expect(relativeError(product.0, exact.0) < 1e-5 && product.0 != exact.0)
        #expect(relativeError(product.1, exact.1) < 1e-5 && product.1 != exact.1)
    }

    @Test func emptyInnerSizeGivesTheBiasRows() {
        let x = Matrix(rows: 3, columns: 0, elements: []), w = Matrix(rows: 0, columns: 2, elements: [])
        let b = Matrix(rows: 1, columns: 2, elements: [1.5, -2])
        #expect(Matrix.affine(x, w, b, precision: .single) == Matrix.affine(x, w, b))
        #expect(x.times(w, precision: .single) == Matrix.zeros(3, 2))
    }
}

extension Matrix {
    /// The `1 × n` row repeated `m` times.
    fileprivate func broadcastRows(_ m: Int) -> Matrix {
        Matrix(rows: m, columns: columns, elements: (0..<m).flatMap { _ in elements })
    }
}
