import RealModule
import _Differentiation

// Entry-wise elementary functions of vectors and matrices, each with its derivative.

/// `eˣ` entry by entry.
@differentiable(reverse)
public func exp(_ v: Vector) -> Vector { Vector(v.elements.map { Double.exp($0) }) }

@derivative(of: exp(_:))
public func _vjpExp(_ v: Vector) -> (value: Vector, pullback: (Vector) -> Vector) {
    let y = exp(v)
    return (y, { d in d.hadamard(y) })
}

/// The natural logarithm entry by entry (NaN for negative entries, −∞ for zeros).
@differentiable(reverse)
public func log(_ v: Vector) -> Vector { Vector(v.elements.map { Double.log($0) }) }

@derivative(of: log(_:))
public func _vjpLog(_ v: Vector) -> (value: Vector, pullback: (Vector) -> Vector) {
    (log(v), { d in Vector(zip(d.elements, v.elements).map { $0 / $1 }) })
}

/// `tanh` entry by entry.
@differentiable(reverse)
public func tanh(_ v: Vector) -> Vector { Vector(v.elements.map { Double.tanh($0) }) }

@derivative(of: tanh(_:))
public func _vjpTanh(_ v: Vector) -> (value: Vector, pullback: (Vector) -> Vector) {
    let y = tanh(v)
    return (y, { d in Vector(zip(d.elements, y.elements).map { $0 * (1 - $1 * $1) }) })
}

/// `eˣ` entry by entry.
@differentiable(reverse)
public func exp(_ m: Matrix) -> Matrix { m.map { Double.exp($0) } }

@derivative(of: exp(_:))
public func _vjpExp(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let y = exp(m)
    return (y, zeroAware(.zero) { d in d.hadamard(y) })
}

/// `tanh` entry by entry.
@differentiable(reverse)
public func tanh(_ m: Matrix) -> Matrix { m.map { Double.tanh($0) } }

@derivative(of: tanh(_:))
public func _vjpTanh(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let y = tanh(m)
    return (y, zeroAware(.zero) { d in d.zipped(y, "tanh pullback") { $0 * (1 - $1 * $1) } })
}

/// The natural logarithm entry by entry (NaN for negative entries, −∞ for zeros).
@differentiable(reverse)
public func log(_ m: Matrix) -> Matrix { m.map { Double.log($0) } }

@derivative(of: log(_:))
public func _vjpLog(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    (log(m), zeroAware(.zero) { d in d.zipped(m, "log pullback") { $0 / $1 } })
}

/// The logistic function `σ(x) = 1 / (1 + e⁻ˣ)` entry by entry, computed without
/// overflow for large `|x|`.
@differentiable(reverse)
public func sigmoid(_ m: Matrix) -> Matrix { m.map(logistic) }

@derivative(of: sigmoid(_:))
public func _vjpSigmoid(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let y = sigmoid(m)
    return (y, zeroAware(.zero) { d in d.zipped(y, "sigmoid pullback") { $0 * $1 * (1 - $1) } })
}

/// `softplus(x) = log(1 + eˣ)` entry by entry, as `max(x, 0) + log1p(e^−|x|)` so that it
/// neither overflows nor loses digits; its derivative is `σ(x)`.
@differentiable(reverse)
public func softplus(_ m: Matrix) -> Matrix {
    m.map { Swift.max($0, 0) + Double.log(onePlus: Double.exp(-abs($0))) }
}

@derivative(of: softplus(_:))
public func _vjpSoftplus(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    (softplus(m), zeroAware(.zero) { d in d.zipped(m, "softplus pullback") { $0 * logistic($1) } })
}

/// `max(x, 0)` entry by entry (NaN stays NaN); its derivative at 0 is taken as 0.
@differentiable(reverse)
public func relu(_ m: Matrix) -> Matrix { VectorReLU.values(m) }

@derivative(of: relu(_:))
public func _vjpRelu(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    (relu(m), zeroAware(.zero) { d in VectorReLU.pullback(d, at: m) })
}

/// The Gaussian error linear unit `x Φ(x)` with the exact normal CDF
/// `Φ(x) = ½(1 + erf(x/√2)) = ½ erfc(−x/√2)` (PyTorch's default, not the tanh
/// approximation), through a vector kernel: within 8 ulp of the scalar formula.
@differentiable(reverse)
public func gelu(_ m: Matrix) -> Matrix { VectorGELU.values(m) }

/// `d/dx [x Φ(x)] = Φ(x) + x φ(x)`; `Φ` is evaluated once per entry for both the value
/// and the derivative.
@derivative(of: gelu(_:))
public func _vjpGelu(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let (value, slope) = VectorGELU.valuesAndSlopes(m)
    return (value, zeroAware(.zero) { d in d.hadamard(slope) })
}

extension Matrix {
    /// Every entry squared.
    @differentiable(reverse)
    public func squared() -> Matrix { map { $0 * $0 } }

    @derivative(of: squared)
    public func _vjpSquared() -> (value: Matrix, pullback: (Matrix) -> Matrix) {
        (squared(), zeroAware(.zero) { d in d.zipped(self, "squared pullback") { 2 * $0 * $1 } })
    }
}

/// `1 / (1 + e⁻ˣ)`, evaluated on the side where the exponential cannot overflow.
@inline(__always)
func logistic(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + Double.exp(-x)) }
    let e = Double.exp(x)
    return e / (1 + e)
}

