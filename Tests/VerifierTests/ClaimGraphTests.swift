import Articles
import Diagnostics
import Testing
@testable import Verifier

/// The claim graph, computed from the claim code: which blocks a claim's inputs come from
/// and which claims that did not pass it rests on.
@Suite struct ClaimGraphTests {
    /// The article made of `blocks` (each a `swift check` block) and `prose` after them.
    static func article(_ blocks: [String], prose: String = "") -> Article {
        let body = blocks.map { "```swift check\n\($0)\n```\n" }.joined(separator: "\n")
        return ArticleParser.parse("---\ntitle: T\n---\n" + body + "\n" + prose + "\n", path: "articles/g.md")
    }

    /// Claims at the lines of `check(` calls, failing where the label starts with "bad".
    static func claims(_ article: Article) -> [ClaimRecord] {
        var result: [ClaimRecord] = []
        for block in article.claimBlocks {
            for (k, line) in block.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("check(") {
                let label = line.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
                result.append(ClaimRecord(line: block.codeLine + k, kind: .check, label: label, status: label.hasPrefix("bad") ? .fail : .pass))
            }
        }
        for value in article.inlineValues where value.writtenNumber != nil {
            result.append(ClaimRecord(line: value.line, column: value.textColumn, kind: .prose, label: "n", status: .pass))
        }
        return result
    }

    static func graph(_ blocks: [String], prose: String = "") -> (Article, [ClaimRecord], [ClaimInputs]) {
        let a = article(blocks, prose: prose)
        let c = claims(a)
        return (a, c, ClaimGraph.inputs(of: a, claims: c))
    }

    static func entry(_ inputs: [ClaimInputs], _ claims: [ClaimRecord], label: String) -> ClaimInputs? {
        guard let claim = claims.first(where: { $0.label == label }) else { return nil }
        return inputs.first { $0.line == claim.line && ($0.column == nil || $0.column == claim.column) }
    }

    @Test func aClaimRestsOnAFailedClaimAboutAValueItUses() throws {
        let (a, c, g) = Self.graph([
            "let x = 2.0 + 2.0\ncheck(x == 5, \"bad x\")",
            "let y = x * 3\ncheck(y == 12, \"uses x\")\nlet u = 7\ncheck(u == 7, \"independent\")",
        ])
        let usesX = try #require(Self.entry(g, c, label: "uses x"))
        #expect(usesX.blocks == a.claimBlocks.map(\.codeLine))
        #expect(usesX.restsOn == [c[0].line])
        #expect(Self.entry(g, c, label: "independent")?.restsOn == [])
        #expect(Self.entry(g, c, label: "bad x")?.restsOn == [], "a claim does not rest on itself")
    }

    @Test func inputsAreFollowedThroughSeveralBlocks() throws {
        let (a, c, g) = Self.graph([
            "let x = 1.0\ncheck(x > 2, \"bad x\")",
            "let y = x + 1",
            "let z = y * 2\ncheck(z == 4, \"uses z\")",
        ])
        let e = try #require(Self.entry(g, c, label: "uses z"))
        #expect(e.blocks == a.claimBlocks.map(\.codeLine))
        #expect(e.restsOn == [c[0].line])
    }

    @Test func aWriteOrAnInoutUseIsASource() throws {
        let (a, c, g) = Self.graph([
            "var total = 0.0\nvar rng = SeededGenerator(seed: 1)",
            "total += 1\ncheck(total == 2, \"bad total\")",
            "let draw = Vector.randomNormal(2, using: &rng)",
            "check(total > 0, \"reads total\")\ncheck(rng.uniform() < 1, \"reads rng\")",
        ])
        let total = try #require(Self.entry(g, c, label: "reads total"))
        #expect(total.blocks == [a.claimBlocks[0].codeLine, a.claimBlocks[1].codeLine])
        #expect(total.restsOn == [c[0].line])
        let rng = try #require(Self.entry(g, c, label: "reads rng"))
        #expect(rng.blocks == [a.claimBlocks[0].codeLine, a.claimBlocks[2].codeLine])
        #expect(rng.restsOn == [], "the failed claim is about total, not rng")
    }

    @Test func functionsDeclaredLaterAndTheirReadsCount() throws {
        let (a, c, g) = Self.graph([
            "let scale = 3.0\ncheck(scale == 4, \"bad scale\")",
            "check(triple(2) == 6, \"uses triple\")",
            "func triple(_ v: Double) -> Double { scale * v }",
        ])
        let e = try #require(Self.entry(g, c, label: "uses triple"))
        #expect(e.blocks == [a.claimBlocks[0].codeLine, a.claimBlocks[2].codeLine])
        #expect(e.restsOn == [c[0].line])
    }

    @Test func aShadowingClosureParameterStillCountsAsARead() throws {
        // `x` inside the closure is its own parameter; taking it for the outer `x` adds an
        // edge, which is the safe side.
        let (_, c, g) = Self.graph([
            "let x = 1.0\ncheck(x == 2, \"bad x\")",
            "let f = { (x: Double) in x * 2 }\ncheck(f(3) == 6, \"closure\")",
        ])
        #expect(Self.entry(g, c, label: "closure")?.restsOn == [c[0].line])
    }

    @Test func numbersInTheProseHaveInputsEach() throws {
        let (a, c, g) = Self.graph(
            ["let x = 2.0\ncheck(x == 3, \"bad x\")\nlet w = 5.0"],
            prose: "Here `4 ≈ x * 2` and `5 ≈ w`.")
        let prose = c.filter { $0.kind == .prose }
        #expect(prose.count == 2)
        let first = try #require(g.first { $0.line == prose[0].line && $0.column == prose[0].column })
        let second = try #require(g.first { $0.line == prose[1].line && $0.column == prose[1].column })
        #expect(first.restsOn == [c[0].line])
        #expect(second.restsOn == [])
        #expect(second.blocks == [a.claimBlocks[0].codeLine])
    }

    @Test func aFailedOutputBlockCountsForItsBlock() throws {
        let a = ArticleParser.parse(
            "---\ntitle: T\n---\n```swift check\nlet x = 1\nprint(x)\n```\n```output\n2\n```\n\n```swift check\ncheck(x == 1, \"uses x\")\n```\n",
            path: "articles/g.md")
        let output = try #require(a.codeBlocks.first { $0.role == .output })
        let claims = [
            ClaimRecord(line: output.line, kind: .output, label: "output", status: .fail),
            ClaimRecord(line: a.claimBlocks[1].codeLine, kind: .check, label: "uses x", status: .pass),
        ]
        let g = ClaimGraph.inputs(of: a, claims: claims)
        #expect(g.first { $0.line == claims[1].line }?.restsOn == [output.line])
    }
}
