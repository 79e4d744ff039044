/// Why a linear-algebra operation could not produce an answer.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operation needs a square matrix.
    case notSquare(operation: String, rows: Int, columns: Int)
    /// A LAPACK routine reported `info != 0`; `reason` says what that means for it.
    case lapack(routine: String, info: Int, reason: String)

    public var description: String {
        switch self {
        case let .notSquare(operation, rows, columns):
            "\(operation) needs a square matrix, got \(rows)×\(columns)"
        case let .lapack(routine, info, reason):
            "\(routine) failed (info = \(info)): \(reason)"
        }
    }
}
