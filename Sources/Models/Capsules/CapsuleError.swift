/// Why a capsule computation refused its input; each case names the function.
public enum CapsuleError: Error, Equatable, Sendable, CustomStringConvertible {
    case shape(function: String, detail: String)
    case activation(function: String, index: Int, value: Double)
    case setting(function: String, detail: String)

    public var description: String {
        switch self {
        case let .shape(function, detail): "\(function): \(detail)"
        case let .activation(function, index, value):
            "\(function): input activation \(index) is \(value); activations must lie in [0, 1]"
        case let .setting(function, detail): "\(function): \(detail)"
        }
    }
}
