import Diagnostics

/// Records a claim that `condition` holds, at the article line of the call.
///
/// - Parameters:
///   - condition: the statement the prose makes, as a Swift expression.
///   - label: a short name shown beside the verdict.
/// - Returns: whether the claim passed, so that later code can depend on it.
@discardableResult
public func check(_ condition: Bool, _ label: String = "", line: Int = #line) -> Bool {
    ClaimRecorder.shared.record(
        ClaimEvent(
            event: .claim,
            claim: ClaimRecord(
                line: line, kind: "check", label: label, status: condition ? .pass : .fail,
                actual: String(condition), expected: "true",
                detail: condition ? nil : "the condition is false")))
    return condition
}

/// Records a claim that `actual` equals `expected` within `tolerance`
/// (`|actual − expected| ≤ atol + rtol · |expected|`; NaN never passes).
@discardableResult
public func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line
) -> Bool {
    let passed = tolerance.accepts(actual, expected)
    let difference = abs(actual - expected)
    ClaimRecorder.shared.record(
        ClaimEvent(
            event: .claim,
            claim: ClaimRecord(
                line: line, kind: "expectClose", label: label, status: passed ? .pass : .fail,
                actual: "\(actual)", expected: "\(expected)",
                detail: "difference \(difference), allowed \(tolerance.bound(for: expected)) (\(tolerance))")))
    return passed
}
