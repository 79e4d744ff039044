import LinearAlgebra

/// Largest entry-wise difference, scaled by the larger of 1 and the expected entry: the
/// shared yardstick of these tests (a few hundred ulps of room is `< 1e-13`).
func relativeError(_ actual: Matrix, _ expected: Matrix) -> Double {
    precondition(actual.rows == expected.rows && actual.columns == expected.columns, "shapes differ")
    // NaN anywhere counts as an infinite error: `max` would silently skip it.
    return zip(actual.elements, expected.elements).reduce(0) { worst, pair in
        let error = relativeError(pair.0, pair.1)
        return error.isNaN ? .infinity : max(worst, error)
    }
}

func relativeError(_ actual: Vector, _ expected: Vector) -> Double {
    relativeError(Matrix(rows: actual.count, columns: 1, elements: actual.elements),
                  Matrix(rows: expected.count, columns: 1, elements: expected.elements))
}

func relativeError(_ actual: Double, _ expected: Double) -> Double {
    let error = abs(actual - expected) / max(1, abs(expected))
    return error.isNaN ? .infinity : error
}
