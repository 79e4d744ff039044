extension Matrix {
    /// The Frobenius norm `sqrt(Σ mᵢⱼ²)`.
    public var frobeniusNorm: Double { Vector(elements).norm }

    /// The induced 1-norm: the largest absolute column sum.
    public var oneNorm: Double {
        (0..<columns).map { j in (0..<rows).reduce(0) { $0 + abs(self[$1, j]) } }.largestMagnitude
    }

    /// The induced ∞-norm: the largest absolute row sum.
    public var infinityNorm: Double {
        (0..<rows).map { i in (0..<columns).reduce(0) { $0 + abs(self[i, $1]) } }.largestMagnitude
    }

    /// The largest absolute entry (0 for an empty matrix; NaN when an entry is NaN, so that
    /// a bound like `(a - b).maxAbs < tolerance` never holds for NaN results).
    public var maxAbs: Double { elements.largestMagnitude }
}
