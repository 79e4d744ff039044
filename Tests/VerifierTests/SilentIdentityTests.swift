import Articles
import Diagnostics
import Testing
@testable import Verifier

/// An identity link that reported nothing is never passed: *not run* when the program
/// ended, *not reached* when it stopped; a report for another place does not count.
@Suite struct SilentIdentityTests {
    static let article = ArticleParser.parse(
        "---\ntitle: T\n---\n```math identity\na + b = b + a = a + b\nwhere a, b \\in [0, 1]\n```\n", path: "articles/i.md")

    static func outcome(_ events: [ClaimEvent], stop: RunOutcome.Stop? = nil) -> RunOutcome {
        var o = RunOutcome()
        o.compiled = true
        o.events = events
        o.stop = stop
        return o
    }

    @Test func linksThatReportNothingAreErrors() throws {
        let sites = try #require(Self.article.identities.first).identity.claimSites
        #expect(sites.count == 2)
        let passedFirst = ClaimEvent(
            event: .claim,
            claim: ClaimRecord(line: sites[0].line, column: sites[0].column, kind: .identity, label: sites[0].label, status: .pass))
        let result = ResultAssembly(article: Self.article).assemble(Self.outcome([passedFirst, ClaimEvent(event: .end)]))
        #expect(result.claims.map(\.status) == [.pass, .error])
        #expect(result.claims[1].detail?.hasPrefix("not run") == true)
    }

    @Test func aReportAtAnotherColumnDoesNotCount() throws {
        let sites = try #require(Self.article.identities.first).identity.claimSites
        let elsewhere = ClaimEvent(
            event: .claim,
            claim: ClaimRecord(line: sites[0].line, column: sites[0].column + 1, kind: .identity, label: sites[0].label, status: .pass))
        let result = ResultAssembly(article: Self.article).assemble(Self.outcome([elsewhere, ClaimEvent(event: .end)]))
        #expect(result.claims.filter { $0.status == .error }.count == 2)
    }

    @Test func aStoppedProgramLeavesThemNotReached() {
        let stop = RunOutcome.Stop(id: "run.crash", line: 1, timedOut: false, summary: "it crashed")
        let result = ResultAssembly(article: Self.article).assemble(Self.outcome([], stop: stop))
        #expect(result.claims.count == 2)
        #expect(result.claims.allSatisfy { $0.status == .error && $0.detail?.hasPrefix("not reached") == true })
    }
}
