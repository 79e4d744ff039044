extension Vector {
    @inline(__always)
    static func requireSameLength(_ lhs: Vector, _ rhs: Vector, _ operation: String) {
        precondition(
            lhs.count == rhs.count,
            "\(operation): vector lengths differ (\(lhs.count) and \(rhs.count))")
    }

    /// Entry-wise sum. The empty vector is the additive zero (``zero``): adding it to a
    /// vector of any length gives that vector — what automatic differentiation needs.
    public static func + (lhs: Vector, rhs: Vector) -> Vector {
        if lhs.isEmpty { return rhs }
        if rhs.isEmpty { return lhs }
        requireSameLength(lhs, rhs, "Vector +")
        return Vector(zip(lhs.elements, rhs.elements).map { $0 + $1 })
    }

    /// Entry-wise difference; the empty vector acts as zero, as for `+`.
    public static func - (lhs: Vector, rhs: Vector) -> Vector {
        if rhs.isEmpty { return lhs }
        if lhs.isEmpty { return -rhs }
        requireSameLength(lhs, rhs, "Vector -")
        return Vector(zip(lhs.elements, rhs.elements).map { $0 - $1 })
    }

    public static prefix func - (v: Vector) -> Vector { Vector(v.elements.map { -$0 }) }

    public static func * (scalar: Double, v: Vector) -> Vector {
        Vector(v.elements.map { scalar * $0 })
    }

    public static func * (v: Vector, scalar: Double) -> Vector { scalar * v }

    public static func / (v: Vector, scalar: Double) -> Vector {
        Vector(v.elements.map { $0 / scalar })
    }

    public static func += (lhs: inout Vector, rhs: Vector) { lhs = lhs + rhs }
    public static func -= (lhs: inout Vector, rhs: Vector) { lhs = lhs - rhs }

    /// The inner product `Σ uᵢ vᵢ`.
    public func dot(_ other: Vector) -> Double {
        Vector.requireSameLength(self, other, "Vector.dot")
        var sum = 0.0
        for i in 0..<count { sum += elements[i] * other.elements[i] }
        return sum
    }

    /// The Euclidean norm `‖v‖₂`, computed without overflow for large entries; NaN when an
    /// entry is NaN.
    public var norm: Double {
        let largest = elements.largestMagnitude
        guard largest > 0, largest.isFinite else { return largest }
        // A power of two, so scaling is exact.
        let scale = Double(sign: .plus, exponent: largest.exponent, significand: 1)
        let sum = elements.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }
        return scale * sum.squareRoot()
    }

    /// This vector divided by its Euclidean norm.
    public var normalized: Vector { self / norm }

    /// The outer product `u vᵀ`.
    public func outer(_ other: Vector) -> Matrix {
        var m = Matrix.zeros(count, other.count)
        for i in 0..<count {
            for j in 0..<other.count { m[i, j] = elements[i] * other.elements[j] }
        }
        return m
    }
}
