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

/// Keys of the parse cache and of rendered pages: stable, and different for different texts.
@Suite struct ContentDigestTests {
    static func digest(_ parts: String...) -> String {
        var d = ContentDigest()
        for part in parts { d.combine(part) }
        return d.hex
    }

    @Test func knownDigests() {
        #expect(ContentDigest().hex == "243f6a8885a308d313198a2e03707344")
        #expect(Self.digest("") == "b91a09c9734b14af0d7ae5f4567b65d8")
        #expect(Self.digest("abc", "线") == "18ec9c6e8a3323985d7bd5a776b8f754")
    }

    @Test func partsAreSeparated() {
        #expect(Self.digest("ab", "c") != Self.digest("a", "bc"))
        #expect(Self.digest("abcdefgh", "") != Self.digest("", "abcdefgh"))
        #expect(Self.digest("a") != Self.digest("a\0"))
    }

    /// Every single-bit change of a text of 1–40 bytes, in any byte (low or high bits of
    /// a word, or the tail), gives another digest; no two of them collide.
    @Test func everyBitCounts() {
        for length in 1...40 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) & 0x7F }
            var seen: Set<String> = [Self.digest(String(decoding: base, as: UTF8.self))]
            for i in 0..<length {
                for bit in 0..<7 {
                    var changed = base
                    changed[i] ^= 1 << bit
                    let digest = Self.digest(String(decoding: changed, as: UTF8.self))
                    #expect(seen.insert(digest).inserted, "length \(length), byte \(i), bit \(bit)")
                }
            }
        }
    }
}
