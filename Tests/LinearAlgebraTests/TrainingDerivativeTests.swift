import Foundation
import LinearAlgebra
import Testing

/// Every derivative that training uses, against central finite differences, over random
/// shapes and values: the loss `L(X) = ⟨f(X), R⟩` with a fixed random `R`, so that every
/// output entry's cotangent is exercised at once.
@Suite struct TrainingDerivativeTests {
    /// Random shapes, one per seed.
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]

    /// The reverse-mode gradient of `⟨f(x), R⟩` at `x` against central differences.
    func gradientError(
        at x: Matrix, using rng: inout SeededGenerator,
        _ f: @escaping @differentiable(reverse) (Matrix) -> Matrix
    ) -> Double {
        let y = f(x)
        let r = Matrix.randomNormal(y.rows, y.columns, using: &rng)
        let ad = _Differentiation.gradient(at: x) { m in f(m).dot(r) }
        let fd = numericalGradient(at: Vector(x.elements)) { v in
            f(Matrix(rows: x.rows, columns: x.columns, elements: v.elements)).dot(r)
        }
        #expect(ad.rows == x.rows && ad.columns == x.columns, "the gradient has the shape of the input")
        return relativeError(Vector(ad.elements), fd)
    }

    func randomShape(_ rng: inout SeededGenerator) -> (Int, Int) {
        (Int.random(in: 1...5, using: &rng), Int.random(in: 1...6, using: &rng))
    }

    @Test(arguments: seeds) func elementwiseFunctions(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let (m, n) = randomShape(&rng)
        let x = 2 * Matrix.randomNormal(m, n, using: &rng)
        let positive = exp(Matrix.randomNormal(m, n, using: &rng))
        let cases: [(String, Matrix, @differentiable(reverse) (Matrix) -> Matrix)] = [
            ("exp", x, { exp($0) }), ("log", positive, { log($0) }), ("tanh", x, { tanh($0) }),
            ("sigmoid", x, { sigmoid($0) }), ("softplus", x, { softplus($0) }), ("relu", x, { relu($0) }),
            ("gelu", x, { gelu($0) }), ("squared", x, { $0.squared() }),
            ("scalar", x, { 3 * $0 - $0 * 0.5 + $0 / 4 + 2 - (1 - $0) }),
        ]
        for (name, input, f) in cases {
            #expect(gradientError(at: input, using: &rng, f) < 1e-7, "\(name) at seed \(seed)")
        }
    }

    @Test(arguments: seeds) func productsWithTransposes(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let (m, k) = randomShape(&rng)
        let n = Int.random(in: 1...4, using: &rng)
        let a = Matrix.randomNormal(m, k, using: &rng), b = Matrix.randomNormal(k, n, using: &rng)
        let c = Matrix.randomNormal(m, n, using: &rng), d = Matrix.randomNormal(n, k, using: &rng)
        #expect(relativeError(a.transposedTimes(c), a.transposed * c) < 1e-14)
        #expect(relativeError(a.timesTransposed(d), a * d.transposed) < 1e-14)
        #expect(gradientError(at: a, using: &rng) { $0 * b } < 1e-8)
        #expect(gradientError(at: b, using: &rng) { a * $0 } < 1e-8)
        #expect(gradientError(at: a, using: &rng) { $0.transposedTimes(c) } < 1e-8)
        #expect(gradientError(at: c, using: &rng) { a.transposedTimes($0) } < 1e-8)
        #expect(gradientError(at: a, using: &rng) { $0.timesTransposed(d) } < 1e-8)
        #expect(gradientError(at: d, using: &rng) { a.timesTransposed($0) } < 1e-8)
    }

    @Test(arguments: seeds) func broadcastsAndReductions(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let (m, n) = randomShape(&rng)
        let x = Matrix.randomNormal(m, n, using: &rng)
        let row = Matrix.randomNormal(1, n, using: &rng), column = Matrix.randomNormal(m, 1, using: &rng)
        #expect(gradientError(at: x, using: &rng) { $0.adding(row: row) } < 1e-8)
        #expect(gradientError(at: row, using: &rng) { x.adding(row: $0) } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.multiplying(row: row) } < 1e-8)
        #expect(gradientError(at: row, using: &rng) { x.multiplying(row: $0) } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.adding(column: column) } < 1e-8)
        #expect(gradientError(at: column, using: &rng) { x.adding(column: $0) } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.multiplying(column: column) } < 1e-8)
        #expect(gradientError(at: column, using: &rng) { x.multiplying(column: $0) } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.columnSums() } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.rowSums() } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.columnMeans() } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.rowMeans() } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0 * $0.mean() } < 1e-8)
        // Values, not only derivatives.
        #expect(relativeError(x.columnSums(), Matrix(rows: 1, columns: m, repeating: 1) * x) < 1e-14)
        #expect(relativeError(x.rowSums(), x * Matrix(rows: n, columns: 1, repeating: 1)) < 1e-14)
    }

    @Test(arguments: seeds) func softmaxFamilyAndLayerNorm(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let (m, n) = randomShape(&rng)
        let x = 3 * Matrix.randomNormal(m, n, using: &rng)
        #expect(gradientError(at: x, using: &rng) { $0.rowSoftmax() } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.rowLogSoftmax() } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.rowLogSumExp() } < 1e-8)
        if n > 1 {
            #expect(gradientError(at: x, using: &rng) { $0.rowStandardized() } < 1e-6)
        }
        // Values: rows of the softmax sum to 1; log-softmax is its logarithm.
        for s in x.rowSoftmax().rowSums().elements { #expect(abs(s - 1) < 1e-14) }
        #expect(relativeError(exp(x.rowLogSoftmax()), x.rowSoftmax()) < 1e-14)
    }

    @Test func softmaxIsStableAtLargeScores() {
        let x = Matrix([[1000, 1000, -1000], [-800, -800, -800]])
        let lse = x.rowLogSumExp()
        #expect(abs(lse[0, 0] - (1000 + Foundation.log(2))) < 1e-12)
        #expect(abs(lse[1, 0] - (-800 + Foundation.log(3))) < 1e-12)
        #expect(x.rowSoftmax()[0, 2] == 0)
        #expect(x.rowLogSoftmax()[0, 2] == -2000 - Foundation.log(2))
        // A fully masked row has no distribution: NaN, not a silent uniform row.
        let masked = Matrix([[-.infinity, -.infinity]])
        #expect(masked.rowSoftmax()[0, 0].isNaN)
    }

    /// The fused layer norm equals its composition and differentiates in all three arguments.
    @Test(arguments: seeds) func fusedLayerNorm(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let (m, n) = randomShape(&rng)
        guard n > 1 else { return }
        let x = 3 * Matrix.randomNormal(m, n, using: &rng) + 1
        let gain = Matrix.randomNormal(1, n, using: &rng), bias = Matrix.randomNormal(1, n, using: &rng)
        let composed = x.rowStandardized(epsilon: 1e-3).multiplying(row: gain).adding(row: bias)
        #expect(relativeError(x.layerNormalized(gain: gain, bias: bias, epsilon: 1e-3), composed) < 1e-14)
        #expect(gradientError(at: x, using: &rng) { $0.layerNormalized(gain: gain, bias: bias) } < 1e-6)
        #expect(gradientError(at: gain, using: &rng) { x.layerNormalized(gain: $0, bias: bias) } < 1e-6)
        #expect(gradientError(at: bias, using: &rng) { x.layerNormalized(gain: gain, bias: $0) } < 1e-6)
        // The pullback equals the composition's, for all three.
        let r = Matrix.randomNormal(m, n, using: &rng)
        let fused = gradient(at: x, gain, bias) { x, g, b in x.layerNormalized(gain: g, bias: b).dot(r) }
        let reference = gradient(at: x, gain, bias) { x, g, b in
            x.rowStandardized().multiplying(row: g).adding(row: b).dot(r)
        }
        #expect(relativeError(fused.0, reference.0) < 1e-12)
        #expect(relativeError(fused.1, reference.1) < 1e-12)
        #expect(relativeError(fused.2, reference.2) < 1e-12)
    }

    @Test func layerNormStandardizesEachRow() {
        var rng = SeededGenerator(seed: 9)
        let y = (5 * Matrix.randomNormal(4, 7, using: &rng) + 3).rowStandardized(epsilon: 0)
        for i in 0..<4 {
            let row = y.row(i).elements
            let mean = row.reduce(0, +) / 7
            let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 7
            #expect(abs(mean) < 1e-14)
            #expect(abs(variance - 1) < 1e-13)
        }
    }

    @Test(arguments: seeds) func slicesConcatenationGatherAndMask(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let (m, n) = randomShape(&rng)
        let x = Matrix.randomNormal(m, n + 1, using: &rng), other = Matrix.randomNormal(m, 2, using: &rng)
        let split = Int.random(in: 0...(n + 1), using: &rng)
        #expect(gradientError(at: x, using: &rng) { $0.slicingColumns(split..<(n + 1)) } < 1e-8)
        #expect(gradientError(at: x, using: &rng) { $0.concatenatingColumns(other) } < 1e-8)
        #expect(gradientError(at: other, using: &rng) { x.concatenatingColumns($0) } < 1e-8)
        let indices = (0..<7).map { _ in Int.random(in: 0..<m, using: &rng) }
        #expect(gradientError(at: x, using: &rng) { $0.gatheringRows(indices) } < 1e-8)
        let mask = Matrix(rows: m, columns: n + 1, elements: (0..<(m * (n + 1))).map { _ in Double(Int.random(in: 0...1, using: &rng)) })
        #expect(gradientError(at: x, using: &rng) { $0.masked(by: mask, fill: -7) } < 1e-8)
        // Values: the slices put back together are the matrix.
        let rebuilt = x.slicingColumns(0..<split).concatenatingColumns(x.slicingColumns(split..<(n + 1)))
        #expect(rebuilt == x)
    }

    @Test func inPlaceUpdatesKeepValueSemantics() {
        var a = Matrix([[1, 2], [3, 4]])
        let copy = a
        a += Matrix([[1, 1], [1, 1]])
        a.add(Matrix([[2, 0], [0, 2]]), scaledBy: -0.5)
        #expect(a == Matrix([[1, 3], [4, 4]]))
        #expect(copy == Matrix([[1, 2], [3, 4]]), "the copy made before the update is unchanged")
        var zero = Matrix.zero
        zero.move(by: a)
        #expect(zero == a)
        a.move(by: .zero)
        #expect(a == Matrix([[1, 3], [4, 4]]))
    }
}

extension TrainingDerivativeTests {
    @Test(arguments: seeds) func affineMatchesProductPlusBiasAndDifferences(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let (m, k) = randomShape(&rng)
        let n = Int.random(in: 1...4, using: &rng)
        let x = Matrix.randomNormal(m, k, using: &rng), w = Matrix.randomNormal(k, n, using: &rng)
        let b = Matrix.randomNormal(1, n, using: &rng)
        #expect(relativeError(Matrix.affine(x, w, b), (x * w).adding(row: b)) < 1e-14)
        #expect(gradientError(at: x, using: &rng) { Matrix.affine($0, w, b) } < 1e-8)
        #expect(gradientError(at: w, using: &rng) { Matrix.affine(x, $0, b) } < 1e-8)
        #expect(gradientError(at: b, using: &rng) { Matrix.affine(x, w, $0) } < 1e-8)
    }
}
