import LinearAlgebra

/// A multilayer perceptron: dense layers of the given widths with `activation` between
/// them and none after the last (`widths = [2, 64, 64, 2]` is 2 → 64 → 64 → 2), every
/// product in `precision` (see ``Dense``).
public struct MLP: Sendable, Hashable, Codable {
    public let name: String
    public let layers: [Dense]
    public let activation: Activation

    public init(
        _ name: String, widths: [Int], activation: Activation = .relu, precision: ProductPrecision = .double,
        in parameters: inout Parameters, using generator: inout SeededGenerator
    ) {
        precondition(widths.count >= 2, "MLP \"\(name)\": needs at least an input and an output width, got \(widths)")
        self.name = name
        self.activation = activation
        layers = (0..<(widths.count - 1)).map { i in
            Dense("\(name).dense\(i + 1)", inputs: widths[i], outputs: widths[i + 1], precision: precision,
                in: &parameters, using: &generator)
        }
    }

    /// The network applied to a `batch × widths[0]` matrix.
    @differentiable(reverse, wrt: (x, parameters))
    public func callAsFunction(_ x: Matrix, _ parameters: Parameters) -> Matrix {
        let last = withoutDerivative(at: layers.count - 1)
        var h = x
        for i in withoutDerivative(at: 0..<layers.count) {
            if i < last && activation == .gelu {
                // A dense layer and its GELU in one step (the same values).
                h = layers[i].withGELU(h, parameters)
            } else {
                h = layers[i](h, parameters)
                if i < last { h = activation(h) }
            }
        }
        return h
    }
}
