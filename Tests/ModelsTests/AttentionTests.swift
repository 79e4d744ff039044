import LinearAlgebra
import Models
import Testing

@Suite struct AttentionTests {
    @Test func weightsAreRowDistributions() throws {
        var rng = SeededGenerator(seed: 2)
        let w = try SoftmaxAttention.weights(queries: .randomNormal(20, 8, using: &rng), keys: .randomNormal(30, 8, using: &rng))
        #expect(w.rows == 20 && w.columns == 30)
        for i in 0..<20 { #expect(abs((0..<30).reduce(0) { $0 + w[i, $1] } - 1) < 1e-14) }
        #expect(w.elements.allSatisfy { $0 > 0 })
    }

    @Test func asManyLandmarksAsTokensIsExact() throws {
        var rng = SeededGenerator(seed: 3)
        let q = Matrix.randomNormal(24, 8, using: &rng), k = Matrix.randomNormal(24, 8, using: &rng), v = Matrix.randomNormal(24, 5, using: &rng)
        let exact = try SoftmaxAttention.attention(queries: q, keys: k, values: v)
        let approx = try NystromAttention(landmarks: 24, pseudoInverse: .exact)(queries: q, keys: k, values: v)
        #expect((approx - exact).maxAbs < 1e-12)
    }

    @Test func segmentMeansAverageConsecutiveRows() throws {
        let x = Matrix([[1, 2], [3, 4], [5, 6], [7, 8]])
        #expect(try NystromAttention.segmentMeans(x, count: 2) == Matrix([[2, 3], [6, 7]]))
    }

    @Test func theIterationReachesThePseudoInverse() throws {
        var rng = SeededGenerator(seed: 4)
        let a = try SoftmaxAttention.weights(queries: .randomNormal(8, 4, using: &rng), keys: .randomNormal(8, 4, using: &rng))
        let z = try IterativePseudoInverse.iterates(of: a, count: 40).last!
        let pinv = try a.pseudoInverse()
        #expect((z - pinv).frobeniusNorm / pinv.frobeniusNorm < 1e-9)
    }

    @Test func badInputIsNamed() throws {
        let x = Matrix(rows: 10, columns: 4)
        #expect(throws: AttentionError.landmarks(function: "NystromAttention.segmentMeans", tokens: 10, landmarks: 3)) {
            try NystromAttention.segmentMeans(x, count: 3)
        }
        #expect(throws: AttentionError.landmarks(function: "NystromAttention.segmentMeans", tokens: 10, landmarks: 0)) {
            try NystromAttention.segmentMeans(x, count: 0)
        }
        #expect(throws: AttentionError.self) { try SoftmaxAttention.weights(queries: x, keys: Matrix(rows: 10, columns: 3)) }
        #expect(throws: AttentionError.self) { try SoftmaxAttention.attention(queries: x, keys: x, values: Matrix(rows: 9, columns: 4)) }
        #expect(throws: AttentionError.self) { try NystromAttention(landmarks: 5)(queries: x, keys: Matrix(rows: 5, columns: 4), values: x) }
        #expect(throws: AttentionError.iterations(function: "IterativePseudoInverse.iterates", count: -1)) {
            try IterativePseudoInverse.iterates(of: .identity(2), count: -1)
        }
        #expect("\(AttentionError.landmarks(function: "f", tokens: 10, landmarks: 3))".contains("3 landmarks must divide the 10 tokens"))
    }
}
