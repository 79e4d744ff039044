infix operator ≈ : ComparisonPrecedence

extension Double {
    /// Whether `|self − expected| ≤ absolute + relative · |expected|`. NaN is never close
    /// to anything (itself included); an infinity is close only to the same infinity.
    @inlinable
    public func isClose(to expected: Double, absolute: Double, relative: Double = 0) -> Bool {
        if isNaN || expected.isNaN { return false }
        if self == expected { return true }
        if isInfinite || expected.isInfinite { return false }
        return abs(self - expected) <= absolute + relative * abs(expected)
    }
}

extension Matrix {
    /// Whether the shapes agree and every entry is within `absolute + relative · |other|`.
    public func isApproximatelyEqual(to other: Matrix, absoluteTolerance: Double, relativeTolerance: Double = 0) -> Bool {
        rows == other.rows && columns == other.columns
            && zip(elements, other.elements).allSatisfy {
                $0.isClose(to: $1, absolute: absoluteTolerance, relative: relativeTolerance)
            }
    }

    /// `isApproximatelyEqual` with the default tolerance: `1e-12` absolute plus `1e-9`
    /// relative. Spell the tolerance out with `isApproximatelyEqual` where it matters.
    public static func ≈ (lhs: Matrix, rhs: Matrix) -> Bool {
        lhs.isApproximatelyEqual(to: rhs, absoluteTolerance: 1e-12, relativeTolerance: 1e-9)
    }
}

extension Vector {
    /// Whether the lengths agree and every entry is within `absolute + relative · |other|`.
    public func isApproximatelyEqual(to other: Vector, absoluteTolerance: Double, relativeTolerance: Double = 0) -> Bool {
        count == other.count
            && zip(elements, other.elements).allSatisfy {
                $0.isClose(to: $1, absolute: absoluteTolerance, relative: relativeTolerance)
            }
    }

    /// `isApproximatelyEqual` with `1e-12` absolute plus `1e-9` relative tolerance.
    public static func ≈ (lhs: Vector, rhs: Vector) -> Bool {
        lhs.isApproximatelyEqual(to: rhs, absoluteTolerance: 1e-12, relativeTolerance: 1e-9)
    }
}
