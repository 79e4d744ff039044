import Diagnostics

/// Compares two equally shaped arrays of entries and records the verdict, naming the
/// entry with the largest violation of the tolerance.
private func recordEntrywise(
    kind: ClaimKind, actual: [Double], expected: [Double], shapeMismatch: String?,
    position: (Int) -> String, actualText: String, expectedText: String,
    tolerance: Tolerance, label: String, line: Int, column: Int
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
    ClaimRecorder.shared.claim(
        line: line, column: column, kind: kind, label: label, passed: passed,
        actual: actualText, expected: expectedText, detail: detail)
    return passed
}

/// Records a claim that two vectors agree entry by entry within `tolerance`.
@discardableResult
public func expectClose(
    _ actual: Vector, _ expected: Vector, tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line, column: Int = #column
) -> Bool {
    recordEntrywise(
        kind: .expectClose, actual: actual.elements, expected: expected.elements,
        shapeMismatch: actual.count == expected.count
            ? nil : "lengths differ: \(actual.count) and \(expected.count)",
        position: { "entry \($0)" }, actualText: actual.description,
        expectedText: expected.description, tolerance: tolerance, label: label, line: line, column: column)
}

/// Records a claim that two matrices agree entry by entry within `tolerance`.
@discardableResult
public func expectClose(
    _ actual: Matrix, _ expected: Matrix, tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line, column: Int = #column
) -> Bool {
    let sameShape = actual.rows == expected.rows && actual.columns == expected.columns
    return recordEntrywise(
        kind: .expectClose, actual: actual.elements, expected: expected.elements,
        shapeMismatch: sameShape
            ? nil
            : "shapes differ: \(actual.rows)×\(actual.columns) and \(expected.rows)×\(expected.columns)",
        position: { "(\($0 / max(1, actual.columns)), \($0 % max(1, actual.columns)))" },
        actualText: actual.description, expectedText: expected.description,
        tolerance: tolerance, label: label, line: line, column: column)
}

/// Records a claim that two complex numbers agree: `|a − e| ≤ atol + rtol · |e|` on the
/// modulus of the difference; NaN parts never pass.
@discardableResult
public func expectClose(
    _ actual: Complex<Double>, _ expected: Complex<Double>, tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line, column: Int = #column
) -> Bool {
    expectClose([actual], [expected], tolerance: tolerance, label, line: line, column: column)
}

/// Records a claim that two lists of complex numbers (eigenvalues, say) agree entry by
/// entry, comparing the modulus of each difference with the tolerance.
@discardableResult
public func expectClose(
    _ actual: [Complex<Double>], _ expected: [Complex<Double>], tolerance: Tolerance = .standard,
    _ label: String = "", line: Int = #line, column: Int = #column
) -> Bool {
    let sameCount = actual.count == expected.count
    let differences = sameCount ? zip(actual, expected).map { ($0 - $1).length } : []
    let bounds = sameCount ? expected.map { tolerance.bound(for: $0.length) } : []
    var worst: (Int, Double)?
    for (i, d) in differences.enumerated() where !(d <= bounds[i]) {
        if worst == nil || d - bounds[i] > worst!.1 { worst = (i, d.isNaN ? .infinity : d - bounds[i]) }
    }
    let passed = sameCount && worst == nil
    let detail: String
    if !sameCount {
        detail = "lengths differ: \(actual.count) and \(expected.count)"
    } else if let (i, _) = worst {
        detail = "largest violation at entry \(i): |difference| \(differences[i]), allowed \(bounds[i]) (\(tolerance))"
    } else {
        detail = "largest |difference| \(differences.max() ?? 0) (\(tolerance))"
    }
    func text(_ zs: [Complex<Double>]) -> String { "[" + zs.map(ValueFormat.complex).joined(separator: ", ") + "]" }
    ClaimRecorder.shared.claim(
        line: line, column: column, kind: .expectClose, label: label, passed: passed,
        actual: text(actual), expected: text(expected), detail: detail)
    return passed
}
