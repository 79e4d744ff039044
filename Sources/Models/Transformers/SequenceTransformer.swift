import LinearAlgebra
import Learning

/// A small encoder-only transformer that maps a sequence of tokens to one prediction per
/// position: token and position embeddings, `layers` transformer blocks, and a dense
/// read-out to the vocabulary. For comparing layer-normalisation placements and residual
/// attention on toy sequence tasks (`articles/realformer.md`).
///
/// - ``Variant/postLN``: every block Post-LN, `y = LN(h + FF(h))`, `h = LN(x + Attn(x))`.
/// - ``Variant/preLN``: every block Pre-LN, plus a final layer normalisation before the
///   read-out (without it the residual stream reaches the read-out unnormalised).
/// - ``Variant/realFormer``: Post-LN blocks with residual attention (He et al. 2020): block `l`
///   adds the pre-softmax scores of block `l − 1` to its own, per head, `S_l = Q_l K_lᵀ/√w + S_{l−1}`,
///   with `S_0 = 0`.
///
/// Everything is differentiable with respect to the `Parameters` store the model was
/// created in.
public struct SequenceTransformer: Sendable, Codable {
    public enum Variant: String, Sendable, Codable, CaseIterable {
        case postLN, preLN, realFormer
    }

    public let variant: Variant
    public let length: Int
    public let vocabulary: Int
    let tokens: Embedding
    let positions: Embedding
    public let blocks: [TransformerBlock]
    let finalNorm: LayerNorm
    let readout: Dense

    public init(
        _ variant: Variant, vocabulary: Int, length: Int, width: Int, heads: Int, layers: Int,
        in parameters: inout Parameters, using generator: inout SeededGenerator
    ) {
        self.variant = variant
        self.length = length
        self.vocabulary = vocabulary
        tokens = Embedding("tokens", vocabulary: vocabulary, dimension: width, in: &parameters, using: &generator)
        positions = Embedding("positions", vocabulary: length, dimension: width, in: &parameters, using: &generator)
        blocks = (0..<layers).map {
            TransformerBlock(
                "block\($0)", width: width, heads: heads, normalization: variant == .preLN ? .pre : .post,
                in: &parameters, using: &generator)
        }
        finalNorm = LayerNorm("final", features: width, in: &parameters)
        readout = Dense("readout", inputs: width, outputs: vocabulary, in: &parameters, using: &generator)
    }

    /// The input of the first block for a batch of sequences (each of ``length`` tokens),
    /// as `(B·T) × width` rows.
    @differentiable(reverse, wrt: parameters)
    public func embedded(_ batch: [[Int]], _ parameters: Parameters) -> Matrix {
        let flat = withoutDerivative(at: batch.flatMap { $0 })
        let places = withoutDerivative(at: batch.flatMap { _ in Array(0..<length) })
        return tokens(flat, parameters) + positions(places, parameters)
    }

    /// Logits for every position of every sequence: `(B·T) × vocabulary`.
    @differentiable(reverse, wrt: parameters)
    public func logits(_ batch: [[Int]], _ parameters: Parameters) -> Matrix {
        var h = embedded(batch, parameters)
        var scores = Matrix.zero
        let residual = withoutDerivative(at: variant == .realFormer)
        for i in withoutDerivative(at: 0..<blocks.count) {
            let result = blocks[i](h, sequenceLength: length, previousScores: residual ? scores : Matrix.zero, parameters)
            h = result.output
            scores = result.scores
        }
        if withoutDerivative(at: variant == .preLN) { h = finalNorm(h, parameters) }
        return readout(h, parameters)
    }

    /// Every block's pre-softmax scores (`(B·H·T) × T` each, with the previous block's added
    /// for RealFormer) and attention weights, for one forward pass: for heat maps and checks.
    public func attention(_ batch: [[Int]], _ parameters: Parameters) -> (scores: [Matrix], weights: [Matrix]) {
        var h = embedded(batch, parameters)
        var previous = Matrix.zero
        var all: [Matrix] = [], weights: [Matrix] = []
        for block in blocks {
            let result = block(h, sequenceLength: length, previousScores: variant == .realFormer ? previous : .zero, parameters)
            all.append(result.scores)
            weights.append(block.attention.weights(scores: result.scores, sequenceLength: length))
            h = result.output
            previous = result.scores
        }
        return (all, weights)
    }

    /// The mean cross-entropy of the predictions against `targets` (one per position).
    @differentiable(reverse, wrt: parameters)
    public func loss(_ batch: [[Int]], targets: [[Int]], _ parameters: Parameters) -> Double {
        crossEntropy(logits: logits(batch, parameters), labels: withoutDerivative(at: targets.flatMap { $0 }))
    }

    /// The most likely token at every position, sequence by sequence.
    public func predict(_ batch: [[Int]], _ parameters: Parameters) -> [[Int]] {
        let z = logits(batch, parameters)
        return batch.indices.map { b in
            (0..<length).map { t in (0..<vocabulary).max { z[b * length + t, $0] < z[b * length + t, $1] }! }
        }
    }
}
