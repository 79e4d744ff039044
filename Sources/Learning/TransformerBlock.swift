import LinearAlgebra

/// One transformer layer: self-attention and a two-layer feed-forward network (width
/// `4d`, GELU), each in a residual branch with layer normalisation placed as chosen.
///
/// - Post-LN (Vaswani et al. 2017): `h = LN(x + Attn(x))`, `y = LN(h + FF(h))`.
/// - Pre-LN (Xiong et al. 2020): `h = x + Attn(LN(x))`, `y = h + FF(LN(h))`.
/// - Residual attention (RealFormer, He et al. 2020) is Post-LN with the previous layer's
///   scores added to this layer's before the softmax: pass them as `previousScores`.
///
/// The dense layers' products run in `precision` (see ``Dense``).
public struct TransformerBlock: Sendable, Hashable, Codable {
    /// Where the layer normalisations sit.
    public enum Normalization: String, Sendable, Hashable, Codable { case post, pre }

    public let name: String
    public let normalization: Normalization
    public let attention: MultiHeadAttention
    public let feedForward: MLP
    public let norm1: LayerNorm, norm2: LayerNorm

    public init(
        _ name: String, width: Int, heads: Int, normalization: Normalization, causal: Bool = false,
        feedForwardWidth: Int? = nil, precision: ProductPrecision = .double,
        in parameters: inout Parameters, using generator: inout SeededGenerator
    ) {
        self.name = name
        self.normalization = normalization
        attention = MultiHeadAttention(
            "\(name).attention", width: width, heads: heads, causal: causal, precision: precision,
            in: &parameters, using: &generator)
        feedForward = MLP(
            "\(name).feedForward", widths: [width, feedForwardWidth ?? 4 * width, width], activation: .gelu,
            precision: precision, in: &parameters, using: &generator)
        norm1 = LayerNorm("\(name).norm1", features: width, in: &parameters)
        norm2 = LayerNorm("\(name).norm2", features: width, in: &parameters)
    }

    /// The block applied to `x` (`(B·T) × d`); the result carries this layer's scores.
    @differentiable(reverse, wrt: (x, previousScores, parameters))
    public func callAsFunction(
        _ x: Matrix, sequenceLength: Int, previousScores: Matrix = .zero, _ parameters: Parameters
    ) -> MultiHeadAttention.Result {
        switch normalization {
        case .post:
            let a = attention(x, sequenceLength: sequenceLength, previousScores: previousScores, parameters)
            let h = norm1(x + a.output, parameters)
            return MultiHeadAttention.Result(output: norm2(h + feedForward(h, parameters), parameters), scores: a.scores)
        case .pre:
            let a = attention(norm1(x, parameters), sequenceLength: sequenceLength, previousScores: previousScores, parameters)
            let h = x + a.output
            return MultiHeadAttention.Result(output: h + feedForward(norm2(h, parameters), parameters), scores: a.scores)
        }
    }
}
