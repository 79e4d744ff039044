import LinearAlgebra
import RealModule

/// How a new parameter matrix (`fanIn × fanOut` for a dense layer's weight) is drawn.
/// Every draw takes a `SeededGenerator`: the same seed gives the same model.
public enum Initializer: Sendable, Hashable {
    /// Uniform on `±√(6 / (fanIn + fanOut))` (Glorot and Bengio 2010).
    case glorotUniform
    /// Normal with standard deviation `√(2 / fanIn)`, for ReLU layers (He et al. 2015).
    case heNormal
    /// Uniform on `±1/√fanIn`: PyTorch's default for `nn.Linear` weights and biases
    /// (there `fanIn` is the layer's input count, also for the bias).
    case uniformFanIn(Int)
    /// Uniform on `±bound`.
    case uniform(Double)
    /// Every entry `value` (zeros for biases, ones for gains).
    case constant(Double)

    /// A `rows × columns` matrix, taking `rows` as fan-in and `columns` as fan-out.
    public func matrix(_ rows: Int, _ columns: Int, using generator: inout SeededGenerator) -> Matrix {
        switch self {
        case .glorotUniform:
            let bound = (6 / Double(max(1, rows + columns))).squareRoot()
            return .randomUniform(rows, columns, in: -bound, bound, using: &generator)
        case .heNormal:
            return (2 / Double(max(1, rows))).squareRoot() * .randomNormal(rows, columns, using: &generator)
        case .uniformFanIn(let fanIn):
            let bound = 1 / Double(max(1, fanIn)).squareRoot()
            return .randomUniform(rows, columns, in: -bound, bound, using: &generator)
        case .uniform(let bound):
            return .randomUniform(rows, columns, in: -bound, bound, using: &generator)
        case .constant(let value):
            return Matrix(rows: rows, columns: columns, repeating: value)
        }
    }
}
