import LinearAlgebra

/// The second-degree equation `xᵀAx + 2bᵀx + c = 0` in n = 2 or 3 variables, with `A`
/// symmetric.
///
/// **Convention.** The linear part is written `2bᵀx`, so that the form is the bordered
/// quadratic form `[x; 1]ᵀ M [x; 1]` with `M = [[A, b], [bᵀ, c]]` (see ``bordered``): for
/// `x² + 4xy + y² − 6x + 1` this means `A = [[1, 2], [2, 1]]`, `b = (−3, 0)`, `c = 1`.
/// Sources that write `bᵀx` have half of their `b` here.
public struct QuadraticForm: Sendable, Hashable {
    /// The symmetric matrix of the quadratic part.
    public let A: Matrix
    /// Half the coefficients of the linear part.
    public let b: Vector
    /// The constant.
    public let c: Double

    /// Checks the input: `A` square of size 2 or 3 and exactly symmetric, `b` of the same
    /// size, every entry finite, `A ≠ 0`.
    public init(A: Matrix, b: Vector, c: Double) throws {
        let function = "QuadraticForm"
        guard A.rows == A.columns else {
            throw QuadraticFormError.shape(function: function, detail: "A must be square, got \(A.rows)×\(A.columns)")
        }
        guard A.rows == 2 || A.rows == 3 else { throw QuadraticFormError.dimension(function: function, n: A.rows) }
        guard b.count == A.rows else {
            throw QuadraticFormError.shape(function: function, detail: "b has \(b.count) entries, A is \(A.rows)×\(A.rows)")
        }
        guard A.elements.allSatisfy(\.isFinite), b.allSatisfy(\.isFinite), c.isFinite else {
            throw QuadraticFormError.nonFinite(function: function)
        }
        for i in 0..<A.rows {
            for j in (i + 1)..<A.rows where A[i, j] != A[j, i] {
                throw QuadraticFormError.notSymmetric(function: function, row: i, column: j, upper: A[i, j], lower: A[j, i])
            }
        }
        guard A.elements.contains(where: { $0 != 0 }) else { throw QuadraticFormError.notQuadratic(function: function) }
        self.A = A
        self.b = b
        self.c = c
    }

    /// A conic `a₁₁x² + 2a₁₂xy + a₂₂y² + 2b₁x + 2b₂y + c = 0`.
    public static func conic(a11: Double, a12: Double, a22: Double, b1: Double, b2: Double, c: Double) throws -> Self {
        try Self(A: Matrix([[a11, a12], [a12, a22]]), b: [b1, b2], c: c)
    }

    /// The number of variables, 2 or 3.
    public var n: Int { A.rows }

    /// `xᵀAx + 2bᵀx + c`.
    public func value(at x: Vector) -> Double {
        precondition(x.count == n, "QuadraticForm.value: a point with \(x.count) coordinates for n = \(n)")
        return x.dot(A * x) + 2 * b.dot(x) + c
    }

    /// The `(n+1)×(n+1)` matrix `[[A, b], [bᵀ, c]]`, whose quadratic form at `[x; 1]` is
    /// the equation's left side.
    public var bordered: Matrix {
        var m = Matrix(rows: n + 1, columns: n + 1)
        for i in 0..<n {
            for j in 0..<n { m[i, j] = A[i, j] }
            m[i, n] = b[i]
            m[n, i] = b[i]
        }
        m[n, n] = c
        return m
    }

    /// The largest absolute entry of `A`, `b` and `c` (at least 1): the scale that zero
    /// tests are relative to.
    var scale: Double {
        max(1, A.elements.map(abs).max() ?? 0, b.map(abs).max() ?? 0, abs(c))
    }
}
