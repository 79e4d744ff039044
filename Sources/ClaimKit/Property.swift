import Diagnostics
import LinearAlgebra

/// The random source of one case of a ``property(_:cases:seed:line:column:_:)``: every value drawn
/// through it is remembered, so a failing case can be reported with its inputs.
public final class PropertyCase {
    /// The underlying seeded generator, for draws not listed here (they are not recorded).
    public var generator: SeededGenerator
    /// The draws of this case, in order, as `name = value`.
    public private(set) var inputs: [String] = []

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    private func remember<T>(_ name: String, _ value: T) -> T {
        inputs.append("\(name) = \(ValueFormat.inline(value))")
        return value
    }

    /// A double uniform in `[lower, upper)`.
    public func uniform(_ lower: Double = 0, _ upper: Double = 1) -> Double {
        remember("uniform(\(ValueFormat.number(lower)), \(ValueFormat.number(upper)))", generator.uniform(lower, upper))
    }

    /// A standard normal double.
    public func normal() -> Double { remember("normal()", generator.normal()) }

    /// An integer uniform in `range`.
    public func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return remember("int(in: \(range))", range.lowerBound + Int(generator.next() % span))
    }

    /// A vector of standard normal entries.
    public func vector(_ count: Int) -> Vector {
        remember("vector(\(count))", Vector.randomNormal(count, using: &generator))
    }

    /// A vector uniform on the unit sphere.
    public func unitVector(_ count: Int) -> Vector {
        remember("unitVector(\(count))", Vector.randomUnit(count, using: &generator))
    }

    /// A matrix of standard normal entries.
    public func matrix(_ rows: Int, _ columns: Int) -> Matrix {
        let m = Matrix.randomNormal(rows, columns, using: &generator)
        inputs.append("matrix(\(rows), \(columns)) = \(ValueFormat.inline(m))")
        return m
    }
}

/// A randomized claim: `body` must return `true` for each of `cases` cases, each drawing
/// its inputs from its own seeded ``PropertyCase`` (case `k` uses seed `seed + k`), so the
/// same article checks the same cases on every run. The first failing case is reported
/// with its number and inputs, and no further cases run. A property of fewer than one case
/// checks nothing and fails.
@discardableResult
public func property(
    _ label: String, cases: Int = 1000, seed: UInt64 = 0x1E_33A, line: Int = #line, column: Int = #column,
    _ body: (PropertyCase) throws -> Bool
) -> Bool {
    guard cases >= 1 else {
        ClaimRecorder.shared.claim(
            line: line, column: column, kind: .property, label: label, passed: false,
            detail: "cases: \(cases) checks nothing; a property needs at least one case")
        return false
    }
    for k in 0..<cases {
        let c = PropertyCase(seed: seed &+ UInt64(k))
        let outcome: Result<Bool, Error> = Result { try body(c) }
        let passed = (try? outcome.get()) ?? false
        if !passed {
            var detail = "case \(k + 1) of \(cases) (seed \(seed &+ UInt64(k))) "
            if case let .failure(error) = outcome { detail += "threw \(error)" } else { detail += "is false" }
            if !c.inputs.isEmpty { detail += "; inputs: " + c.inputs.joined(separator: ", ") }
            ClaimRecorder.shared.claim(line: line, column: column, kind: .property, label: label, passed: false, detail: detail)
            return false
        }
    }
    ClaimRecorder.shared.claim(line: line, column: column, kind: .property, label: label, passed: true, detail: "\(cases) cases")
    return true
}
