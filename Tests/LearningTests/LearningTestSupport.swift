import Learning
import LinearAlgebra

/// The gradient of `loss` with respect to every entry of every parameter, by reverse mode
/// and by central differences, as two flat vectors in the store's order.
func parameterGradients(
    _ parameters: Parameters, _ loss: @escaping @differentiable(reverse) (Parameters) -> Double
) -> (ad: Vector, fd: Vector) {
    let g = gradient(at: parameters, of: loss)
    var flat: [Double] = []
    for (i, value) in parameters.values.enumerated() {
        let gi = g.values.isEmpty ? Matrix.zero : g.values[i]
        flat += gi.rows == 0 ? [Double](repeating: 0, count: value.rows * value.columns) : gi.withUnsafeElements { Array($0) }
    }
    let start = parameters.values.flatMap { $0.withUnsafeElements { Array($0) } }
    let fd = numericalGradient(at: Vector(start)) { v in
        var p = parameters
        var offset = 0
        for i in 0..<p.count {
            let old = p.values[i]
            let count = old.rows * old.columns
            p.set(p.ids[i], Matrix(rows: old.rows, columns: old.columns, elements: Array(v.elements[offset..<(offset + count)])))
            offset += count
        }
        return loss(p)
    }
    return (Vector(flat), fd)
}

/// Largest entry-wise difference relative to max(1, |expected|).
func relativeError(_ a: Vector, _ b: Vector) -> Double {
    precondition(a.count == b.count, "lengths differ")
    return zip(a.elements, b.elements).reduce(0) { worst, pair in
        let e = abs(pair.0 - pair.1) / max(1, abs(pair.1))
        return e.isNaN ? .infinity : max(worst, e)
    }
}

func relativeError(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns, "shapes differ")
    return relativeError(Vector(a.withUnsafeElements { Array($0) }), Vector(b.withUnsafeElements { Array($0) }))
}
