import RealModule

/// A dense matrix of `Complex<Double>`, row-major: eigenvectors of non-symmetric matrices.
public struct ComplexMatrix: Hashable, Sendable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    /// The entries, row after row.
    public var elements: [Complex<Double>]

    public init(rows: Int, columns: Int, elements: [Complex<Double>]) {
        precondition(elements.count == rows * columns, "ComplexMatrix: \(elements.count) elements for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A real matrix as a complex one.
    public init(_ real: Matrix) {
        self.init(rows: real.rows, columns: real.columns, elements: real.elements.map { Complex($0, 0) })
    }

    public subscript(i: Int, j: Int) -> Complex<Double> {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    /// Column `j`.
    public func column(_ j: Int) -> [Complex<Double>] { (0..<rows).map { self[$0, j] } }

    /// The matrix product (a plain triple loop: these matrices are small).
    public static func * (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.columns == b.rows, "ComplexMatrix *: \(a.rows)×\(a.columns) times \(b.rows)×\(b.columns)")
        var c = ComplexMatrix(rows: a.rows, columns: b.columns, elements: Array(repeating: .zero, count: a.rows * b.columns))
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a[i, k]
                for j in 0..<b.columns { c.elements[i * b.columns + j] += aik * b[k, j] }
            }
        }
        return c
    }

    /// The diagonal matrix of `values`.
    public static func diagonal(_ values: [Complex<Double>]) -> ComplexMatrix {
        var m = ComplexMatrix(rows: values.count, columns: values.count, elements: Array(repeating: .zero, count: values.count * values.count))
        for (i, v) in values.enumerated() { m[i, i] = v }
        return m
    }

    /// The largest entry modulus of `self − other`.
    public func maxDifference(_ other: ComplexMatrix) -> Double {
        zip(elements, other.elements).reduce(0) { Swift.max($0, ($1.0 - $1.1).length) }
    }
}
