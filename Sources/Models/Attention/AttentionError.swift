/// Why an attention computation refused its input; each case names the function.
public enum AttentionError: Error, Equatable, Sendable, CustomStringConvertible {
    case shape(function: String, detail: String)
    case landmarks(function: String, tokens: Int, landmarks: Int)
    case iterations(function: String, count: Int)

    public var description: String {
        switch self {
        case let .shape(function, detail): "\(function): \(detail)"
        case let .landmarks(function, tokens, landmarks):
            "\(function): \(landmarks) landmarks must divide the \(tokens) tokens into equal segments (1 ≤ m ≤ n, n divisible by m)"
        case let .iterations(function, count): "\(function): the number of iterations must be at least 0, got \(count)"
        }
    }
}
