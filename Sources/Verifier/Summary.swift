import Diagnostics
import Foundation

/// The human report of a verification run: one line per problem, then the totals.
public struct Summary: Sendable, Equatable {
    /// Claims that passed.
    public var passed = 0
    /// Claims that failed.
    public var failed = 0
    /// Claims without a verdict (not reached, not run, out of time): counted apart from
    /// ``errors``, so one crash that leaves ten claims unreached reads as what it is.
    public var withoutVerdict = 0
    /// Error diagnostics (front matter, compile errors, programs that stopped).
    public var errors = 0

    public init(_ results: [ArticleResult]) {
        for r in results {
            passed += r.passed
            failed += r.failed
            withoutVerdict += r.withoutVerdict
            errors += r.errorDiagnostics
        }
    }

    /// Whether every claim passed and no article had an error.
    public var isSuccess: Bool { failed == 0 && withoutVerdict == 0 && errors == 0 }

    /// The last line: exactly `N passed, M failed`, then `, J without verdict` and
    /// `, K errors` when there are any.
    public var totalsLine: String {
        var line = "\(passed) passed, \(failed) failed"
        if withoutVerdict > 0 { line += ", \(withoutVerdict) without verdict" }
        if errors > 0 { line += ", \(errors) error" + (errors == 1 ? "" : "s") }
        return line
    }

    /// One line per claim that did not pass, e.g.
    /// `articles/x.md:12: FAIL T a = b: actual 0.3, expected 0 (difference 0.3, allowed 1e-12)`,
    /// and every diagnostic (errors and warnings) in compiler style — within an article in
    /// order of line and column. Anything longer than a line (a matrix, an explanation)
    /// continues on lines indented by four spaces, so every line that starts at the margin
    /// starts with `file:line:`.
    public static func problemLines(_ results: [ArticleResult]) -> [String] {
        var lines: [String] = []
        for result in results {
            var entries: [(line: Int, column: Int, text: String)] = result.diagnostics.map {
                ($0.location.line, $0.location.column ?? 0, $0.description)
            }
            for claim in result.claims where claim.status != .pass {
                let at = "\(result.path):\(claim.line)" + (claim.column.map { ":\($0)" } ?? "")
                if claim.kind == .prose {
                    // `articles/x.md:12:31: FAIL the text says 0.382, the computation gives 0.3827 (allowed ±0.0005)`
                    entries.append((claim.line, claim.column ?? 0, "\(at): \(claim.status.rawValue.uppercased()) \(claim.detail ?? claim.label)"))
                    continue
                }
                if claim.kind == .identity {
                    // `articles/x.md:17:19: FAIL a + b = b - a: fails at a = 0.81, b = 0.08: the left side is …`
                    let detail = claim.detail.map { ": " + $0 } ?? ""
                    entries.append((claim.line, claim.column ?? 0, "\(at): \(claim.status.rawValue.uppercased()) \(claim.label)\(detail)"))
                    continue
                }
                var line = "\(result.path):\(claim.line): \(claim.status.rawValue.uppercased())"
                if !claim.label.isEmpty { line += " \(claim.label)" }
                if let actual = claim.actual, let expected = claim.expected, claim.kind.comparesValues {
                    line += ": \(actual) vs \(expected)"
                }
                if let detail = claim.detail { line += " (\(detail))" }
                let restsOn = result.restsOn(claim)
                if !restsOn.isEmpty {
                    line += "\n    rests on " + restsOn.map { "\(result.path):\($0)" }.joined(separator: ", ") + ", which did not pass: fix that first"
                }
                entries.append((claim.line, claim.column ?? 0, line))
            }
            // A stable sort keeps diagnostics before claims on the same line and column.
            for entry in entries.enumerated().sorted(by: { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }) {
                let parts = entry.element.text.split(separator: "\n", omittingEmptySubsequences: false)
                lines.append(String(parts[0]))
                for part in parts.dropFirst() where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                    lines.append(part.hasPrefix("    ") ? String(part) : "    " + part)
                }
            }
        }
        return lines
    }
}
