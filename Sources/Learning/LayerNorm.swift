import LinearAlgebra

/// Layer normalisation (Ba, Kiros and Hinton 2016): each row standardised over its
/// features (biased variance, `ε = 1e-5` as in PyTorch), then scaled by a learned gain
/// (initially 1) and shifted by a learned bias (initially 0), both `1 × features`.
public struct LayerNorm: Sendable, Hashable, Codable {
    public let name: String
    public let features: Int
    public let epsilon: Double
    public let gain: ParameterID
    public let bias: ParameterID

    public init(_ name: String, features: Int, epsilon: Double = 1e-5, in parameters: inout Parameters) {
        self.name = name
        self.features = features
        self.epsilon = epsilon
        gain = parameters.add("\(name).gain", Matrix(rows: 1, columns: features, repeating: 1))
        bias = parameters.add("\(name).bias", Matrix(rows: 1, columns: features, repeating: 0))
    }

    @differentiable(reverse, wrt: (x, parameters))
    public func callAsFunction(_ x: Matrix, _ parameters: Parameters) -> Matrix {
        requireColumns(x, features, layer: "LayerNorm \"\(name)\"")
        return x.layerNormalized(gain: parameters[gain], bias: parameters[bias], epsilon: epsilon)
    }
}
