import _Differentiation

/// `Vector` is its own tangent space; the empty vector is the zero tangent.
extension Vector: Differentiable, AdditiveArithmetic {
    public typealias TangentVector = Vector
    public static var zero: Vector { Vector([]) }
    public mutating func move(by offset: Vector) { self = self + offset }
}

extension Vector {
    /// Entry `i`, differentiably: the pullback puts the cotangent at position `i`.
    @differentiable(reverse)
    public func component(_ i: Int) -> Double { elements[i] }

    @derivative(of: component)
    public func _vjpComponent(_ i: Int) -> (value: Double, pullback: (Double) -> Vector) {
        let n = count
        return (elements[i], { d in var g = Vector.zeros(n); g[i] = d; return g })
    }

    /// The sum of the entries.
    @differentiable(reverse)
    public func sum() -> Double { elements.reduce(0, +) }

    @derivative(of: sum)
    public func _vjpSum() -> (value: Double, pullback: (Double) -> Vector) {
        let n = count
        return (sum(), { d in Vector(repeating: d, count: n) })
    }

    /// Entry-wise product.
    @differentiable(reverse)
    public func hadamard(_ other: Vector) -> Vector {
        Vector.requireSameLength(self, other, "Vector.hadamard")
        return Vector(zip(elements, other.elements).map { $0 * $1 })
    }

    @derivative(of: hadamard)
    public func _vjpHadamard(_ other: Vector) -> (value: Vector, pullback: (Vector) -> (Vector, Vector)) {
        (hadamard(other), { d in (d.hadamard(other), d.hadamard(self)) })
    }
}

// Derivatives of the arithmetic in Vector+Arithmetic.swift.
extension Vector {
    @derivative(of: +)
    public static func _vjpAdd(_ lhs: Vector, _ rhs: Vector) -> (value: Vector, pullback: (Vector) -> (Vector, Vector)) {
        (lhs + rhs, { d in (d, d) })
    }

    @derivative(of: -)
    public static func _vjpSubtract(_ lhs: Vector, _ rhs: Vector) -> (value: Vector, pullback: (Vector) -> (Vector, Vector)) {
        (lhs - rhs, { d in (d, -d) })
    }

    @derivative(of: -)
    public static func _vjpNegate(_ v: Vector) -> (value: Vector, pullback: (Vector) -> Vector) {
        (-v, { d in -d })
    }

    @derivative(of: *)
    public static func _vjpScale(_ scalar: Double, _ v: Vector) -> (value: Vector, pullback: (Vector) -> (Double, Vector)) {
        (scalar * v, { d in (d.dot(v), scalar * d) })
    }

    @derivative(of: *)
    public static func _vjpScaleRight(_ v: Vector, _ scalar: Double) -> (value: Vector, pullback: (Vector) -> (Vector, Double)) {
        (v * scalar, { d in (scalar * d, d.dot(v)) })
    }

    @derivative(of: /)
    public static func _vjpDivide(_ v: Vector, _ scalar: Double) -> (value: Vector, pullback: (Vector) -> (Vector, Double)) {
        let value = v / scalar
        return (value, { d in (d / scalar, -d.dot(value) / scalar) })
    }

    @derivative(of: dot)
    public func _vjpDot(_ other: Vector) -> (value: Double, pullback: (Double) -> (Vector, Vector)) {
        (dot(other), { d in (d * other, d * self) })
    }

    @derivative(of: norm)
    public func _vjpNorm() -> (value: Double, pullback: (Double) -> Vector) {
        let n = norm
        // d‖v‖ = vᵀ dv / ‖v‖; at v = 0 the subgradient 0 is used.
        return (n, { d in n == 0 ? Vector.zeros(self.count) : (d / n) * self })
    }
}

extension Vector {
    /// The pullback of ``slice(_:)`` puts the cotangent back at `range` among zeros.
    @derivative(of: slice)
    public func _vjpSlice(_ range: Range<Int>) -> (value: Vector, pullback: (Vector) -> Vector) {
        let n = count
        return (slice(range), { g in
            guard !g.isEmpty else { return .zero }
            var entries = [Double](repeating: 0, count: n)
            entries.replaceSubrange(range, with: g.elements)
            return Vector(entries)
        })
    }

    /// The pullback of ``concatenating(_:)`` splits the cotangent where the two parts met.
    @derivative(of: concatenating)
    public func _vjpConcatenating(_ other: Vector) -> (value: Vector, pullback: (Vector) -> (Vector, Vector)) {
        let n = count
        return (concatenating(other), { g in
            guard !g.isEmpty else { return (.zero, .zero) }
            return (Vector(Array(g.elements[..<n])), Vector(Array(g.elements[n...])))
        })
    }
}
