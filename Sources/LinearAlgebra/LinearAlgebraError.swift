/// Why a linear-algebra operation could not produce an answer.
///
/// Every LAPACK `info != 0` becomes one of these, naming the operation and what went
/// wrong in terms of the input, so a claim that fails says why.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operation needs a square matrix.
    case notSquare(operation: String, rows: Int, columns: Int)
    /// The operands' shapes do not fit together.
    case shapeMismatch(operation: String, lhs: String, rhs: String)
    /// The input contains NaN or an infinity, for which the operation has no meaning.
    case nonFinite(operation: String)
    /// The matrix is singular: the LU factorisation found an exactly zero pivot at this
    /// (1-based) position.
    case singular(operation: String, pivot: Int)
    /// Cholesky failed: the leading principal minor of this (1-based) order is not
    /// positive, so the matrix is not positive definite.
    case notPositiveDefinite(order: Int)
    /// `LDLᵀ` without pivoting met a zero pivot at this (1-based) position.
    case zeroPivot(position: Int)
    /// An iterative LAPACK routine (eigenvalues, SVD, least squares) did not converge.
    case noConvergence(routine: String, info: Int)
    /// Any other LAPACK failure, with the routine's `info`.
    case lapack(routine: String, info: Int, reason: String)

    public var description: String {
        switch self {
        case let .notSquare(operation, rows, columns):
            "\(operation) needs a square matrix, got \(rows)×\(columns)"
        case let .shapeMismatch(operation, lhs, rhs):
            "\(operation): shapes do not fit (\(lhs) and \(rhs))"
        case let .nonFinite(operation):
            "\(operation): the input contains NaN or infinity"
        case let .singular(operation, pivot):
            "\(operation): the matrix is singular (zero pivot U[\(pivot),\(pivot)] in its LU factorisation)"
        case let .notPositiveDefinite(order):
            "Cholesky: the matrix is not positive definite (its leading minor of order \(order) is not positive)"
        case let .zeroPivot(position):
            "LDLᵀ: zero pivot at position \(position); the factorisation without pivoting does not exist"
        case let .noConvergence(routine, info):
            "\(routine) did not converge (info = \(info))"
        case let .lapack(routine, info, reason):
            "\(routine) failed (info = \(info)): \(reason)"
        }
    }
}

extension Matrix {
    /// The shape as `r×c`, for messages.
    var shapeText: String { "\(rows)×\(columns)" }

    /// Throws unless the matrix is square.
    func requireSquare(_ operation: String) throws {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: operation, rows: rows, columns: columns) }
    }

    /// Throws if any entry is NaN or infinite.
    func requireFinite(_ operation: String) throws {
        for x in elements where !x.isFinite { throw LinearAlgebraError.nonFinite(operation: operation) }
    }
}
