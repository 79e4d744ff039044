/// Why a HiPPO construction refused its input; each case names the function.
public enum HiPPOError: Error, Equatable, Sendable, CustomStringConvertible {
    case order(function: String, n: Int)
    case step(function: String, delta: Double)
    case window(function: String, theta: Double)
    case shape(function: String, detail: String)

    public var description: String {
        switch self {
        case let .order(function, n): "\(function): the number of coefficients N must be at least 1, got \(n)"
        case let .step(function, delta): "\(function): the step Δ must be positive and finite, got \(delta)"
        case let .window(function, theta): "\(function): the window θ must be positive and finite, got \(theta)"
        case let .shape(function, detail): "\(function): \(detail)"
        }
    }
}
