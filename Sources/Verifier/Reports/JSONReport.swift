import Diagnostics
import Foundation

/// `lemma check --report FILE`: every result as JSON, in the versioned shape of DESIGN.md.
public enum JSONReport {
    /// Version of this shape; bump it when a field changes meaning. 2: `summary.errors`
    /// counts error diagnostics only; claims without a verdict are `summary.withoutVerdict`.
    public static let version = 2

    struct Report: Codable {
        var version: Int
        var summary: Totals
        var articles: [ArticleEntry]
    }

    struct Totals: Codable {
        var passed: Int
        var failed: Int
        var withoutVerdict: Int
        var errors: Int
    }

    struct ArticleEntry: Codable {
        var path: String
        var cached: Bool
        var seconds: Double
        var diagnostics: [Diagnostic]
        var inlineValues: [String?]
        var blocks: [BlockResult]
        var claims: [ClaimEntry]
    }

    struct ClaimEntry: Codable {
        var id: String
        var article: String
        var line: Int
        var kind: String
        var label: String
        var status: ClaimStatus
        var actual: String?
        var expected: String?
        var detail: String?
        var seconds: Double?
    }

    /// The report as pretty-printed JSON with sorted keys (stable for diffs).
    public static func make(_ results: [ArticleResult]) throws -> Data {
        let summary = Summary(results)
        let report = Report(
            version: version,
            summary: Totals(
                passed: summary.passed, failed: summary.failed, withoutVerdict: summary.withoutVerdict,
                errors: summary.errors),
            articles: results.map { r in
                ArticleEntry(
                    path: r.path, cached: r.cached, seconds: r.seconds, diagnostics: r.diagnostics,
                    inlineValues: r.inlineValues, blocks: r.blocks,
                    claims: r.claims.map { c in
                        ClaimEntry(
                            id: c.id(article: r.path), article: r.path, line: c.line, kind: c.kind, label: c.label,
                            status: c.status, actual: c.actual, expected: c.expected, detail: c.detail, seconds: c.seconds)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }
}
