import Foundation
import LinearAlgebra
import Testing

/// The row kernels behind softmax and layer normalisation (C, sums in eight interleaved
/// parts) against plain one-sum-at-a-time references, at row lengths below, at and past
/// the eight lanes — where a wrong tail or lane would show.
@Suite struct RowKernelTests {
    static let lengths = [1, 3, 7, 8, 9, 16, 19, 32, 64, 100]

    func referenceSoftmax(_ x: Matrix) -> (softmax: Matrix, logSumExp: [Double]) {
        var out = x.elements
        var lse: [Double] = []
        for i in 0..<x.rows {
            let row = Array(x.elements[(i * x.columns)..<((i + 1) * x.columns)])
            let top = row.max()!
            let e = row.map { Foundation.exp($0 - top) }
            let total = e.reduce(0, +)
            for j in 0..<x.columns { out[i * x.columns + j] = e[j] / total }
            lse.append(top + Foundation.log(total))
        }
        return (Matrix(rows: x.rows, columns: x.columns, elements: out), lse)
    }

    @Test(arguments: lengths) func softmaxAndLogSumExp(n: Int) {
        var rng = SeededGenerator(seed: UInt64(n))
        let x = 3 * Matrix.randomNormal(5, n, using: &rng)
        let (p, lse) = referenceSoftmax(x)
        #expect(relativeError(x.rowSoftmax(), p) < 1e-14)
        #expect(relativeError(x.rowLogSumExp(), Matrix(rows: 5, columns: 1, elements: lse)) < 1e-14)
    }

    @Test(arguments: lengths) func softmaxPullback(n: Int) {
        var rng = SeededGenerator(seed: UInt64(100 + n))
        let x = Matrix.randomNormal(4, n, using: &rng), d = Matrix.randomNormal(4, n, using: &rng)
        let p = x.rowSoftmax()
        var expected = [Double](repeating: 0, count: 4 * n)
        for i in 0..<4 {
            var inner = 0.0
            for j in 0..<n { inner += d[i, j] * p[i, j] }
            for j in 0..<n { expected[i * n + j] = p[i, j] * (d[i, j] - inner) }
        }
        let g = pullback(at: x) { $0.rowSoftmax() }(d)
        #expect(relativeError(g, Matrix(rows: 4, columns: n, elements: expected)) < 1e-14)
    }

    @Test(arguments: lengths) func standardizationAndItsPullback(n: Int) {
        var rng = SeededGenerator(seed: UInt64(200 + n))
        let x = 4 * Matrix.randomNormal(3, n, using: &rng) + 2, d = Matrix.randomNormal(3, n, using: &rng)
        var y = [Double](repeating: 0, count: 3 * n), expected = y
        for i in 0..<3 {
            var mean = 0.0, variance = 0.0
            for j in 0..<n { mean += x[i, j] }
            mean /= Double(n)
            for j in 0..<n { variance += (x[i, j] - mean) * (x[i, j] - mean) }
            let r = 1 / (variance / Double(n) + 1e-5).squareRoot()
            for j in 0..<n { y[i * n + j] = (x[i, j] - mean) * r }
            var dm = 0.0, dy = 0.0
            for j in 0..<n {
                dm += d[i, j]
                dy += d[i, j] * y[i * n + j]
            }
            for j in 0..<n { expected[i * n + j] = ((d[i, j] - dm / Double(n)) - y[i * n + j] * dy / Double(n)) * r }
        }
        #expect(relativeError(x.rowStandardized(), Matrix(rows: 3, columns: n, elements: y)) < 1e-13)
        let g = pullback(at: x) { $0.rowStandardized() }(d)
        #expect(relativeError(g, Matrix(rows: 3, columns: n, elements: expected)) < 1e-12)
    }

    /// Layer normalisation with gain and bias in one pass per row, forward and back, equals
    /// standardising, scaling and shifting one after another (gradients for all three).
    @Test(arguments: lengths) func layerNormEqualsItsComposition(n: Int) {
        var rng = SeededGenerator(seed: UInt64(300 + n))
        let x = 2 * Matrix.randomNormal(6, n, using: &rng) - 1, r = Matrix.randomNormal(6, n, using: &rng)
        let gain = Matrix.randomNormal(1, n, using: &rng), bias = Matrix.randomNormal(1, n, using: &rng)
        let composed = x.rowStandardized().multiplying(row: gain).adding(row: bias)
        #expect(relativeError(x.layerNormalized(gain: gain, bias: bias), composed) < 1e-14)
        let fused = gradient(at: x, gain, bias) { x, g, b in x.layerNormalized(gain: g, bias: b).dot(r) }
        let reference = gradient(at: x, gain, bias) { x, g, b in x.rowStandardized().multiplying(row: g).adding(row: b).dot(r) }
        #expect(relativeError(fused.0, reference.0) < 1e-13)
        #expect(relativeError(fused.1, reference.1) < 1e-13)
        #expect(relativeError(fused.2, reference.2) < 1e-13)
    }

    /// Rows that have no finite shift, and a NaN anywhere in a row, give NaN rows — never
    /// a distribution that looks valid.
    @Test func specialRows() {
        let x = Matrix(rows: 4, columns: 9, elements:
            [Double](repeating: -.infinity, count: 9)
            + [1, 2, .infinity, 0, 0, 0, 0, 0, 0]
            + [1, 2, 3, 4, 5, 6, 7, 8, .nan]
            + [-.infinity, 0, 1, 2, 3, 4, 5, 6, 7])
        let p = x.rowSoftmax()
        for i in 0..<3 { #expect((0..<9).allSatisfy { p[i, $0].isNaN }, "row \(i)") }
        #expect(p[3, 0] == 0 && abs((0..<9).map { p[3, $0] }.reduce(0, +) - 1) < 1e-15)
        #expect(x.rowLogSumExp()[1, 0] == .infinity)
    }
}
