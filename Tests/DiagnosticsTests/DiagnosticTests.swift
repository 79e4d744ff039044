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
