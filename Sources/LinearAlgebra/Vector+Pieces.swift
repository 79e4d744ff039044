/// Taking vectors apart and putting them together, keeping the `Vector` type.
///
/// `Vector` is a collection, so `v.map { … }` and `v[1..<3]` give an array and a
/// `Slice` (with the collection's own indices); these give vectors. `slice` and
/// `concatenating` are differentiable (a coupling layer splits and joins its input);
/// `mapped` takes any closure and is not: use `tanh(v)`, `exp(v)`, `log(v)` instead.
extension Vector {
    /// The entries at `range` as a vector of their own (indexed from 0). A range outside
    /// `0..<count` stops the program with both.
    public func slice(_ range: Range<Int>) -> Vector {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= count,
            "Vector.slice: \(range) is outside the \(count) entries")
        return Vector(Array(elements[range]))
    }

    /// The entries of `self` followed by those of `other`.
    public func concatenating(_ other: Vector) -> Vector { Vector(elements + other.elements) }

    /// `f` applied to every entry, as a vector (`map` from `Collection` gives an array).
    public func mapped(_ f: (Double) throws -> Double) rethrows -> Vector { Vector(try elements.map(f)) }
}
