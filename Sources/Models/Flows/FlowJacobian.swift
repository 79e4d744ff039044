import LinearAlgebra

/// Jacobians of a map of one sample (`1 × d` rows), to check the log-determinants flow
/// layers report: by reverse-mode differentiation (one pullback per output coordinate) and
/// by central differences.
public enum FlowJacobian {
    /// `J[i, j] = ∂yᵢ/∂xⱼ` by automatic differentiation.
    public static func automatic(_ f: @differentiable(reverse) (Matrix) -> Matrix, at x: Matrix) -> Matrix {
        let (y, pullback) = valueWithPullback(at: x, of: f)
        var j = Matrix.zeros(y.columns, x.columns)
        for i in 0..<y.columns {
            var e = Matrix.zeros(1, y.columns)
            e[0, i] = 1
            let row = pullback(e)
            for k in 0..<x.columns { j[i, k] = row[0, k] }
        }
        return j
    }

    /// `J[i, j] ≈ (yᵢ(x + h eⱼ) − yᵢ(x − h eⱼ)) / 2h`.
    public static func finiteDifference(_ f: (Matrix) -> Matrix, at x: Matrix, step h: Double = 1e-6) -> Matrix {
        let d = x.columns
        var j = Matrix.zeros(d, d)
        for k in 0..<d {
            var up = x, down = x
            up[0, k] += h
            down[0, k] -= h
            let a = f(up), b = f(down)
            for i in 0..<a.columns { j[i, k] = (a[0, i] - b[0, i]) / (2 * h) }
        }
        return j
    }
}
