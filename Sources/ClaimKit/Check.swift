import Diagnostics

/// Records a claim that `condition` holds, at the article line of the call.
///
/// - Parameters:
///   - condition: the statement the prose makes, as a Swift expression.
///   - label: a short name shown beside the verdict.
///   - line: the article line, filled in by the compiler: leave it out.
///   - column: the column, filled in by the compiler: leave it out.
/// - Returns: whether the claim passed, so that later code can depend on it.
@discardableResult
public func check(_ condition: Bool, _ label: String = "", line: Int = #line, column: Int = #column) -> Bool {
    ClaimRecorder.shared.claim(
        line: line, column: column, kind: .check, label: label, passed: condition,
        detail: condition ? nil : "the condition is false")
    return condition
}

/// Records a claim that `actual` equals `expected` within `tolerance`
/// (`|actual − expected| ≤ atol + rtol · |expected|`; NaN never passes).
@discardableResult
public func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line, column: Int = #column
) -> Bool {
    let passed = tolerance.accepts(actual, expected)
    let difference = abs(actual - expected)
    ClaimRecorder.shared.claim(
        line: line, column: column, kind: .expectClose, label: label, passed: passed,
        actual: "\(actual)", expected: "\(expected)",
        detail: "difference \(difference), allowed \(tolerance.bound(for: expected)) (\(tolerance))")
    return passed
}
