import Diagnostics

/// The human report of a verification run: one line per problem, then the totals.
public struct Summary: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var errors = 0

    public init(_ results: [ArticleResult]) {
        for r in results {
            passed += r.passed
            failed += r.failed
            errors += r.errors
        }
    }

    /// Whether every claim passed and no article had an error.
    public var isSuccess: Bool { failed == 0 && errors == 0 }

    /// The last line: exactly `N passed, M failed`, with `, K errors` when there are errors.
    public var totalsLine: String {
        var line = "\(passed) passed, \(failed) failed"
        if errors > 0 { line += ", \(errors) error" + (errors == 1 ? "" : "s") }
        return line
    }

    /// One line per claim that did not pass, e.g.
    /// `articles/x.md:12: FAIL T a = b: actual 0.3, expected 0 (difference 0.3, allowed 1e-12)`,
    /// and every diagnostic (errors and warnings) in compiler style.
    public static func problemLines(_ results: [ArticleResult]) -> [String] {
        var lines: [String] = []
        for result in results {
            for d in result.diagnostics { lines.append(d.description) }
            for claim in result.claims where claim.status != .pass {
                var line = "\(result.path):\(claim.line): \(claim.status.rawValue.uppercased())"
                if !claim.label.isEmpty { line += " \(claim.label)" }
                if let actual = claim.actual, let expected = claim.expected, claim.kind != "check" {
                    line += ": \(actual) vs \(expected)"
                }
                if let detail = claim.detail { line += " (\(detail))" }
                lines.append(line)
            }
        }
        return lines
    }
}
