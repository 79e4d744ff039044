import LinearAlgebra

/// Largest entry-wise difference, scaled by the larger of 1 and the expected entry: the
/// shared yardstick of these tests (a few hundred ulps of room is `< 1e-13`).
func relativeError(_ actual: Matrix, _ expected: Matrix) -> Double {
    precondition(actual.rows == expected.rows && actual.columns == expected.columns, "shapes differ")
    return zip(actual.elements, expected.elements).reduce(0) { max($0, abs($1.0 - $1.1) / max(1, abs($1.1))) }
}

func relativeError(_ actual: Vector, _ expected: Vector) -> Double {
    relativeError(Matrix(rows: actual.count, columns: 1, elements: actual.elements),
                  Matrix(rows: expected.count, columns: 1, elements: expected.elements))
}

func relativeError(_ actual: Double, _ expected: Double) -> Double {
    abs(actual - expected) / max(1, abs(expected))
}
