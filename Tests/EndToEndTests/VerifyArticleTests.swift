import Diagnostics
import Foundation
import Testing
import Verifier

/// Articles run through the real compiler and ClaimKit library.
@Suite struct VerifyArticleTests {
    @Test func oneTrueAndOneFalseClaim() throws {
        let site = try TemporarySite([
            "small.md": """
                ---
                title: Small
                ---
                Two claims, one of them wrong.

                ```swift check
                let x = 2.0
                check(x * x == 4, "square")
                expectClose(x.squareRoot(), 1.5, tolerance: 1e-9, "root")
                ```
                """
        ])
        defer { site.remove() }
        let results = try site.verify()
        let claims = try #require(results.first).claims
        #expect(claims.map(\.status) == [.pass, .fail])
        #expect(claims.map(\.line) == [8, 9])
        #expect(claims.map(\.label) == ["square", "root"])
        #expect(claims[1].actual == "\(2.0.squareRoot())")
        #expect(claims[1].expected == "1.5")
        #expect(results[0].diagnostics.isEmpty)
    }

    @Test func blocksShareOneScopeAndUseTheNumericCore() throws {
        let site = try TemporarySite([
            "scope.md": """
                ---
                title: Scope
                ---
                ```swift check
                let h = try UnitVectorMap.householder(from: [1, 0], to: [0, 1])
                ```

                Prose between blocks.

                ```swift check
                expectClose(h * Vector([1, 0]), [0, 1], tolerance: 1e-15, "H e1 = e2")
                ```
                """
        ])
        defer { site.remove() }
        let result = try #require(try site.verify().first)
        #expect(result.claims.map(\.status) == [.pass])
        #expect(result.claims.map(\.line) == [11])
    }

    @Test func compileErrorAtArticleLineDoesNotStopOtherArticles() throws {
        let site = try TemporarySite([
            "broken.md": """
                ---
                title: Broken
                ---
                ```swift check
                let y: Int = "not a number"
                ```
                """,
            "fine.md": "---\ntitle: Fine\n---\n```swift check\ncheck(true, \"fine\")\n```\n",
        ])
        defer { site.remove() }
        let results = try site.verify()
        #expect(results.map(\.path) == ["articles/broken.md", "articles/fine.md"])
        let error = try #require(results[0].diagnostics.first)
        #expect(error.id == "compile.error")
        #expect(error.location == SourceLocation(file: "articles/broken.md", line: 5, column: 14))
        #expect(results[1].claims.map(\.status) == [.pass])
    }

    /// A compile error in an inline value points at the article's line and column of the
    /// offending token (not at its paragraph's first line), with the author's expression
    /// quoted; one after a second statement on a line keeps its column.
    @Test func compileErrorsPointAtTheArticleColumn() throws {
        let site = try TemporarySite([
            "iv.md": """
                ---
                title: Columns
                ---
                ```swift check
                let x = 2.0; check(x + "a" == 4)
                ```

                The square is `= x * x` and
                中文 `= x * undefinedThing` here.
                """
        ])
        defer { site.remove() }
        let ds = try site.verify()[0].diagnostics.filter { $0.id == "compile.error" }
        #expect(ds.map(\.location) == [
            SourceLocation(file: "articles/iv.md", line: 5, column: 24),
            SourceLocation(file: "articles/iv.md", line: 9, column: 15),  // 中文 is 6 bytes
        ])
        #expect(ds.last?.explanation?.hasPrefix("x * undefinedThing\n") == true)
        #expect(ds.allSatisfy { !($0.explanation ?? "").contains("_LemmaRun") })
    }

    @Test func trapInTheMiddleBlockKeepsEarlierVerdictsAndNamesTheBlock() throws {
        let site = try TemporarySite([
            "trap.md": """
                ---
                title: Trap
                ---
                ```swift check
                check(true, "before")
                ```

                ```swift check
                let xs = [1, 2, 3]
                print(xs[5])
                ```

                ```swift check
                check(true, "after")
                ```
                """
        ])
        defer { site.remove() }
        let result = try #require(try site.verify().first)
        #expect(result.claims.map(\.label) == ["before", "after"])
        #expect(result.claims.map(\.status) == [.pass, .error])
        #expect(result.claims.map(\.line) == [5, 14])
        let crash = try #require(result.diagnostics.first)
        #expect(crash.id == "run.crash")
        // The line that trapped (from the backtrace), not the block's first line.
        #expect(crash.location.line == 10)
        #expect(crash.summary == "the claim program stopped: fatal error: Index out of range")
    }

    /// Claim programs link the optimized library, where Swift's own `precondition` drops
    /// its message: a layer fed the wrong shape, and a figure given mismatched data, must
    /// still be reported with their messages at the article line that called them.
    @Test func shapeErrorsInTheLibraryKeepTheirMessages() throws {
        let site = try TemporarySite([
            "layer.md": """
                ---
                title: Layer
                ---
                ```swift check
                var rng = SeededGenerator(seed: 1)
                var p = Parameters()
                let layer = Dense("probe", inputs: 3, outputs: 2, in: &p, using: &rng)
                _ = layer(Matrix.zeros(4, 5), p)
                ```
                """,
            "figure.md": """
                ---
                title: Figure
                ---
                ```swift check
                figure("mismatch") { fig in
                    fig.line(x: [1, 2], y: [1])
                }
                ```
                """,
        ])
        defer { site.remove() }
        let results = try site.verify()
        let layer = try #require(results.first { $0.path.hasSuffix("layer.md") }?.diagnostics.first)
        #expect(layer.location.line == 8)
        #expect(layer.summary == "the claim program stopped: fatal error: Dense \"probe\": expects 3 features per row, got a 4×5 input")
        let figure = try #require(results.first { $0.path.hasSuffix("figure.md") }?.diagnostics.first)
        #expect(figure.location.line == 6, "the closure line that called line(x:y:)")
        #expect(figure.summary == "the claim program stopped: fatal error: Figure.line: 2 x values but 1 y values")
    }

    @Test func timeLimitStopsAnEndlessLoop() throws {
        let site = try TemporarySite([
            "loop.md": """
                ---
                title: Loop
                timeout: 1
                ---
                ```swift check
                var i = 0
                while i >= 0 { i = (i + 1) % 10 }
                ```
                """
        ])
        defer { site.remove() }
        let result = try #require(try site.verify().first)
        #expect(result.diagnostics.map(\.id) == ["run.timeout"])
        // The statement that was running when the time was up.
        #expect(result.diagnostics.first?.location.line == 7)
    }
}

@Suite struct CrashLocationTests {
    @Test func fatalErrorInAuthorCodeIsReportedAtItsOwnLine() throws {
        let site = try TemporarySite([
            "fatal.md": """
                ---
                title: Fatal
                ---
                ```swift check
                let n = 3
                if n == 3 {
                    fatalError("n must not be 3")
                }
                ```
                """
        ])
        defer { site.remove() }
        let result = try #require(try site.verify().first)
        // The compiler also warns that the ClaimProgram.end() after the block is unreachable.
        let crash = try #require(result.diagnostics.first { $0.id == "run.crash" })
        #expect(crash.location.line == 7)
        #expect(crash.summary.hasSuffix(": n must not be 3"))
    }
}
