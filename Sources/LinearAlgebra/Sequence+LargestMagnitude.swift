extension Sequence where Element == Double {
    /// The largest absolute value: 0 for no values, NaN when any value is NaN (Swift's
    /// `max` would skip a NaN, and a norm or bound computed from it would look fine).
    var largestMagnitude: Double {
        reduce(0) { largest, x in largest.isNaN || x.isNaN ? .nan : Swift.max(largest, abs(x)) }
    }
}
