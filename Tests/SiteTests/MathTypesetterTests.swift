import Articles
import Foundation
@testable import Site
import Testing

/// Math typeset at build by KaTeX under Node: results, errors with their position, the
/// cache across builds, site macros.
@Suite struct MathTypesetterTests {
    func temporaryCache() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lemma-math-\(UUID().uuidString)/math-cache.bin")
    }

    @Test func typesetsInlineAndDisplayAndReportsErrorsWithTheirPosition() throws {
        var typesetter = MathTypesetter(cacheFile: nil)
        let good = Formula(tex: "x^2 + \\frac{1}{2}", display: false)
        let shown = Formula(tex: "\\sum_{k=1}^n k", display: true)
        let bad = Formula(tex: "a + \\fracc{1}{2}", display: true)
        let table = try typesetter.typeset([good, shown, bad])
        guard case let .html(html)? = table[good] else { Issue.record("not typeset"); return }
        #expect(html.hasPrefix("<span class=\"katex\">"))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">x^2 + \\frac{1}{2}</annotation>"))
        guard case let .html(display)? = table[shown] else { Issue.record("not typeset"); return }
        #expect(display.hasPrefix("<span class=\"katex-display\">"))
        let error = try #require(table.error(bad))
        #expect(error.message.contains("Undefined control sequence: \\fracc"))
        #expect(error.utf8Offset == 4)  // the backslash of \fracc
        #expect(table.error(good) == nil)
    }

    /// Requests are written as JSON by hand: quotes, backslashes, line breaks, tabs and
    /// other characters reach KaTeX as written, and every answer stays with its formula
    /// however the formulas are dealt to the workers.
    @Test func awkwardTeXReachesKaTeXAsWritten() throws {
        var typesetter = MathTypesetter(cacheFile: nil, workers: 2)
        let awkward = Formula(tex: "\\text{\"q\" \\\\ é}\n+\tx_{1}", display: false)
        let control = Formula(tex: "x_{\u{1}}", display: false)
        var formulas: Set<Formula> = [awkward, control]
        for k in 0..<900 { formulas.insert(Formula(tex: "y_{\(k)}" + String(repeating: " + z", count: k % 7), display: k % 3 == 0)) }
        let table = try typesetter.typeset(formulas)
        #expect(table.count == formulas.count)
        if case let .html(html)? = table[awkward] {
            #expect(html.contains("<annotation encoding=\"application/x-tex\">\\text{&quot;q&quot; \\\\ é}"))
        } else {
            Issue.record("not typeset: \(String(describing: table[awkward]))")
        }
        #expect(table.error(control)?.message == "Unexpected character: '\u{01}'")
        #expect(table.error(control)?.utf8Offset == 3)
        for k in [0, 450, 899] {
            let formula = Formula(tex: "y_{\(k)}" + String(repeating: " + z", count: k % 7), display: k % 3 == 0)
            guard case let .html(html)? = table[formula] else { Issue.record("not typeset: \(formula)"); continue }
            #expect(html.contains("y_{\(k)}"))
        }
    }

    @Test func aSecondBuildTypesetsNothingAndOtherMacrosTypesetAgain() throws {
        let cache = temporaryCache()
        defer { try? FileManager.default.removeItem(at: cache.deletingLastPathComponent()) }
        let formulas: Set<Formula> = [Formula(tex: "\\R^n", display: false), Formula(tex: "e^{i\\pi} = -1", display: true)]
        var first = MathTypesetter(macros: ["\\R": "\\mathbb{R}"], cacheFile: cache)
        let typeset = try first.typeset(formulas)
        #expect(first.typesetCount == 2)
        guard case let .html(html)? = typeset[Formula(tex: "\\R^n", display: false)] else { Issue.record("not typeset"); return }
        #expect(html.contains("mathbb"))
        var second = MathTypesetter(macros: ["\\R": "\\mathbb{R}"], cacheFile: cache)
        let again = try second.typeset(formulas)
        #expect(second.typesetCount == 0)
        #expect(again[Formula(tex: "\\R^n", display: false)] == typeset[Formula(tex: "\\R^n", display: false)])
        var other = MathTypesetter(macros: ["\\R": "\\mathbf{R}"], cacheFile: cache)
        _ = try other.typeset(formulas)
        #expect(other.typesetCount == 2)
    }

    /// Many formulas go to several Node processes; every answer lands with its formula.
    @Test func workersKeepAnswersWithTheirFormulas() throws {
        var typesetter = MathTypesetter(cacheFile: nil, workers: 2)
        let formulas = Set((0..<1200).map { Formula(tex: "x_{\($0)}", display: $0 % 3 == 0) })
        let table = try typesetter.typeset(formulas)
        #expect(table.count == 1200)
        for formula in formulas {
            guard case let .html(html)? = table[formula] else { Issue.record("missing \(formula.tex)"); continue }
            #expect(html.contains("<annotation encoding=\"application/x-tex\">\(formula.tex)</annotation>"))
        }
    }

    /// Search text holds a formula's TeX, not KaTeX's glyphs.
    @Test func searchTextKeepsTheTeX() throws {
        var typesetter = MathTypesetter(cacheFile: nil)
        let formula = Formula(tex: "a^2+b^2", display: false)
        let table = try typesetter.typeset([formula])
        let html = "<p>Before " + MathHTML(typeset: table).render(formula) + " after.</p>"
        #expect(SearchIndex.plainText(html) == "Before a^2+b^2 after.")
    }

    @Test func errorPositionsBecomeArticleLinesAndColumns() {
        let span = MathSpan(
            index: 0, tex: "\n  a + \\fracc{1}{2}\n", isDisplay: true,
            location: .init(file: "articles/x.md", line: 10, column: 1),
            texLocation: .init(file: "articles/x.md", line: 10, column: 3))
        #expect(span.location(ofTeXByte: 7) == .init(file: "articles/x.md", line: 11, column: 7))
        let inline = MathSpan(
            index: 1, tex: "β + \\x", isDisplay: false, location: .init(file: "a.md", line: 4, column: 9),
            texLocation: .init(file: "a.md", line: 4, column: 10))
        #expect(inline.location(ofTeXByte: "β + ".utf8.count) == .init(file: "a.md", line: 4, column: 14))
    }
}
