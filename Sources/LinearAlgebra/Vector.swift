/// A column vector of `Double`s with value semantics.
///
/// Indexing is 0-based. Arithmetic between vectors requires equal lengths; a mismatch
/// stops the program with a message naming both lengths (see ``Matrix`` for why).
public struct Vector: Hashable, Sendable, ExpressibleByArrayLiteral, RandomAccessCollection,
    MutableCollection
{
    /// The entries, in order.
    public var elements: [Double]

    public init(_ elements: [Double]) { self.elements = elements }
    public init(arrayLiteral elements: Double...) { self.elements = elements }

    /// A vector of `count` copies of `value`.
    public init(repeating value: Double, count: Int) {
        elements = Array(repeating: value, count: count)
    }

    /// The zero vector of length `count`.
    public static func zeros(_ count: Int) -> Vector { Vector(repeating: 0, count: count) }

    /// The `index`-th standard basis vector `e_index` of length `count`.
    public static func basis(_ index: Int, count: Int) -> Vector {
        var v = zeros(count)
        v[index] = 1
        return v
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }
    public subscript(index: Int) -> Double {
        get { elements[index] }
        set { elements[index] = newValue }
    }
}

extension Vector: CustomStringConvertible {
    public var description: String {
        "[" + elements.map { formatEntry($0) }.joined(separator: ", ") + "]"
    }
}

/// Formats one entry the way matrices and vectors print: shortest round-trip form.
func formatEntry(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
}
