import Articles
import Diagnostics
import Testing
@testable import Verifier

@Suite struct ClaimProgramSourceTests {
    @Test func everyBlockIsAnchoredAtItsArticleLine() {
        let article = ArticleParser.parse("""
            ---
            title: T
            ---
            ```swift check
            let x = 1
            ```

            ```swift
            not run
            ```

            ```swift check hide
            check(x == 1)
            ```
            """, path: "articles/t.md")
        let source = ClaimProgramSource.make(for: article)
        #expect(source.contains("_LemmaRun.beginBlock(5)\n_LemmaRun.statement(5)\n#sourceLocation(file: \"articles/t.md\", line: 5)\nlet x = 1\n#sourceLocation()\n"))
        #expect(source.contains("#sourceLocation(file: \"articles/t.md\", line: 13)\ncheck(x == 1)\n"))
        #expect(!source.contains("not run"))
        #expect(source.hasSuffix("_LemmaRun.end()\n"))
        // Claim code imports ClaimKit without its SPI: it cannot reach the hooks.
        #expect(source.contains("\nimport ClaimKit\n"))
        #expect(!source.contains("@_spi"))
        #expect(ClaimProgramSource.hooks.contains("@_spi(LemmaVerifier) import ClaimKit"))
    }

    @Test func statementReportsGoAfterTheLastTokenAndMoveNoLine() {
        let article = ArticleParser.parse("""
            ---
            title: T
            ---
            ```swift check
            let a = 1  // one
            let b = [a,
                     2]; let c = 3
            #if DEBUG
            let d = 4
            #endif
            func f() -> Int {
                a + 1
            }
            ```
            """, path: "articles/t.md")
        let source = ClaimProgramSource.make(for: article)
        let body = source.components(separatedBy: "line: 5)\n")[1].components(separatedBy: "\n#sourceLocation()")[0]
        #expect(body == """
            let a = 1 ;_LemmaRun.statement(6)  // one
            let b = [a,
                     2]; let c = 3 ;_LemmaRun.statement(8)
            #if DEBUG
            let d = 4
            #endif
            func f() -> Int {
                a + 1
            }
            """)
        // Same number of lines as the block: every line keeps its article line number.
        #expect(body.split(separator: "\n", omittingEmptySubsequences: false).count == 9)
    }

    @Test func blocksThatDoNotParseAreLeftAsWritten() {
        let article = ArticleParser.parse("---\ntitle: T\n---\n```swift check\nlet a = (1\nlet b = 2\n```\n", path: "articles/t.md")
        #expect(ClaimProgramSource.make(for: article).contains("\nlet a = (1\nlet b = 2\n"))
    }
}

@Suite struct ClaimSiteTests {
    func sites(_ code: String) -> [BlockSyntax.ClaimSite] {
        let article = ArticleParser.parse("---\ntitle: T\n---\n```swift check\n\(code)\n```\n", path: "articles/t.md")
        return BlockSyntax(article.claimBlocks[0]).claimSites
    }

    @Test func claimCallsAreFoundBySyntaxNotText() {
        let found = sites("""
            check(true, "a") // check(false)
            let s = "check(1 == 2)"
            x.check(true)
            mycheck(true)
            expectClose(
                1.0, 1.0, "b")
            property("c") { c in c.uniform() < 2 }
            func helper(_ v: Bool, line: Int = #line) { check(v, "forwarded", line: line) }
            """)
        #expect(found.map(\.line) == [5, 9, 11])
        #expect(found.map(\.label) == ["a", "b", "c"])
        #expect(found.map(\.name) == ["check", "expectClose", "property"])
    }

    @Test func twoSitesOnOneLineNeedTwoColumns() {
        let found = sites("check(true, \"a\"); if false { check(true, \"b\") }")
        #expect(found.count == 2)
        #expect(ResultAssembly.silent(found, columnsByLine: [5: [found[0].column]]) == [found[1]])
        #expect(ResultAssembly.silent(found, columnsByLine: [5: [found[0].column, found[1].column]]).isEmpty)
        #expect(ResultAssembly.silent(found, columnsByLine: [:]) == found)
    }
}

@Suite struct CompilerDiagnosticsTests {
    let fallback = SourceLocation(file: "articles/t.md", line: 5)

    @Test func errorsAndWarningsAtArticleLinesWithQuotedSource() {
        let output = """
            articles/t.md:7:14: error: cannot convert value of type 'String' to specified type 'Int'
            let y: Int = "no"
                         ^~~~
            articles/t.md:9:5: warning: initialization of variable 'z' was never used
            var z = 3
                ^
            """
        let ds = CompilerDiagnostics.parse(output, articlePath: "articles/t.md", fallback: fallback)
        #expect(ds.map(\.severity) == [.error, .warning])
        #expect(ds[0].location == SourceLocation(file: "articles/t.md", line: 7, column: 14))
        #expect(ds[0].summary == "cannot convert value of type 'String' to specified type 'Int'")
        #expect(ds[0].explanation == "let y: Int = \"no\"\n                 ^~~~")
        #expect(ds[1].location.line == 9)
    }

    /// The verifier's `;_LemmaRun.statement(N)` after a statement is not the author's: it is
    /// cut from the quoted line and from the caret line below, and a column after it moves
    /// back by its length.
    @Test func quotedLinesLoseTheVerifierCallsAndColumnsMoveBack() {
        let output = """
            articles/t.md:7:48: error: cannot find 'y' in scope
            let x = 2.0 ;_LemmaRun.statement(7); check(x + y == 4)
            \(String(repeating: " ", count: 47))^
            """
        let ds = CompilerDiagnostics.parse(output, articlePath: "articles/t.md", fallback: fallback)
        #expect(ds[0].location == SourceLocation(file: "articles/t.md", line: 7, column: 24))
        #expect(ds[0].explanation == "let x = 2.0; check(x + y == 4)\n    " + String(repeating: " ", count: 23) + "^")
    }

    /// An inline value's expression is padded to its article column; the padding is not
    /// quoted, the column stays.
    @Test func inlineValuePaddingIsNotQuoted() {
        let output = """
            articles/t.md:10:33: error: cannot find 'q' in scope
            \(String(repeating: " ", count: 28))x * q
            \(String(repeating: " ", count: 32))^
            """
        let ds = CompilerDiagnostics.parse(output, articlePath: "articles/t.md", fallback: fallback, paddedLines: [10])
        #expect(ds[0].location.column == 33)
        #expect(ds[0].explanation == "x * q\n    " + "    ^")  // continuation lines are indented by 4
        let unpadded = CompilerDiagnostics.parse(output, articlePath: "articles/t.md", fallback: fallback)
        #expect(unpadded[0].explanation?.hasPrefix("    ") == true)
    }

    /// An overloaded ClaimKit call that matches no candidate quotes the author's line, and
    /// the candidates' notes as text, never ClaimKit's declaration in place of the author's.
    @Test func candidateNotesInTheLibraryKeepTheAuthorsLine() {
        let output = """
            articles/t.md:7:1: error: no exact matches in call to global function 'expectClose'
            expectClose(m, 1.0)
            ^
            /src/Sources/ClaimKit/Check.swift:40:13: note: candidate expects value of type 'Double' for parameter #1 (got 'Matrix')
            public func expectClose(
                        ^
            /src/Sources/ClaimKit/Check.swift:60:13: note: candidate expects value of type 'Matrix' for parameter #2 (got 'Double')
            public func expectClose(
                        ^
            """
        let ds = CompilerDiagnostics.parse(output, articlePath: "articles/t.md", fallback: fallback)
        #expect(ds.count == 1)
        #expect(ds[0].location == SourceLocation(file: "articles/t.md", line: 7, column: 1))
        #expect(ds[0].explanation == """
            expectClose(m, 1.0)
                ^
                note: candidate expects value of type 'Double' for parameter #1 (got 'Matrix')
                note: candidate expects value of type 'Matrix' for parameter #2 (got 'Double')
            """)
    }

    @Test func messagesAboutOtherFilesGoToTheFirstBlock() {
        let output = "/tmp/x/main.swift:3:1: error: expressions are not allowed at the top level\n"
        let ds = CompilerDiagnostics.parse(output, articlePath: "articles/t.md", fallback: fallback)
        #expect(ds.map(\.location) == [fallback])
    }
}

@Suite struct SummaryTests {
    func result(_ statuses: [ClaimStatus], errors: Int = 0) -> ArticleResult {
        ArticleResult(
            path: "articles/a.md",
            claims: statuses.enumerated().map {
                ClaimRecord(line: 10 + $0.offset, kind: .check, label: "c\($0.offset)", status: $0.element)
            },
            diagnostics: (0..<errors).map { _ in
                Diagnostic(.error, id: "compile.error", at: SourceLocation(file: "articles/a.md", line: 3), "bad")
            })
    }

    @Test func totalsLine() {
        #expect(Summary([result([.pass, .pass])]).totalsLine == "2 passed, 0 failed")
        #expect(Summary([result([.pass, .fail])]).totalsLine == "1 passed, 1 failed")
        #expect(Summary([result([.pass]), result([], errors: 1)]).totalsLine == "1 passed, 0 failed, 1 error")
        #expect(Summary([result([.timeout], errors: 1)]).totalsLine == "0 passed, 0 failed, 1 without verdict, 1 error")
        #expect(Summary([result([.error, .error, .pass], errors: 2)]).totalsLine == "1 passed, 0 failed, 2 without verdict, 2 errors")
        #expect(!Summary([result([.pass, .timeout])]).isSuccess)
        #expect(Summary([result([.pass])]).isSuccess)
        #expect(!Summary([result([.fail])]).isSuccess)
    }

    @Test func oneLinePerFailingClaim() {
        let lines = Summary.problemLines([result([.pass, .fail])])
        #expect(lines == ["articles/a.md:11: FAIL c1"])
    }

    /// Problems come in article order, and a multi-line value continues on indented lines,
    /// so only `file:line:` lines start at the margin.
    @Test func problemsInLineOrderWithIndentedContinuations() {
        var r = ArticleResult(path: "articles/a.md")
        r.claims = [
            ClaimRecord(line: 20, kind: .expectClose, label: "late", status: .fail, actual: "[1 2]\n[3 4]", expected: "[1 2]\n[3 5]"),
            ClaimRecord(line: 7, kind: .check, label: "early", status: .fail),
        ]
        r.diagnostics = [Diagnostic(.warning, id: "block.option", at: SourceLocation(file: "articles/a.md", line: 12), "odd option")]
        let lines = Summary.problemLines([r])
        #expect(lines.first == "articles/a.md:7: FAIL early")
        #expect(lines[1].hasPrefix("articles/a.md:12: warning: odd option"))
        #expect(lines.filter { !$0.hasPrefix("    ") }.allSatisfy { $0.hasPrefix("articles/a.md:") })
        #expect(lines.contains("    [3 4] vs [1 2]"))
    }
}
