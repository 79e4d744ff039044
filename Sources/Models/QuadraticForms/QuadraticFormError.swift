/// Why a quadratic form or one of its simplifications could not be made.
///
/// Each case names the function that refused and what was wrong with its input, so a claim
/// that calls it with a mistake reads, for example, `QuadraticForm: A is not symmetric
/// (A[0,1] = 2 but A[1,0] = 3)`.
public enum QuadraticFormError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `A` is not square, or `b` does not have `A`'s size.
    case shape(function: String, detail: String)
    /// Only curves (n = 2) and surfaces (n = 3) are named here.
    case dimension(function: String, n: Int)
    /// `A` differs from its transpose.
    case notSymmetric(function: String, row: Int, column: Int, upper: Double, lower: Double)
    /// NaN or an infinity in `A`, `b` or `c`.
    case nonFinite(function: String)
    /// `A = 0`: the equation is linear, not quadratic.
    case notQuadratic(function: String)
    /// The ε route applies to parabolic kinds only.
    case notParabolic(function: String, kind: QuadricKind)
    /// ε must be positive and finite.
    case badEpsilon(function: String, epsilon: Double)

    public var description: String {
        switch self {
        case let .shape(function, detail): "\(function): \(detail)"
        case let .dimension(function, n):
            "\(function): only n = 2 (conics) and n = 3 (quadrics) are classified, got n = \(n)"
        case let .notSymmetric(function, i, j, upper, lower):
            "\(function): A is not symmetric (A[\(i),\(j)] = \(upper) but A[\(j),\(i)] = \(lower)); use (A + Aᵀ)/2, which gives the same form"
        case let .nonFinite(function): "\(function): A, b or c contains NaN or infinity"
        case let .notQuadratic(function): "\(function): A = 0, so the equation is linear, not a conic or quadric"
        case let .notParabolic(function, kind):
            "\(function): the ε route is for parabolic kinds (det A = 0 with a linear term left); this form is \(kind.name)"
        case let .badEpsilon(function, epsilon): "\(function): ε must be positive and finite, got \(epsilon)"
        }
    }
}
