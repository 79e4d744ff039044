/// A formula of the identity subset of TeX, as a tree: what ``ExpressionParser`` reads
/// and ClaimKit evaluates.
///
/// Conventions (where TeX writers differ, this is how a formula is read):
/// - Juxtaposition is multiplication (`2x`, `AB`, `x^\top A x`), as is `\cdot`, `\times`,
///   `*`. `/` and juxtaposition have the same precedence and group to the left:
///   `a/bc` is `(a/b)·c`; write `\frac{a}{bc}` for the other reading.
/// - A function written without parentheses takes the product that follows it, up to the
///   next function or operator: `\sin 2x` is `sin(2x)`, `\det A \det B` is
///   `det(A)·det(B)`. With parentheses it takes the parenthesised group, and a power after
///   that group applies to the result: `\sin(x)^2` is `(sin x)²`, as is `\sin^2 x`.
/// - `^{-1}` of a square matrix is its inverse; `^\top` (also `^T` when no variable is
///   named `T`, `^\intercal`) its transpose. An integer power of a square matrix is a
///   matrix power.
/// - `x^23` is `x²·3`, as TeX typesets it: an exponent without braces is one character.
/// - `e` is Euler's number and `I` (or `I_n`) the identity matrix, unless a `where` line
///   declares a variable of that name; `\pi` is always π.
/// - A 1×1 matrix (such as `x^\top y`) is a number.
/// - `\log` and `\ln` are natural logarithms; `\log_b` has base b.
public struct IdentityExpression: Hashable, Sendable {
    /// A function of the subset.
    public enum Function: String, Hashable, Sendable, CaseIterable {
        case sin, cos, tan, cot, sec, csc, arcsin, arccos, arctan, sinh, cosh, tanh, coth
        case exp, ln, log, sqrt, det, trace, floor, ceil, gamma, abs
        /// `\log_b x`: arguments base, value.
        case logBase
        /// `\sqrt[n]{x}`: arguments n, x.
        case root
        /// `\binom{n}{k}`.
        case binomial
        case max, min
    }

    /// Which norm `\|x\|_p` means: 2 (the default: Euclidean for a
    /// vector, spectral for a matrix), 1, ∞, F (Frobenius).
    public enum Norm: String, Hashable, Sendable { case two, one, infinity, frobenius }

    /// `\sum` or `\prod`.
    public enum Aggregate: String, Hashable, Sendable { case sum, product }

    public enum Operator: String, Hashable, Sendable { case add = "+", subtract = "-", multiply = "·", divide = "/" }

    public indirect enum Kind: Hashable, Sendable {
        case number(Double)
        /// π.
        case pi
        /// Euler's number.
        case euler
        /// A declared variable or a bound summation index.
        case variable(String)
        /// An entry of a declared vector or matrix: `x_i`, `A_{ij}` (indices from 1).
        case element(String, [IdentityExpression])
        /// The identity matrix, of the given size or of the size its neighbours need.
        case identityMatrix(size: Int?)
        case negate(IdentityExpression)
        case binary(Operator, IdentityExpression, IdentityExpression)
        case power(IdentityExpression, IdentityExpression)
        case transpose(IdentityExpression)
        case call(Function, [IdentityExpression])
        case factorial(IdentityExpression)
        case norm(IdentityExpression, Norm)
        /// `\sum_{i=a}^{b} body` or `\prod`: the index name, the bounds, the body.
        case aggregate(Aggregate, index: String, from: IdentityExpression, to: IdentityExpression, body: IdentityExpression)
        /// `\begin{bmatrix} … \end{bmatrix}`: rows of entries.
        case matrix([[IdentityExpression]])
    }

    public var kind: Kind
    /// Byte offset in the formula's text where this part starts.
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// The variables the expression uses (bound indices excluded).
    public var freeVariables: Set<String> {
        switch kind {
        case .number, .pi, .euler, .identityMatrix: return []
        case let .variable(name): return [name]
        case let .element(name, indices): return indices.reduce(into: [name]) { $0.formUnion($1.freeVariables) }
        case let .negate(a), let .transpose(a), let .factorial(a), let .norm(a, _): return a.freeVariables
        case let .binary(_, a, b), let .power(a, b): return a.freeVariables.union(b.freeVariables)
        case let .call(_, arguments): return arguments.reduce(into: []) { $0.formUnion($1.freeVariables) }
        case let .aggregate(_, index, from, to, body):
            return from.freeVariables.union(to.freeVariables).union(body.freeVariables.subtracting([index]))
        case let .matrix(rows): return rows.joined().reduce(into: []) { $0.formUnion($1.freeVariables) }
        }
    }
}
