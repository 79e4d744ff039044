import Diagnostics
import Foundation

/// `lemma check --report FILE`: every result as JSON, in the versioned shape of DESIGN.md.
public enum JSONReport {
    /// Version of this shape; bump it when a field changes meaning. 2: `summary.errors`
    /// counts error diagnostics only; claims without a verdict are `summary.withoutVerdict`.
    /// 3: claims carry the claim graph's edges (`inputs`, `restsOn`) and may be of kind
    /// `identity`.
    public static let version = 3

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
        /// First code lines of the blocks its inputs come from (claim graph).
        var inputs: [Int]?
        /// Ids of the claims that did not pass on which it rests.
        var restsOn: [String]?
        /// Column of a number claim of the prose.
        var column: Int?
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
                        let edges = r.inputs(of: c)
                        let restsOn = edges?.restsOn.flatMap { line in
                            r.claims.filter { $0.line == line && $0.status != .pass }.map { $0.id(article: r.path) }
                        }
                        return ClaimEntry(
                            id: c.id(article: r.path), article: r.path, line: c.line, kind: c.kind, label: c.label,
                            status: c.status, actual: c.actual, expected: c.expected, detail: c.detail, seconds: c.seconds,
                            inputs: edges?.blocks, restsOn: restsOn, column: c.kind == .prose ? c.column : nil)
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
            var result = ArticleResult(
                path: a.path,
                claims: a.claims.map {
                    ClaimRecord(
                        line: $0.line, column: $0.column, kind: $0.kind, label: $0.label, status: $0.status, actual: $0.actual,
                        expected: $0.expected, detail: $0.detail, seconds: $0.seconds)
                },
                diagnostics: a.diagnostics, blocks: a.blocks, inlineValues: a.inlineValues, seconds: a.seconds, cached: a.cached)
            var edges: [String: ClaimInputs] = [:]
            for claim in a.claims {
                guard let blocks = claim.inputs else { continue }
                let rests = (claim.restsOn ?? []).compactMap { id in a.claims.first { $0.id == id }?.line }
                edges["\(claim.line):\(claim.column ?? 0)"] = ClaimInputs(
                    line: claim.line, column: claim.column, blocks: blocks, restsOn: Array(Set(rests)).sorted())
            }
            result.inputs = edges.values.sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
            return result
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
