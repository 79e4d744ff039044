import LinearAlgebra

/// How close two numbers must be for `expectClose` to pass:
/// `|actual − expected| ≤ absolute + relative · |expected|`.
///
/// A number literal means an absolute tolerance (`tolerance: 1e-9`, `tolerance: 0`). NaN never passes,
/// whatever the tolerance; two infinities of the same sign are equal.
public struct Tolerance: Hashable, Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The absolute part, `atol`.
    public var absolute: Double
    /// The relative part, `rtol`, scaled by `|expected|`.
    public var relative: Double

    public init(absolute: Double = 0, relative: Double = 0) {
        precondition(absolute >= 0 && relative >= 0, "Tolerance: parts must be non-negative")
        self.absolute = absolute
        self.relative = relative
    }

    public init(floatLiteral value: Double) { self.init(absolute: value) }
    public init(integerLiteral value: Int) { self.init(absolute: Double(value)) }

    /// Only an absolute bound.
    public static func absolute(_ value: Double) -> Tolerance { Tolerance(absolute: value) }
    /// Only a relative bound.
    public static func relative(_ value: Double) -> Tolerance { Tolerance(relative: value) }
    /// The default: `1e-12` absolute plus `1e-9` relative, a few hundred ulps of room for
    /// values of order one.
    public static let standard = Tolerance(absolute: 1e-12, relative: 1e-9)

    /// The allowed difference for a given expected value.
    public func bound(for expected: Double) -> Double { absolute + relative * abs(expected) }

    /// Whether `actual` is within tolerance of `expected`.
    public func accepts(_ actual: Double, _ expected: Double) -> Bool {
        actual.isClose(to: expected, absolute: absolute, relative: relative)
    }

    public var description: String {
        switch (absolute, relative) {
        case (_, 0): "atol \(absolute)"
        case (0, _): "rtol \(relative)"
        default: "atol \(absolute) + rtol \(relative)"
        }
    }
}
