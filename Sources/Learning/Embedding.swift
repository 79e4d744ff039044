import LinearAlgebra

/// A lookup table from token ids `0..<vocabulary` to rows of `dimension` numbers, drawn
/// standard normal as PyTorch's `nn.Embedding` does.
public struct Embedding: Sendable, Hashable, Codable {
    public let name: String
    public let vocabulary: Int
    public let dimension: Int
    /// The table, `vocabulary × dimension`.
    public let table: ParameterID

    public init(
        _ name: String, vocabulary: Int, dimension: Int,
        in parameters: inout Parameters, using generator: inout SeededGenerator
    ) {
        self.name = name
        self.vocabulary = vocabulary
        self.dimension = dimension
        table = parameters.add(name + ".table", Matrix.randomNormal(vocabulary, dimension, using: &generator))
    }

    /// One row per token, in order: a `tokens.count × dimension` matrix. An id outside
    /// the vocabulary stops the program with the layer's name.
    @differentiable(reverse, wrt: parameters)
    public func callAsFunction(_ tokens: [Int], _ parameters: Parameters) -> Matrix {
        for t in tokens {
            precondition(t >= 0 && t < vocabulary, "Embedding \"\(name)\": token \(t) outside the vocabulary 0..<\(vocabulary)")
        }
        return parameters[table].gatheringRows(tokens)
    }
}
