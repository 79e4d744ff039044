/// A dense matrix of `Double`s, stored row-major and contiguous, with value semantics.
///
/// Indices are 0-based: `m[i, j]` is row `i`, column `j`. Operations whose shapes do not
/// fit together (adding a 2×3 to a 3×2, multiplying 2×3 by 2×3) stop the program with a
/// message that names the operation and both shapes; inside a claim program the verifier
/// reports that stop at the article line of the block that was running.
public struct Matrix: Hashable, Sendable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// The entries, row after row.
    public internal(set) var elements: [Double]

    /// A `rows × columns` matrix whose entries are all `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)×\(columns)")
        HeapTuning.applied
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from row-major `elements`; their count must be `rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(
            elements.count == rows * columns,
            "Matrix: \(elements.count) elements do not fill a \(rows)×\(columns) matrix")
        HeapTuning.applied
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, which must all have the same length.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        for (i, row) in rowArrays.enumerated() {
            precondition(
                row.count == columns,
                "Matrix: row \(i) has \(row.count) entries, row 0 has \(columns)")
        }
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// The `rows × columns` zero matrix.
    public static func zeros(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns)
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// The square matrix with `diagonal` on its diagonal and zeros elsewhere.
    public static func diagonal(_ diagonal: Vector) -> Matrix {
        var m = Matrix(rows: diagonal.count, columns: diagonal.count)
        for i in 0..<diagonal.count { m[i, i] = diagonal[i] }
        return m
    }

    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// Entry `(row, column)`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) outside \(rows)×\(columns)")
            return elements[row * columns + column]
        }
        set {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "Matrix: index (\(row), \(column)) outside \(rows)×\(columns)")
            elements[row * columns + column] = newValue
        }
    }

    /// Row `i` as a vector.
    public func row(_ i: Int) -> Vector {
        Vector(Array(elements[(i * columns)..<((i + 1) * columns)]))
    }

    /// Column `j` as a vector.
    public func column(_ j: Int) -> Vector {
        Vector((0..<rows).map { elements[$0 * columns + j] })
    }

    /// The diagonal entries `m[i, i]`.
    public var diagonalEntries: Vector {
        Vector((0..<min(rows, columns)).map { elements[$0 * columns + $0] })
    }

    /// The transpose `mᵀ`.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { t.elements[j * rows + i] = elements[i * columns + j] }
        }
        return t
    }

    /// The sum of the diagonal entries.
    public var trace: Double {
        precondition(isSquare, "Matrix.trace: matrix is \(rows)×\(columns), not square")
        return diagonalEntries.elements.reduce(0, +)
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        (0..<rows).map { i in
            "[" + (0..<columns).map { formatEntry(self[i, $0]) }.joined(separator: ", ") + "]"
        }.joined(separator: "\n")
    }
}

extension Matrix {
    /// Calls `body` with the entries (row after row) for reading, without copying them.
    public func withUnsafeElements<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the entries (row after row) for writing in place — the storage is
    /// copied first only if another matrix shares it. For optimizers and other hot loops;
    /// the shape cannot change.
    public mutating func withUnsafeMutableElements<R>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer(body)
    }
}
