/// What a declared variable holds, as far as reading a formula needs to know: whether
/// `x_i` is an entry of `x`, whether `T` in `A^T` is a variable.
public enum VariableShape: Hashable, Sendable {
    case real
    case integer
    /// A column vector of ℝⁿ.
    case vector(Int)
    /// A rows × columns matrix.
    case matrix(Int, Int)
}
