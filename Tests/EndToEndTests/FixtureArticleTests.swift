import Foundation
import Testing
import Verifier

/// Whole-article fixtures: `Fixtures/<case>/article.md` beside `expected.txt`, the verdicts
/// and diagnostics it must produce, one per line. `LEMMA_RECORD=1 swift test` rewrites
/// the expected files (review the diff before committing).
@Suite struct FixtureArticleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// The report a fixture is compared with: claims in order (with why a claim that did
    /// not run is an error: `not run` or `not reached`; with the lines of the claims it
    /// rests on that did not pass), then diagnostics (with the summary
    /// of how a run stopped).
    static func transcript(_ result: ArticleResult) -> String {
        var lines = result.claims.map { claim in
            var line = "claim \(claim.line) \(claim.status.rawValue) \(claim.kind) \(claim.label)"
            if claim.status == .error || claim.status == .timeout, let detail = claim.detail,
                let why = detail.split(separator: ":").first
            {
                line += " (\(why))"
            }
            let restsOn = result.restsOn(claim)
            if !restsOn.isEmpty { line += " [rests on \(restsOn.map(String.init).joined(separator: ", "))]" }
            return line
        }
        lines += result.diagnostics.map { d in
            "diagnostic \(d.location.line) \(d.severity.rawValue) \(d.id)" + (d.id.hasPrefix("run.") ? ": \(d.summary)" : "")
        }
        let summary = Summary([result])
        lines.append(summary.totalsLine)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: cases)
    func fixture(name: String) throws {
        let directory = Self.folder.appendingPathComponent(name)
        var text = try String(contentsOf: directory.appendingPathComponent("article.md"), encoding: .utf8)
        if name == "windows-line-endings" { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        let site = try TemporarySite(["\(name).md": text])
        defer { site.remove() }
        let result = try #require(try site.verify().first)
        let actual = Self.transcript(result)
        let expectedFile = directory.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["LEMMA_RECORD"] == "1" {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected, "fixture \(name)")
    }

    @Test func failingPropertyReportsItsCaseAndInputs() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("failing-property/article.md"), encoding: .utf8)
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        let claim = try #require(try site.verify().first?.claims.first)
        let detail = try #require(claim.detail)
        #expect(detail.hasPrefix("case "))
        #expect(detail.contains("(seed "))
        #expect(detail.contains("inputs: uniform(-2, 2) = "))
        // The reported input really fails the property.
        let value = try #require(Double(detail.components(separatedBy: "uniform(-2, 2) = ").last ?? ""))
        #expect(value * value >= 2)
    }

    @Test func outputMismatchThenPromote() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("output-mismatch/article.md"), encoding: .utf8)
        let site = try TemporarySite(["out.md": text])
        defer { site.remove() }
        let first = try site.lemma(["check", "--quiet"])
        #expect(first.status == 1)
        #expect(first.stdout.contains("articles/out.md:8: FAIL output"))
        #expect(first.stdout.contains("line 3 of the output differs: printed 'k = 3', expected 'k = 4'"))

        let promoted = try site.lemma(["check", "--promote"])
        #expect(promoted.status == 0)
        #expect(promoted.stderr.contains("promoted 1 output block in articles/out.md"))
        let rewritten = try String(contentsOf: site.root.appendingPathComponent("articles/out.md"), encoding: .utf8)
        #expect(rewritten == text.replacingOccurrences(of: "k = 4", with: "k = 3"))

        let again = try site.lemma(["check", "--quiet", "--no-cache"])
        #expect(again.status == 0)
        #expect(again.stdout == "2 passed, 0 failed\n")
    }

    @Test func promoteKeepsWindowsLineEndings() throws {
        let text = "---\r\ntitle: T\r\n---\r\n```swift check\r\nprint(\"new\")\r\n```\r\n\r\n```output\r\nold\r\n```\r\nTail.\r\n"
        let site = try TemporarySite(["w.md": text])
        defer { site.remove() }
        _ = try site.lemma(["check", "--promote", "--quiet"])
        let rewritten = try String(contentsOf: site.root.appendingPathComponent("articles/w.md"), encoding: .utf8)
        #expect(rewritten == text.replacingOccurrences(of: "\r\nold\r\n", with: "\r\nnew\r\n"))
    }
}
