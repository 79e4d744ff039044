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
    return (y, { d in d.hadamard(y) })
}

/// `tanh` entry by entry.
@differentiable(reverse)
public func tanh(_ m: Matrix) -> Matrix { m.map { Double.tanh($0) } }

@derivative(of: tanh(_:))
public func _vjpTanh(_ m: Matrix) -> (value: Matrix, pullback: (Matrix) -> Matrix) {
    let y = tanh(m)
    return (y, { d in d.zipped(y, "tanh pullback") { $0 * (1 - $1 * $1) } })
}
