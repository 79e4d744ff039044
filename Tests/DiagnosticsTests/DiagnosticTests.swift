import Diagnostics
import Testing

@Suite struct DiagnosticTests {
    @Test func printsCompilerStyleLineWithId() {
        let d = Diagnostic(
            .error, id: "frontmatter.title", at: SourceLocation(file: "articles/x.md", line: 1, column: 1),
            "front matter has no title", explanation: "add `title: ...` between the --- lines")
        #expect(d.description == """
            articles/x.md:1:1: error: front matter has no title [frontmatter.title]
                add `title: ...` between the --- lines
            """)
    }

    @Test func locationWithoutColumn() {
        #expect(SourceLocation(file: "a.md", line: 7).description == "a.md:7")
    }

    @Test func severityOrderAndErrorDetection() {
        #expect(Severity.note < .warning && Severity.warning < .error)
        let warning = Diagnostic(.warning, id: "w", at: SourceLocation(file: "a", line: 1), "w")
        let error = Diagnostic(.error, id: "e", at: SourceLocation(file: "a", line: 2), "e")
        #expect(![warning].containsError)
        #expect([warning, error].containsError)
    }

    @Test func claimEventRoundTripsThroughJSON() throws {
        let event = ClaimEvent(
            event: .claim,
            claim: ClaimRecord(line: 12, kind: .check, label: "T a = b", status: .fail, detail: "false"))
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(ClaimEvent.self, from: data) == event)
    }
}

import Foundation

/// Cache keys must not change between runs, builds or machines: pinned values.
@Suite struct StableHashTests {
    @Test func knownDigests() {
        #expect(StableHash().hex == "cbf29ce48422232584222325cbf29ce4")
        var empty = StableHash()
        empty.combine("")
        #expect(empty.hex == "af64724c8602eb6e789dd43dac2e58cf")
        var two = StableHash()
        two.combine("abc")
        two.combine("线")
        #expect(two.hex == "3f1258246323ef5f5d572b1ee0802624")
    }
}
