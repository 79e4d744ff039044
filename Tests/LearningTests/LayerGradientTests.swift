import Learning
import LinearAlgebra
import Testing

/// Gradients of whole layers with respect to their parameters, against central differences.
@Suite struct LayerGradientTests {
    @Test(arguments: Activation.allCases) func mlpGradientMatchesDifferences(activation: Activation) {
        var rng = SeededGenerator(seed: 21)
        var p = Parameters()
        let mlp = MLP("net", widths: [3, 5, 4, 2], activation: activation, in: &p, using: &rng)
        let x = Matrix.randomNormal(6, 3, using: &rng), target = Matrix.randomNormal(6, 2, using: &rng)
        let (ad, fd) = parameterGradients(p) { p in meanSquaredError(mlp(x, p), target) }
        #expect(ad.count == p.scalarCount)
        #expect(relativeError(ad, fd) < 1e-6, "\(activation)")
    }

    @Test func layerNormAndEmbeddingGradients() {
        var rng = SeededGenerator(seed: 22)
        var p = Parameters()
        let embedding = Embedding("embed", vocabulary: 5, dimension: 4, in: &p, using: &rng)
        let norm = LayerNorm("norm", features: 4, in: &p)
        let head = Dense("head", inputs: 4, outputs: 5, in: &p, using: &rng)
        // Perturb the gain and bias away from 1 and 0 so their gradients are generic.
        p.set(norm.gain, Matrix.randomNormal(1, 4, using: &rng))
        p.set(norm.bias, Matrix.randomNormal(1, 4, using: &rng))
        let tokens = [0, 3, 3, 1, 4, 0, 2]
        let labels = [1, 1, 0, 4, 2, 3, 3]
        let (ad, fd) = parameterGradients(p) { p in
            crossEntropy(logits: head(norm(embedding(tokens, p), p), p), labels: labels)
        }
        #expect(relativeError(ad, fd) < 1e-6)
    }

    @Test(arguments: [false, true]) func attentionAndTransformerGradients(causal: Bool) {
        var rng = SeededGenerator(seed: 23)
        var p = Parameters()
        let (sequences, length, width) = (2, 3, 4)
        let post = TransformerBlock("post", width: width, heads: 2, normalization: .post, causal: causal, feedForwardWidth: 6, in: &p, using: &rng)
        let pre = TransformerBlock("pre", width: width, heads: 2, normalization: .pre, causal: causal, feedForwardWidth: 6, in: &p, using: &rng)
        let x = Matrix.randomNormal(sequences * length, width, using: &rng)
        let r = Matrix.randomNormal(sequences * length, width, using: &rng)
        // Two layers with residual scores (RealFormer) and a plain pre-LN layer on top.
        let (ad, fd) = parameterGradients(p) { p in
            let a = post(x, sequenceLength: length, p)
            let b = post(a.output, sequenceLength: length, previousScores: a.scores, p)
            return pre(b.output, sequenceLength: length, p).output.dot(r)
        }
        #expect(relativeError(ad, fd) < 1e-6)
    }

    @Test func headProductsEqualBlockByBlockProducts() {
        var rng = SeededGenerator(seed: 24)
        let (b, t, h, w) = (3, 4, 2, 3)
        let q = Matrix.randomNormal(b * t, h * w, using: &rng), k = Matrix.randomNormal(b * t, h * w, using: &rng)
        let s = Matrix.headScores(q, k, heads: h, sequenceLength: t)
        #expect(s.rows == b * h * t && s.columns == t)
        let weights = s.rowSoftmax()
        let o = Matrix.headMix(weights, k, heads: h, sequenceLength: t)
        for seq in 0..<b {
            for head in 0..<h {
                let rows = (seq * t)..<((seq + 1) * t), cols = (head * w)..<((head + 1) * w)
                let qb = q[rows: rows, columns: cols], kb = k[rows: rows, columns: cols]
                let block = ((seq * h + head) * t)..<((seq * h + head + 1) * t)
                #expect(relativeError(s[rows: block], qb * kb.transposed) < 1e-14)
                #expect(relativeError(o[rows: rows, columns: cols], weights[rows: block] * kb) < 1e-14)
            }
        }
    }

    @Test func causalMaskHidesLaterPositions() {
        var rng = SeededGenerator(seed: 25)
        let s = Matrix.randomNormal(2 * 3, 3, using: &rng).causallyMasked(sequenceLength: 3).rowSoftmax()
        for r in 0..<6 {
            let i = r % 3
            for j in 0..<3 { #expect((s[r, j] == 0) == (j > i), "row \(r), column \(j)") }
        }
    }

    @Test func residualScoresWithZeroPreviousAreStandardAttention() {
        var rng = SeededGenerator(seed: 26)
        var p = Parameters()
        let attention = MultiHeadAttention("a", width: 4, heads: 2, in: &p, using: &rng)
        let x = Matrix.randomNormal(6, 4, using: &rng)
        let plain = attention(x, sequenceLength: 3, previousScores: .zero, p)
        let withZeros = attention(x, sequenceLength: 3, previousScores: Matrix.zeros(12, 3), p)
        #expect(plain.output == withZeros.output)
        let shifted = attention(x, sequenceLength: 3, previousScores: plain.scores, p)
        #expect(relativeError(shifted.scores, 2 * plain.scores) < 1e-14)
    }
}
