import LinearAlgebra

/// An entry-wise nonlinearity between layers.
public enum Activation: String, Sendable, Hashable, Codable, CaseIterable {
    case identity, relu, tanh, sigmoid, softplus, gelu

    /// The function applied to every entry.
    @differentiable(reverse)
    public func callAsFunction(_ x: Matrix) -> Matrix {
        switch self {
        case .identity: x
        case .relu: LinearAlgebra.relu(x)
        case .tanh: LinearAlgebra.tanh(x)
        case .sigmoid: LinearAlgebra.sigmoid(x)
        case .softplus: LinearAlgebra.softplus(x)
        case .gelu: LinearAlgebra.gelu(x)
        }
    }
}
