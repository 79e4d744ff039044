import _Differentiation

/// `Matrix` is its own tangent space; the 0×0 matrix is the zero tangent.
extension Matrix: Differentiable, AdditiveArithmetic {
    public typealias TangentVector = Matrix
    public static var zero: Matrix { Matrix(rows: 0, columns: 0) }
    /// `self += offset` in place (`daxpy`).
    public mutating func move(by offset: Matrix) { add(offset, scaledBy: 1) }
}

extension Matrix {
    /// The sum of the entries.
    @differentiable(reverse)
    public func sum() -> Double { elements.reduce(0, +) }

    @derivative(of: sum)
    public func _vjpSum() -> (value: Double, pullback: (Double) -> Matrix) {
        let (r, c) = (rows, columns)
        return (sum(), { d in Matrix(rows: r, columns: c, repeating: d) })
    }

    @derivative(of: +)
    public static func _vjpAdd(_ lhs: Matrix, _ rhs: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (lhs + rhs, zeroAware((.zero, .zero)) { d in (d, d) })
    }

    @derivative(of: -)
    public static func _vjpSubtract(_ lhs: Matrix, _ rhs: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (lhs - rhs, zeroAware((.zero, .zero)) { d in (d, -d) })
    }

    @derivative(of: -)
    public static func _vjpNegate(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (-m, zeroAware(.zero) { d in -d })
    }

    @derivative(of: *)
    public static func _vjpScale(_ scalar: Double, _ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Double, Matrix)) {
        (scalar * m, zeroAware((0, .zero)) { d in (d.dot(m), scalar * d) })
    }

    @derivative(of: *)
    public static func _vjpScaleRight(_ m: Matrix, _ scalar: Double) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Double)) {
        (m * scalar, zeroAware((.zero, 0)) { d in (scalar * d, d.dot(m)) })
    }

    @derivative(of: /)
    public static func _vjpDivide(_ m: Matrix, _ scalar: Double) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Double)) {
        let value = m / scalar
        return (value, zeroAware((.zero, 0)) { d in (d / scalar, -d.dot(value) / scalar) })
    }

    @derivative(of: +)
    public static func _vjpAddScalar(_ m: Matrix, _ scalar: Double) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Double)) {
        (m + scalar, zeroAware((.zero, 0)) { d in (d, d.sum()) })
    }

    @derivative(of: -)
    public static func _vjpSubtractScalar(_ m: Matrix, _ scalar: Double) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Double)) {
        (m - scalar, zeroAware((.zero, 0)) { d in (d, -d.sum()) })
    }

    @derivative(of: -)
    public static func _vjpScalarMinus(_ scalar: Double, _ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Double, Matrix)) {
        (scalar - m, zeroAware((0, .zero)) { d in (d.sum(), -d) })
    }

    /// `Σᵢⱼ aᵢⱼ bᵢⱼ`, the Frobenius inner product (`ddot`).
    @differentiable(reverse)
    public func dot(_ other: Matrix) -> Double {
        Matrix.requireSameShape(self, other, "Matrix.dot")
        return BLAS.dot(elements, other.elements)
    }

    @derivative(of: dot)
    public func _vjpDot(_ other: Matrix) -> (value: Double, pullback: (Double) -> (Matrix, Matrix)) {
        (dot(other), { d in (d * other, d * self) })
    }

    /// `C = A B`: `Ā = C̄ Bᵀ`, `B̄ = Aᵀ C̄` (two more `dgemm` calls, transposes read in place).
    @derivative(of: *)
    public static func _vjpMatmul(_ lhs: Matrix, _ rhs: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (lhs * rhs, zeroAware((.zero, .zero)) { d in (d.timesTransposed(rhs), lhs.transposedTimes(d)) })
    }

    /// `C = Aᵀ B`: `Ā = B C̄ᵀ`, `B̄ = A C̄`.
    @derivative(of: transposedTimes)
    public func _vjpTransposedTimes(_ other: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (transposedTimes(other), zeroAware((.zero, .zero)) { d in (other.timesTransposed(d), self * d) })
    }

    /// `C = A Bᵀ`: `Ā = C̄ B`, `B̄ = C̄ᵀ A`.
    @derivative(of: timesTransposed)
    public func _vjpTimesTransposed(_ other: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (timesTransposed(other), zeroAware((.zero, .zero)) { d in (d * other, d.transposedTimes(self)) })
    }

    /// `y = A x`: `Ā = ȳ xᵀ`, `x̄ = Aᵀ ȳ`.
    @derivative(of: *)
    public static func _vjpMatvec(_ lhs: Matrix, _ rhs: Vector) -> (value: Vector, pullback: (Vector) -> (Matrix, Vector)) {
        (lhs * rhs, { d in (d.outer(rhs), lhs.transposed * d) })
    }

    @derivative(of: transposed)
    public func _vjpTransposed() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (transposed, zeroAware(.zero) { d in d.transposed })
    }

    @derivative(of: hadamard)
    public func _vjpHadamard(_ other: Matrix) -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix)) {
        (hadamard(other), zeroAware((.zero, .zero)) { d in (d.hadamard(other), d.hadamard(self)) })
    }

    /// `log|det A|`, differentiably: its gradient is `A⁻ᵀ` — the Jacobian term of
    /// normalising flows. Throws nothing: a singular matrix gives `-∞`.
    @differentiable(reverse)
    public func logAbsDeterminant() -> Double {
        (try? signAndLogAbsDeterminant().logAbs) ?? .nan
    }

    @derivative(of: logAbsDeterminant)
    public func _vjpLogAbsDeterminant() -> (value: Double, pullback: (Double) -> Matrix) {
        let value = logAbsDeterminant()
        let inverseTransposed = (try? inverse().transposed) ?? Matrix(rows: rows, columns: columns, repeating: .nan)
        return (value, { d in d * inverseTransposed })
    }
}

extension Vector {
    /// The outer product, differentiably.
    @derivative(of: outer)
    public func _vjpOuter(_ other: Vector) -> (value: Matrix, pullback: (Matrix) -> (Vector, Vector)) {
        (outer(other), { d in (d * other, d.transposed * self) })
    }
}

extension Matrix {
    /// `x W + 1 b`: a batch `x` (m × k) times weights `W` (k × n) plus the bias row `b`
    /// (1 × n) in every row, in one `dgemm` (the result starts as copies of `b`) — the
    /// dense layer's whole forward pass.
    @differentiable(reverse)
    public static func affine(_ x: Matrix, _ w: Matrix, _ b: Matrix) -> Matrix {
        checkAffineShapes(x, w, b)
        return BLAS.affine(x, w, b)
    }

    static func checkAffineShapes(_ x: Matrix, _ w: Matrix, _ b: Matrix) {
        precondition(
            x.columns == w.rows,
            "Matrix.affine: inner sizes differ (\(x.shapeText) times \(w.shapeText))")
        precondition(
            b.rows == 1 && b.columns == w.columns,
            "Matrix.affine: needs a 1×\(w.columns) bias row, got \(b.shapeText)")
    }

    /// `x̄ = Ȳ Wᵀ`, `W̄ = xᵀ Ȳ`, `b̄ = 1ᵀ Ȳ`.
    @derivative(of: affine)
    public static func _vjpAffine(_ x: Matrix, _ w: Matrix, _ b: Matrix)
        -> (value: Matrix, pullback: (Matrix) -> (Matrix, Matrix, Matrix))
    {
        (affine(x, w, b), zeroAware((.zero, .zero, .zero)) { d in (d.timesTransposed(w), x.transposedTimes(d), d.columnSums()) })
    }
}
