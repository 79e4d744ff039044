import LinearAlgebra

/// Why a definiteness test refused its input; each case names the function.
public enum DefinitenessError: Error, Equatable, Sendable, CustomStringConvertible {
    case notSquare(function: String, rows: Int, columns: Int)
    case notSymmetric(function: String, row: Int, column: Int)
    case nonFinite(function: String)
    case empty(function: String)

    public var description: String {
        switch self {
        case let .notSquare(function, rows, columns): "\(function): needs a square matrix, got \(rows)×\(columns)"
        case let .notSymmetric(function, i, j):
            "\(function): the matrix is not symmetric (entries [\(i),\(j)] and [\(j),\(i)] differ); a quadratic form only sees (A + Aᵀ)/2, so pass that"
        case let .nonFinite(function): "\(function): the matrix contains NaN or infinity"
        case let .empty(function): "\(function): the matrix is 0×0"
        }
    }

    /// Checks that `a` is a non-empty, finite, exactly symmetric square matrix.
    static func validate(_ a: Matrix, _ function: String) throws {
        guard a.rows == a.columns else { throw notSquare(function: function, rows: a.rows, columns: a.columns) }
        guard a.rows > 0 else { throw empty(function: function) }
        guard a.elements.allSatisfy(\.isFinite) else { throw nonFinite(function: function) }
        for i in 0..<a.rows {
            for j in (i + 1)..<a.rows where a[i, j] != a[j, i] { throw notSymmetric(function: function, row: i, column: j) }
        }
    }
}
