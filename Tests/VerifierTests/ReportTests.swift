import Diagnostics
import Foundation
import Testing
@testable import Verifier

@Suite struct ReportTests {
    let results = [
        ArticleResult(
            path: "articles/a.md",
            claims: [
                ClaimRecord(line: 5, kind: .check, label: "ok", status: .pass, seconds: 0.01),
                ClaimRecord(line: 6, kind: .expectClose, label: "x < y", status: .fail, actual: "1", expected: "2", detail: "difference 1"),
                ClaimRecord(line: 9, kind: .check, label: "", status: .timeout, detail: "not reached"),
            ]),
        ArticleResult(
            path: "articles/b.md",
            diagnostics: [Diagnostic(.error, id: "compile.error", at: SourceLocation(file: "articles/b.md", line: 4, column: 2), "bad, really")]),
    ]

    @Test func jsonReportHasVersionTotalsAndClaimIds() throws {
        let data = try JSONReport.make(results)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? Int == 3)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["passed": 1, "failed": 1, "withoutVerdict": 1, "errors": 1])
        let articles = try #require(json["articles"] as? [[String: Any]])
        let claims = try #require(articles[0]["claims"] as? [[String: Any]])
        #expect(claims.map { $0["id"] as? String } == ["articles/a.md:5:ok", "articles/a.md:6:x < y", "articles/a.md:9"])
        #expect(claims[1]["status"] as? String == "fail")
    }

    /// A merged or re-read report keeps the claim graph, so `lemma report merge` still says
    /// what rests on what.
    @Test func theClaimGraphSurvivesAReadBack() throws {
        var result = results[0]
        result.inputs = [
            ClaimInputs(line: 6, blocks: [4], restsOn: []),
            ClaimInputs(line: 9, blocks: [4, 8], restsOn: [6]),
        ]
        let read = try JSONReport.read(try JSONReport.make([result]), name: "r.json")
        #expect(read.first?.inputs == result.inputs)
        #expect(read.first.map { $0.restsOn($0.claims[2]) } == [6])
    }

    @Test func junitHasOneTestCasePerClaimAndEscapes() {
        let xml = JUnitReport.make(results)
        #expect(xml.contains("<testsuites name=\"lemma\" tests=\"4\" failures=\"1\" errors=\"2\">"))
        #expect(xml.contains("<testcase classname=\"articles/a.md\" name=\"articles/a.md:5 ok\""))
        #expect(xml.contains("name=\"articles/a.md:6 x &lt; y\""))
        #expect(xml.contains("<failure message=\"difference 1\">actual: 1\nexpected: 2\ndifference 1</failure>"))
        #expect(xml.contains("<error type=\"timeout\""))
        #expect(xml.contains("name=\"articles/b.md:4 compile.error\""))
    }

    @Test func githubAnnotationsPointAtLines() {
        let lines = GitHubAnnotations.lines(results)
        #expect(lines.contains("::error file=articles/a.md,line=6::FAIL x < y (difference 1)"))
        #expect(lines.contains("::error file=articles/b.md,line=4,col=2::bad, really [compile.error]"))
        #expect(lines.count == 3)
    }

    /// Splits `text` fed in chunks of `chunk` bytes.
    static func split(_ text: String, chunk: Int, limit: Int = 1 << 20) -> [Int: BlockOutput] {
        var splitter = BlockOutputSplitter(blockLimit: limit)
        let bytes = Array(text.utf8)
        var k = 0
        while k < bytes.count {
            let piece = Array(bytes[k..<min(bytes.count, k + chunk)])
            piece.withUnsafeBytes { splitter.append($0) }
            k += chunk
        }
        return splitter.finish()
    }

    @Test(arguments: [1, 2, 3, 7, 1000])
    func stdoutIsSplitByBlockMarkersWhateverTheChunks(chunk: Int) {
        let out = ClaimEvent.stdoutMarker(line: 5) + "a\nb\n" + ClaimEvent.stdoutMarker(line: 9)
            + ClaimEvent.stdoutMarker(line: 12) + "c, no newline" + ClaimEvent.stdoutMarker(line: 14) + "\u{1}not a marker\n"
        let split = Self.split(out, chunk: chunk).mapValues(\.text)
        #expect(split == [5: "a\nb\n", 9: "", 12: "c, no newline", 14: "\u{1}not a marker\n"])
    }

    @Test func endlessOutputIsCutPerBlockAndLaterBlocksKeepTheirs() {
        let flood = String(repeating: "x", count: 5000)
        let out = ClaimEvent.stdoutMarker(line: 5) + flood + ClaimEvent.stdoutMarker(line: 9) + "ok\n"
        let split = Self.split(out, chunk: 333, limit: 1000)
        #expect(split[5]?.text == String(repeating: "x", count: 1000))
        #expect(split[5]?.droppedBytes == 4000)
        #expect(split[9] == BlockOutput(text: "ok\n", droppedBytes: 0))
    }

    @Test func workflowCommandsInPlainLinesAreNeutralised() {
        let line = "articles/a.md:3: FAIL x\n::stop-commands::token\n  ::error file=a::injected\nok :: fine"
        let plain = GitHubAnnotations.plain(line)
        let physical = plain.split(separator: "\n")
        #expect(physical.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("::") })
        #expect(physical[3] == "ok :: fine")
        #expect(plain.replacingOccurrences(of: "\u{200B}", with: "") == line)
    }

    @Test func outputComparisonIgnoresTrailingWhitespaceOnly() {
        #expect(ResultAssembly.normalise("a  \nb\t\n\n\n") == "a\nb")
        #expect(ResultAssembly.normalise(" a") == " a")
    }

    @Test func stableHashIsStableAndSensitive() {
        var h1 = StableHash(), h2 = StableHash(), h3 = StableHash()
        h1.combine("ab"); h1.combine("c")
        h2.combine("ab"); h2.combine("c")
        h3.combine("a"); h3.combine("bc")
        #expect(h1.hex == h2.hex)
        #expect(h1.hex != h3.hex)
        #expect(h1.hex.count == 32)
    }
}
