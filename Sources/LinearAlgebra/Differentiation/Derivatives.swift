@_exported import _Differentiation

/// The gradient `∇f(x)` of `f: ℝⁿ → ℝ` by reverse-mode automatic differentiation.
///
/// `f` must be differentiable: built from operations with registered derivatives
/// (`Vector`/`Matrix` arithmetic, products, `dot`, `norm`, `sum`, `component(_:)`,
/// `exp`/`log`/`tanh`, `logAbsDeterminant`, scalar math). Control flow is fine; mutation
/// through `inout` of array elements is not supported by the compiler — build new vectors.
public func gradient(at x: Vector, of f: @differentiable(reverse) (Vector) -> Double) -> Vector {
    let g = _Differentiation.gradient(at: x, of: f)
    return g.isEmpty ? .zeros(x.count) : g
}

/// The `m × n` Jacobian of `f: ℝⁿ → ℝᵐ` by reverse mode: one pullback per output, row
/// `i` being `∇fᵢ(x)`.
public func jacobian(at x: Vector, of f: @differentiable(reverse) (Vector) -> Vector) -> Matrix {
    let (y, pullback) = valueWithPullback(at: x, of: f)
    var j = Matrix.zeros(y.count, x.count)
    for i in 0..<y.count {
        let row = pullback(.basis(i, count: y.count))
        if !row.isEmpty { j[rows: i..<(i + 1)] = Matrix(rows: 1, columns: x.count, elements: row.elements) }
    }
    return j
}

/// The gradient by central differences, `(f(x + h eᵢ) − f(x − h eᵢ)) / 2h`: an
/// independent check of ``gradient(at:of:)``. Error `O(h²)` from truncation plus
/// `O(ε/h)` from rounding; the default `h = ε^(1/3) · max(1, |xᵢ|)` balances the two
/// (about 1e-10 relative for smooth functions of order one).
public func numericalGradient(at x: Vector, step: Double? = nil, of f: (Vector) -> Double) -> Vector {
    let j = numericalJacobian(at: x, step: step) { Vector([f($0)]) }
    return j.row(0)
}

/// The Jacobian by central differences (see ``numericalGradient(at:step:of:)``).
public func numericalJacobian(at x: Vector, step: Double? = nil, of f: (Vector) -> Vector) -> Matrix {
    let m = f(x).count
    var j = Matrix.zeros(m, x.count)
    for k in 0..<x.count {
        let h = step ?? Double.ulpOfOne.squareRoot().squareRoot() * 0.5 * Swift.max(1, abs(x[k]))  // ≈ 6e-6
        var plus = x, minus = x
        plus[k] += h
        minus[k] -= h
        let difference = (f(plus) - f(minus)) / (2 * h)
        for i in 0..<m { j[i, k] = difference[i] }
    }
    return j
}
