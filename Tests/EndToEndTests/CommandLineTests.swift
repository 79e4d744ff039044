import Foundation
import Testing

/// The `lemma` executable, as a user and CI run it.
@Suite struct CommandLineTests {
    static let articles = [
        "good.md": "---\ntitle: Good\n---\nInline $x_1$.\n\n```swift check\ncheck(1 + 1 == 2, \"sum\")\n```\n",
        "bad.md": "---\ntitle: Bad\n---\n```swift check\ncheck(1 + 1 == 3, \"wrong sum\")\n```\n",
    ]

    @Test func checkPrintsFailingClaimsAndTotalsAndExitsOne() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        let run = try site.lemma(["check"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("articles/bad.md:5: FAIL wrong sum (the condition is false)"))
        #expect(lines.last == "1 passed, 1 failed")
        #expect(run.stderr.contains("[1/2] compile bad.md"))
        #expect(run.stderr.contains("[2/2] run good.md"))
    }

    @Test func checkOfPassingArticleExitsZero() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        let run = try site.lemma(["check", "articles/good.md", "--quiet"])
        #expect(run.status == 0)
        #expect(run.stdout == "1 passed, 0 failed\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func unknownArticleIsAUsageErrorWithSuggestion() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        let run = try site.lemma(["check", "godo.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did you mean articles/good.md?"))
    }

    @Test func buildWritesPagesWithVerdictsAndKaTeX() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        let run = try site.lemma(["--root", site.root.path, "build", "--quiet"])
        #expect(run.status == 0)
        let publicDir = site.root.appendingPathComponent("site/public")
        let good = try String(contentsOf: publicDir.appendingPathComponent("good.html"), encoding: .utf8)
        #expect(good.contains("claim pass"))
        #expect(good.contains("<span class=\"math inline\">x_1</span>"))
        let bad = try String(contentsOf: publicDir.appendingPathComponent("bad.html"), encoding: .utf8)
        #expect(bad.contains("claim fail"))
        #expect(FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("katex/katex.min.js").path))
        #expect(FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("index.html").path))

        let strict = try site.lemma(["build", "--strict", "--quiet"])
        #expect(strict.status == 1)
    }
}
