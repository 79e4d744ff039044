import LinearAlgebra

/// Multi-head scaled dot-product attention (Vaswani et al. 2017) over a batch of
/// sequences.
///
/// **Layout.** A batch of `B` sequences of length `T` with `d` features is one
/// `(B·T) × d` matrix, sequence `b` in rows `b·T..<(b+1)·T`. Head `h` of `H` uses columns
/// `h·w..<(h+1)·w` of the projections (`w = d/H`). Scores of all (sequence, head) pairs are
/// stacked into a `(B·H·T) × T` matrix (see `Matrix.headScores(_:_:heads:sequenceLength:scale:)`).
///
/// **Scores.** `S = Q Kᵀ/√w + S_prev` per head, *before* the softmax and before the causal
/// mask; ``callAsFunction(_:sequenceLength:previousScores:_:)`` returns them so that a
/// residual-attention (RealFormer) stack can add them to the next layer's. Pass
/// `Matrix.zero` (0×0) as `previousScores` for plain attention.
///
/// **Precision.** The four projections run in `precision` (see ``Dense``; in single
/// precision the query, key and value projections are one product); the per-head products
/// of scores and values stay in `Double`.
public struct MultiHeadAttention: Sendable, Hashable, Codable {
    public let name: String
    public let width: Int
    public let heads: Int
    /// Whether position `i` may attend only to positions `j ≤ i`.
    public let causal: Bool
    public let query: Dense, key: Dense, value: Dense, output: Dense

    public init(
        _ name: String, width: Int, heads: Int, causal: Bool = false, precision: ProductPrecision = .double,
        in parameters: inout Parameters, using generator: inout SeededGenerator
    ) {
        precondition(heads > 0 && width % heads == 0, "MultiHeadAttention \"\(name)\": width \(width) is not a multiple of \(heads) heads")
        self.name = name
        self.width = width
        self.heads = heads
        self.causal = causal
        query = Dense("\(name).query", inputs: width, outputs: width, precision: precision, in: &parameters, using: &generator)
        key = Dense("\(name).key", inputs: width, outputs: width, precision: precision, in: &parameters, using: &generator)
        value = Dense("\(name).value", inputs: width, outputs: width, precision: precision, in: &parameters, using: &generator)
        output = Dense("\(name).output", inputs: width, outputs: width, precision: precision, in: &parameters, using: &generator)
    }

    /// The output `(B·T) × d` and the scores `(B·H·T) × T` passed on.
    public struct Result: Differentiable {
        public var output: Matrix
        public var scores: Matrix

        @differentiable(reverse)
        public init(output: Matrix, scores: Matrix) {
            self.output = output
            self.scores = scores
        }
    }

    /// Attention of `x` (`(B·T) × d`) to itself, with `previousScores` added to its own
    /// scaled scores before the softmax.
    @differentiable(reverse, wrt: (x, previousScores, parameters))
    public func callAsFunction(
        _ x: Matrix, sequenceLength: Int, previousScores: Matrix, _ parameters: Parameters
    ) -> Result {
        requireColumns(x, width, layer: "MultiHeadAttention \"\(name)\"")
        precondition(
            x.rows % sequenceLength == 0,
            "MultiHeadAttention \"\(name)\": \(x.rows) rows are not whole sequences of length \(sequenceLength)")
        let projected = projections(x, parameters)
        let q = projected.first, k = projected.second, v = projected.third
        let scale = withoutDerivative(at: 1 / Double(width / heads).squareRoot())
        let scores =
            Matrix.headScores(q, k, heads: heads, sequenceLength: sequenceLength, scale: scale) + previousScores
        let masked = causal ? scores.causallyMasked(sequenceLength: sequenceLength) : scores
        let weights = masked.rowSoftmax()
        let mixed = Matrix.headMix(weights, v, heads: heads, sequenceLength: sequenceLength)
        return Result(output: output(mixed, parameters), scores: scores)
    }

    /// Queries, keys and values of `x`. In single precision the three dense layers run as
    /// one product (`Matrix.affineTriple`: the same values up to `Float` rounding); in `Double`
    /// they are the three layers one after another.
    @differentiable(reverse, wrt: (x, parameters))
    func projections(_ x: Matrix, _ parameters: Parameters) -> AffineTriple {
        guard let bq = query.bias, let bk = key.bias, let bv = value.bias,
              query.precision == .single, key.precision == .single, value.precision == .single
        else {
            return AffineTriple(first: query(x, parameters), second: key(x, parameters), third: value(x, parameters))
        }
        return Matrix.affineTriple(
            x, parameters[query.weight], parameters[bq], parameters[key.weight], parameters[bk],
            parameters[value.weight], parameters[bv], precision: .single)
    }

    /// The attention weights (rows of the softmax, `(B·H·T) × T`) for given scores, with
    /// this layer's mask: for heat maps.
    public func weights(scores: Matrix, sequenceLength: Int) -> Matrix {
        (causal ? scores.causallyMasked(sequenceLength: sequenceLength) : scores).rowSoftmax()
    }
}
