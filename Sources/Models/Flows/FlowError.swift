/// Why a flow layer refused its input; each case names the layer.
public enum FlowError: Error, Equatable, Sendable, CustomStringConvertible {
    case shape(layer: String, detail: String)
    case singular(layer: String)

    public var description: String {
        switch self {
        case let .shape(layer, detail): "\(layer): \(detail)"
        case let .singular(layer): "\(layer): the mixing matrix is singular, so the layer cannot be inverted (and its log-determinant is −∞)"
        }
    }
}
