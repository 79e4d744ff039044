import Foundation
import Testing
import Verifier

/// Numbers in the prose (`` `0.382 ≈ expr` ``) are claims: never a pass for a number the
/// computation does not give at the precision written, nor for one that never ran.
@Suite struct ProseNumberClaimTests {
    func verdicts(_ prose: String, block: String = "let x = 0.38196601125") throws -> [(String, String)] {
        let site = try TemporarySite(["p.md": "---\ntitle: P\n---\n```swift check\n\(block)\n```\n\n\(prose)\n"])
        defer { site.remove() }
        let result = try #require(try site.verify().first)
        return result.claims.filter { $0.kind == .prose }.map { ($0.status.rawValue, $0.detail ?? "") }
    }

    @Test func theWrittenPrecisionDecides() throws {
        let v = try verdicts("`0.382 ≈ x`, `0.38 ≈ x`, `0.3821 ≈ x`, `0.381 ≈ x`, `0.4 ≈ x`, `0.38197 ~= x`")
        #expect(v.map(\.0) == ["pass", "pass", "fail", "fail", "pass", "pass"])
        #expect(v[2].1 == "the text says 0.3821, the computation gives 0.3819660113 (allowed ±5e-05)")
    }

    @Test func nonNumbersAndNaNFail() throws {
        let v = try verdicts("`1 ≈ \"1\"`, `0 ≈ Double.nan`, `1 ≈ Double.infinity`, `3 ≈ 3`")
        #expect(v.map(\.0) == ["fail", "fail", "fail", "pass"])
        #expect(v[0].1.contains("gives a String, not a number"))
    }

    /// They run after the last block: a crash before leaves them not reached, never passed.
    @Test func aCrashLeavesThemNotReached() throws {
        let v = try verdicts("`0.382 ≈ x`", block: "let x = 0.382\nlet a: [Int] = []\nprint(a[1])")
        #expect(v.map(\.0) == ["error"])
        #expect(v[0].1.hasPrefix("not reached"))
    }

    @Test func theFailureLineNamesTheColumnAndBothNumbers() throws {
        let site = try TemporarySite(["p.md": "---\ntitle: P\n---\n```swift check\nlet x = 0.3827\n```\n\nThe ratio is `0.382 ≈ x`.\n"])
        defer { site.remove() }
        let run = try site.lemma(["check", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("articles/p.md:8:15: FAIL the text says 0.382, the computation gives 0.3827 (allowed ±0.0005)"))
    }
}
