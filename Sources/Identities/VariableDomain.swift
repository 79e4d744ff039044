/// Where a variable of an identity takes its values, as a `where` line declares it, and
/// how ClaimKit samples it (the sampling is part of the contract: it decides what a pass
/// means).
///
/// | written | domain | sampled |
/// |---|---|---|
/// | `x \in [a, b]` (also `(a, b)`, `[a, b)`, `(a, b]`) | real interval | uniform |
/// | `x > a`, `x \ge a` (also `\geq`, `<`, `\le`) | half-line | `a ± 10^u`, u uniform in [−2, 2] |
/// | `x \in \mathbb{R}` | real line | uniform in [−10, 10] |
/// | `n \in \{1, \dots, 50\}`, `n \in \{0, 2, 5\}` | integers | uniform over the set |
/// | `x \in \mathbb{R}^3` (`unit`) | column vector | standard normal entries (scaled to length 1) |
/// | `A \in \mathbb{R}^{3 \times 3}` | matrix | standard normal entries |
/// | … `symmetric` | | (G + Gᵀ)/2 |
/// | … `positive definite` | | G Gᵀ/n + I/10 |
/// | … `orthogonal` | | Q of the QR factorisation of G, signs fixed by R's diagonal |
///
/// Bounds are constant expressions of the subset (`-\pi`, `\frac{1}{2}`).
public enum VariableDomain: Hashable, Sendable {
    case interval(lower: IdentityExpression, upper: IdentityExpression, closedLower: Bool, closedUpper: Bool)
    /// `x > bound` (`above`) or `x < bound`; `inclusive` for `\ge`, `\le`.
    case halfLine(bound: IdentityExpression, above: Bool, inclusive: Bool)
    case realLine
    case integers([Int])
    case integerRange(Int, Int)
    case vector(Int, unit: Bool)
    case matrix(rows: Int, columns: Int, property: MatrixProperty?)

    /// A property a `where` line can give a square matrix.
    public enum MatrixProperty: String, Hashable, Sendable {
        case symmetric
        case positiveDefinite = "positive definite"
        case orthogonal
    }

    /// What the parser needs to know about a variable of this domain.
    public var shape: VariableShape {
        switch self {
        case .interval, .halfLine, .realLine: .real
        case .integers, .integerRange: .integer
        case let .vector(n, _): .vector(n)
        case let .matrix(m, n, _): .matrix(m, n)
        }
    }
}

/// One declaration of a `where` line: `x, y \in [-1, 1]`.
public struct Declaration: Hashable, Sendable {
    /// The names it declares, as the formula writes them (`x`, `alpha`, `x_1`).
    public var names: [String]
    public var domain: VariableDomain
    /// The declaration's TeX as written (for the page), properties excluded.
    public var tex: String
    /// The properties as written (`positive definite`), or "".
    public var properties: String
    /// Byte offset of the declaration in the block's text.
    public var offset: Int
}
