/// Something in an identity block that cannot be read: where (a byte offset into the text
/// that was parsed), what, and a stable id (`identity.syntax`, `identity.unsupported`,
/// `identity.undeclared`, `identity.domain`, `identity.where`, `identity.relation`).
public struct IdentityProblem: Error, Hashable, Sendable {
    public var id: String
    public var message: String
    public var offset: Int
    /// How to fix it, when there is more to say than the message.
    public var explanation: String?

    public init(_ id: String, _ message: String, at offset: Int, explanation: String? = nil) {
        self.id = id
        self.message = message
        self.offset = offset
        self.explanation = explanation
    }

    /// What the subset holds, for messages about constructs outside it.
    public static let subset = "identities understand numbers, declared variables, + − · / and juxtaposition, "
        + "\\frac, powers, \\sqrt, \\exp, \\log, \\ln, trigonometric and hyperbolic functions, \\det, "
        + "\\operatorname{tr}, ^\\top, ^{-1}, \\|x\\|, |x|, \\sum and \\prod with integer bounds, \\binom, n!, "
        + "\\max, \\min, \\lfloor \\rfloor, \\lceil \\rceil, \\Gamma and bmatrix/pmatrix literals"
}
