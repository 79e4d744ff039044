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
        /// `i/n` when the report is one shard's (`lemma check --shard i/n`).
        var shard: String?
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
        var kind: ClaimKind
        var label: String
        var status: ClaimStatus
        var actual: String?
        var expected: String?
        var detail: String?
        var seconds: Double?
    }

    /// The report as pretty-printed JSON with sorted keys (stable for diffs).
    public static func make(_ results: [ArticleResult], shard: String? = nil) throws -> Data {
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
            },
            shard: shard)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }

    /// A report that cannot be read back or merged.
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The results a report holds (claims without their columns, which reports omit).
    public static func read(_ data: Data, name: String) throws -> [ArticleResult] {
        struct Versioned: Decodable { var version: Int }
        guard let versioned = try? JSONDecoder().decode(Versioned.self, from: data) else {
            throw ReadError(description: "\(name) is not a lemma report (no version): write it with lemma check --report")
        }
        guard versioned.version == version else {
            throw ReadError(description: "\(name) is a report of version \(versioned.version); this lemma reads version \(version): run lemma check --report again with this lemma")
        }
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: data)
        } catch {
            throw ReadError(description: "\(name) is not a valid report: \(error)")
        }
        return report.articles.map { a in
            ArticleResult(
                path: a.path,
                claims: a.claims.map {
                    ClaimRecord(
                        line: $0.line, kind: $0.kind, label: $0.label, status: $0.status, actual: $0.actual,
                        expected: $0.expected, detail: $0.detail, seconds: $0.seconds)
                },
                diagnostics: a.diagnostics, blocks: a.blocks, inlineValues: a.inlineValues, seconds: a.seconds, cached: a.cached)
        }
    }

    /// The results of several shards' reports as one run's, in article order. An article
    /// in two reports means the shards overlap: an error, never a silent double count.
    public static func merge(_ reports: [(name: String, data: Data)]) throws -> [ArticleResult] {
        var seen: [String: String] = [:]
        var all: [ArticleResult] = []
        for (name, data) in reports {
            for result in try read(data, name: name) {
                if let other = seen[result.path] {
                    throw ReadError(description: "\(result.path) is in both \(other) and \(name): the shards overlap")
                }
                seen[result.path] = name
                all.append(result)
            }
        }
        return all.sorted { $0.path < $1.path }
    }
}
