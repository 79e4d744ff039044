import Foundation
@testable import LinearAlgebra
import Testing

/// The eight-lane exponential behind the softmax agrees with the system `exp` to 2 ulp,
/// and exactly at the edges it hands to it.
@Suite struct VectorExpTests {
    @Test func withinTwoUlpOfTheSystemExp() {
        var rng = SeededGenerator(seed: 77)
        var values = (0..<1_000_000).map { _ in rng.uniform(-745, 710) }
        values += [0, -0.0, 1, -1, 709, -708, -708.5, 709.9, -750, 800, .infinity, -.infinity, .nan, 1e-300, -1e-17]
        var m = Matrix(rows: 1, columns: values.count, elements: values)
        m.withUnsafeMutableElements { VectorExp.apply($0.baseAddress!, count: $0.count) }
        var worst = 0.0
        for (x, e) in zip(values, m.elements) {
            let reference = Foundation.exp(x)
            if reference.isNaN { #expect(e.isNaN); continue }
            if reference == 0 || reference.isInfinite || !reference.isNormal { #expect(e == reference); continue }
            worst = max(worst, abs(e - reference) / reference.ulp)
        }
        #expect(worst <= 2)
    }

    @Test func softmaxRowsStillSumToOne() {
        var rng = SeededGenerator(seed: 5)
        let m = Matrix.randomNormal(300, 333, using: &rng)
        let p = m.rowSoftmax()
        for i in 0..<p.rows {
            var total = 0.0
            for j in 0..<p.columns { total += p[i, j] }
            #expect(abs(total - 1) < 1e-14)
        }
    }
}
