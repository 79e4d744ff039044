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
        #expect(run.stderr.contains("  bad.md: compiling"))
        #expect(run.stderr.contains("  good.md: running"))
        // The counter counts finished articles, so it only goes up.
        let counters = run.stderr.split(separator: "\n").filter { $0.contains("/2]") }
        #expect(counters.count == 2)
        #expect(counters.first?.contains("[1/2]") == true && counters.last?.contains("[2/2]") == true)
    }

    /// A mistyped command is named as such, with the nearest command — even after
    /// `--root DIR`, where the parser used to complain about `--root` instead.
    @Test func unknownCommandIsNamedWithSuggestion() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        for arguments in [["chek"], ["--root", site.root.path, "chek"]] {
            let run = try site.lemma(arguments)
            #expect(run.status == 2)
            #expect(run.stderr == "lemma: 'chek' is not a lemma command. Did you mean 'check'? The commands are: check, build, serve, new, clean, report (see 'lemma --help').\n")
        }
        #expect(try site.lemma(["--root", site.root.path, "check", "--quiet"]).status == 1)
    }

    @Test func cleanRemovesCacheAndStoreOnly() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        _ = try site.lemma(["check", "--quiet"])
        let cache = site.root.appendingPathComponent(".build/lemma/cache")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let run = try site.lemma(["clean"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("removed .build/lemma/cache"))
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("articles/good.md").path))
        #expect(try site.lemma(["clean"]).stdout == "nothing to remove\n")
        #expect(try site.lemma(["check"]).stderr.contains("  good.md: compiling"))
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
        #expect(good.contains("<span class=\"math inline\"><span class=\"katex\">"))
        #expect(good.contains("<annotation encoding=\"application/x-tex\">x_1</annotation>"))
        let bad = try String(contentsOf: publicDir.appendingPathComponent("bad.html"), encoding: .utf8)
        #expect(bad.contains("claim fail"))
        #expect(FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("katex/katex.min.css").path))
        #expect(FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("index.html").path))

        let strict = try site.lemma(["build", "--strict", "--quiet"])
        #expect(strict.status == 1)
    }
}

@Suite struct DeterministicBuildTests {
    /// Every file under `folder`, by relative path.
    func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func twoBuildsWriteTheSameBytes() throws {
        let site = try TemporarySite(CommandLineTests.articles)
        defer { site.remove() }
        #expect(try site.lemma(["build", "--quiet"]).status == 0)
        let first = try contents(site.root.appendingPathComponent("site/public"))
        #expect(try site.lemma(["build", "--quiet"]).status == 0)
        let second = try contents(site.root.appendingPathComponent("site/public"))
        #expect(first.count > 10)
        #expect(first == second)
    }

    @Test func aFailedBuildKeepsThePreviousSite() throws {
        let site = try TemporarySite(CommandLineTests.articles)
        defer { site.remove() }
        #expect(try site.lemma(["build", "--quiet"]).status == 0)
        // A theme template that does not parse makes the next build fail before writing.
        let theme = site.root.appendingPathComponent("site/theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try Data("{{#unclosed}}".utf8).write(to: theme.appendingPathComponent("index.mustache"))
        let failed = try site.lemma(["build", "--quiet"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("index.mustache: the template does not parse"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site/public/good.html").path))
    }
}

/// `apiReference` in site.yml: the folder is published at api/ and every page links to it;
/// a missing folder is a warning, and no page links to a reference that is not there.
@Suite struct APIReferenceTests {
    func site(withReference: Bool) throws -> TemporarySite {
        let site = try TemporarySite(["a.md": "---\ntitle: A\nlang: zh\n---\n```swift check\ncheck(true, \"a\")\n```\n"])
        let fm = FileManager.default
        try fm.createDirectory(at: site.root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("title: T\napiReference: reference\n".utf8).write(to: site.root.appendingPathComponent("site/site.yml"))
        if withReference {
            let page = site.root.appendingPathComponent("reference/documentation/claimkit")
            try fm.createDirectory(at: page, withIntermediateDirectories: true)
            try Data("<html>root</html>".utf8).write(to: site.root.appendingPathComponent("reference/index.html"))
            try Data("<html>ClaimKit</html>".utf8).write(to: page.appendingPathComponent("index.html"))
        }
        return site
    }

    @Test func theReferenceIsCopiedAndLinked() throws {
        let site = try site(withReference: true)
        defer { site.remove() }
        let run = try site.lemma(["build"])
        #expect(run.status == 0)
        let out = site.root.appendingPathComponent("site/public")
        let copied = try String(contentsOf: out.appendingPathComponent("api/documentation/claimkit/index.html"), encoding: .utf8)
        #expect(copied == "<html>ClaimKit</html>")
        for page in ["index.html", "a.html", "report.html"] {
            let html = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("<a href=\"api/documentation/claimkit/\">"), "\(page)")
        }
        let article = try String(contentsOf: out.appendingPathComponent("a.html"), encoding: .utf8)
        #expect(article.contains(">API 参考</a>"))
    }

    @Test func aMissingReferenceIsAWarningAndNoLink() throws {
        let site = try site(withReference: false)
        defer { site.remove() }
        let run = try site.lemma(["build"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("site/site.yml:1: warning: apiReference: reference holds no API reference"))
        let html = try String(contentsOf: site.root.appendingPathComponent("site/public/a.html"), encoding: .utf8)
        #expect(!html.contains("api/documentation"))
    }
}

/// Math is typeset at build: pages carry KaTeX's HTML and no KaTeX script; a formula KaTeX
/// rejects is an error at its article line and column, red on the page, a failure under
/// --strict; a second build typesets nothing.
@Suite struct MathAtBuildTests {
    static let article = """
        ---
        title: Math
        ---
        Inline $x^2$ and a display:

        $$
          a + \\fracc{1}{2}
        $$

        ```swift check
        check(true, "fine")
        ```
        """

    @Test func badTeXIsAnErrorAtItsColumnAndGoodMathIsTypeset() throws {
        let site = try TemporarySite(["m.md": Self.article])
        defer { site.remove() }
        let run = try site.lemma(["build"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("articles/m.md:7:7: error: Undefined control sequence: \\fracc [math.tex]"))
        #expect(run.stdout.contains("1 passed, 0 failed, 1 error"))
        let page = try String(contentsOf: site.root.appendingPathComponent("site/public/m.html"), encoding: .utf8)
        #expect(page.contains("<span class=\"math inline\"><span class=\"katex\">"))
        #expect(page.contains("math-error"))
        #expect(!page.contains("katex.min.js"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site/public/katex/katex.min.js").path))
        #expect(try site.lemma(["build", "--strict"]).status == 1)
        try site.write("m.md", Self.article.replacingOccurrences(of: "\\fracc", with: "\\frac"))
        #expect(try site.lemma(["build", "--strict"]).status == 0)
    }

    /// `macros` in site.yml reach KaTeX.
    @Test func siteMacrosAreUsed() throws {
        let site = try TemporarySite(["m.md": "---\ntitle: M\n---\nSpace $\\R^n$.\n"])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("macros:\n  \"\\\\R\": \"\\\\mathbb{R}\"\n".utf8).write(to: site.root.appendingPathComponent("site/site.yml"))
        let run = try site.lemma(["build", "--strict"])
        #expect(run.status == 0, "\(run.stdout)")
        let page = try String(contentsOf: site.root.appendingPathComponent("site/public/m.html"), encoding: .utf8)
        #expect(page.contains("mathbb"))
    }
}

/// A build keeps the previous build's article pages whose inputs did not change, and
/// renders again every page whose inputs did — its article, its verdicts (through a data
/// file here), the site settings — so the output equals a fresh build's.
@Suite struct IncrementalBuildTests {
    @Test func unchangedPagesAreKeptAndChangedOnesRenderedAgain() throws {
        let site = try TemporarySite([
            "a.md": "---\ntitle: A\n---\n```swift check\nlet n = Int(try String(contentsOfFile: \"articles/n.txt\", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!\ncheck(n == 2, \"n is two\")\n```\n",
            "b.md": "---\ntitle: B\n---\nJust $x^2$.\n",
        ])
        defer { site.remove() }
        try site.write("n.txt", "2")
        #expect(try site.lemma(["build"]).status == 0)
        let again = try site.lemma(["build"])
        #expect(again.stderr.contains("render: 0 article pages, 2 unchanged since the last build"))
        // Static files the previous build holds with the same bytes are linked, not copied
        // again; a changed one (a theme override) is copied.
        func inode(_ path: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent(path).path)
            return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let css = try inode("site/public/assets/lemma.css")
        #expect(try site.lemma(["build"]).status == 0)
        #expect(try inode("site/public/assets/lemma.css") == css)
        let theme = site.root.appendingPathComponent("site/theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try Data("body { color: red; }\n".utf8).write(to: theme.appendingPathComponent("lemma.css"))
        #expect(try site.lemma(["build"]).status == 0)
        #expect(try String(contentsOf: site.root.appendingPathComponent("site/public/assets/lemma.css"), encoding: .utf8) == "body { color: red; }\n")
        try FileManager.default.removeItem(at: theme)
        #expect(try site.lemma(["build"]).status == 0)

        // A damaged manifest is ignored: every page is rendered again, nothing breaks.
        let manifest = site.root.appendingPathComponent(".build/lemma/pages.manifest")
        #expect(FileManager.default.fileExists(atPath: manifest.path))
        var damaged = try Data(contentsOf: manifest)
        damaged.removeLast(5)
        try damaged.write(to: manifest)
        #expect(try site.lemma(["build"]).stderr.contains("render: 2 article pages, 0 unchanged since the last build"))
        #expect(try site.lemma(["build"]).stderr.contains("render: 0 article pages, 2 unchanged since the last build"))

        let reportFile = site.root.appendingPathComponent("site/public/report.html")
        let reportBefore = try String(contentsOf: reportFile, encoding: .utf8)
        let reportInode = try inode("site/public/report.html")
        #expect(try site.lemma(["build"]).status == 0)
        #expect(try inode("site/public/report.html") == reportInode, "an unchanged report is kept, not made again")
        try site.write("n.txt", "3")  // the verdict of a.md flips; its text does not change
        let flipped = try site.lemma(["build"])
        // The report shows verdicts: it is made again.
        let reportAfter = try String(contentsOf: reportFile, encoding: .utf8)
        #expect(reportAfter != reportBefore)
        // Every page's footer says whether every claim of the site passed: all change.
        #expect(flipped.stderr.contains("render: 2 article pages, 0 unchanged since the last build"))
        try site.write("b.md", "---\ntitle: B\n---\nJust $x^3$.\n")
        #expect(try site.lemma(["build"]).stderr.contains("render: 1 article pages, 1 unchanged since the last build"))
        let page = try String(contentsOf: site.root.appendingPathComponent("site/public/a.html"), encoding: .utf8)
        #expect(page.contains("claim fail"))

        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("title: Renamed site\n".utf8).write(to: site.root.appendingPathComponent("site/site.yml"))
        let renamed = try site.lemma(["build"])
        #expect(renamed.stderr.contains("render: 2 article pages, 0 unchanged since the last build"))
        let b = try String(contentsOf: site.root.appendingPathComponent("site/public/b.html"), encoding: .utf8)
        #expect(b.contains("Renamed site"))

        // The same output as a build from nothing.
        let kept = try Set(FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("site/public").path))
        _ = try site.lemma(["build", "--out", "fresh"])  // status 0 or 1 (a claim fails): the pages are written
        for name in ["a.html", "b.html", "index.html", "search-index.js", "report.html", "feed.xml"] where kept.contains(name) {
            let one = try Data(contentsOf: site.root.appendingPathComponent("site/public/\(name)"))
            let two = try Data(contentsOf: site.root.appendingPathComponent("fresh/\(name)"))
            #expect(one == two, "\(name)")
        }
    }
}

/// `lemma check --shard i/n` and `lemma report merge`: the shards cover every article
/// exactly once, and the merged report equals one run over all articles; overlapping
/// shards and reports of another version are errors.
@Suite struct ShardTests {
    static let articles: [String: String] = Dictionary(uniqueKeysWithValues: (1...5).map { k in
        ("a\(k).md", "---\ntitle: A\(k)\n---\n```swift check\ncheck(\(k) != 4, \"claim \(k)\")\n```\n")
    })

    @Test func shardsCoverEveryArticleOnceAndMergeToTheWholeRun() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        var covered: [String] = []
        for i in 1...3 {
            let run = try site.lemma(["check", "--shard", "\(i)/3", "--quiet", "--report", "shard-\(i).json"])
            #expect(run.status == (i == 1 ? 1 : 0), "shard \(i): \(run.stdout)")  // a4 (index 3 → shard 1) fails
            let data = try Data(contentsOf: site.root.appendingPathComponent("shard-\(i).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(json["shard"] as? String == "\(i)/3")
            covered += (json["articles"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        }
        #expect(covered.sorted() == (1...5).map { "articles/a\($0).md" })
        let merged = try site.lemma(["report", "merge", "shard-1.json", "shard-2.json", "shard-3.json", "--out", "all.json", "--junit", "all.xml"])
        #expect(merged.status == 1)
        #expect(merged.stdout == "articles/a4.md:5: FAIL claim 4 (the condition is false)\n4 passed, 1 failed\n")
        let whole = try site.lemma(["check", "--quiet", "--report", "whole.json"])
        #expect(whole.stdout == merged.stdout)
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: site.root.appendingPathComponent("all.json"))) as? [String: Any]
        #expect((all?["summary"] as? [String: Int]) == ["passed": 4, "failed": 1, "withoutVerdict": 0, "errors": 0])
        let junit = try String(contentsOf: site.root.appendingPathComponent("all.xml"), encoding: .utf8)
        #expect(junit.contains("<testsuites name=\"lemma\" tests=\"5\" failures=\"1\" errors=\"0\">"))
    }

    @Test func overlappingShardsAndBadShardsAreErrors() throws {
        let site = try TemporarySite(Self.articles)
        defer { site.remove() }
        _ = try site.lemma(["check", "--shard", "2/3", "--quiet", "--report", "s.json"])
        let twice = try site.lemma(["report", "merge", "s.json", "s.json"])
        #expect(twice.status != 0 && twice.status != 1)
        #expect(twice.stderr.contains("is in both s.json and s.json: the shards overlap"))
        for bad in ["0/3", "4/3", "2", "a/b", "1/0"] {
            let run = try site.lemma(["check", "--shard", bad])
            #expect(run.status == 64 || run.status == 2, "--shard \(bad)")
            #expect(run.stderr.contains("--shard"), "--shard \(bad): \(run.stderr)")
        }
        try site.write("old.json", "{\"version\": 1, \"summary\": {}, \"articles\": []}")
        let old = try site.lemma(["report", "merge", "articles/old.json"])
        #expect(old.stderr.contains("is a report of version 1"))
    }
}
