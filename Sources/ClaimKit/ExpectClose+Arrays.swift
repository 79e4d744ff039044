import Diagnostics

/// Compares two equally shaped arrays of entries and records the verdict, naming the
/// entry with the largest violation of the tolerance.
private func recordEntrywise(
    kind: String, actual: [Double], expected: [Double], shapeMismatch: String?,
    position: (Int) -> String, actualText: String, expectedText: String,
    tolerance: Tolerance, label: String, line: Int
) -> Bool {
    var worst: (index: Int, excess: Double, difference: Double)?
    var passed = shapeMismatch == nil
    if passed {
        for i in actual.indices where !tolerance.accepts(actual[i], expected[i]) {
            passed = false
            let difference = abs(actual[i] - expected[i])
            let excess = difference.isNaN ? .infinity : difference - tolerance.bound(for: expected[i])
            if worst == nil || excess > worst!.excess { worst = (i, excess, difference) }
        }
    }
    let largest = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
    let detail: String
    if let shapeMismatch {
        detail = shapeMismatch
    } else if let worst {
        detail = "largest violation at \(position(worst.index)): difference \(worst.difference), "
            + "allowed \(tolerance.bound(for: expected[worst.index])) (\(tolerance))"
    } else {
        detail = "largest difference \(largest) (\(tolerance))"
    }
    ClaimRecorder.shared.record(
        ClaimEvent(
            event: .claim,
            claim: ClaimRecord(
                line: line, kind: kind, label: label, status: passed ? .pass : .fail,
                actual: actualText, expected: expectedText, detail: detail)))
    return passed
}

/// Records a claim that two vectors agree entry by entry within `tolerance`.
@discardableResult
public func expectClose(
    _ actual: Vector, _ expected: Vector, tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line
) -> Bool {
    recordEntrywise(
        kind: "expectClose", actual: actual.elements, expected: expected.elements,
        shapeMismatch: actual.count == expected.count
            ? nil : "lengths differ: \(actual.count) and \(expected.count)",
        position: { "entry \($0)" }, actualText: actual.description,
        expectedText: expected.description, tolerance: tolerance, label: label, line: line)
}

/// Records a claim that two matrices agree entry by entry within `tolerance`.
@discardableResult
public func expectClose(
    _ actual: Matrix, _ expected: Matrix, tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line
) -> Bool {
    let sameShape = actual.rows == expected.rows && actual.columns == expected.columns
    return recordEntrywise(
        kind: "expectClose", actual: actual.elements, expected: expected.elements,
        shapeMismatch: sameShape
            ? nil
            : "shapes differ: \(actual.rows)×\(actual.columns) and \(expected.rows)×\(expected.columns)",
        position: { "(\($0 / max(1, actual.columns)), \($0 % max(1, actual.columns)))" },
        actualText: actual.description, expectedText: expected.description,
        tolerance: tolerance, label: label, line: line)
}
