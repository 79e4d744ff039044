import Articles
import Diagnostics
import Foundation
import Testing
import Verifier
@testable import Site

@Suite struct SiteRendererTests {
    let article = ArticleParser.parse("""
        ---
        title: "Reflections <&> rotations"
        date: 2026-11-25
        ---
        The map $T_1$ is *orthogonal*.

        ```swift check
        check(true, "ok")
        check(false, "<script>alert(1)</script>")
        ```
        """, path: "articles/r.md")

    var result: ArticleResult {
        ArticleResult(path: "articles/r.md", claims: [
            ClaimRecord(line: 8, kind: .check, label: "ok", status: .pass),
            ClaimRecord(line: 9, kind: .check, label: "<script>alert(1)</script>", status: .fail, detail: "x < y"),
        ])
    }

    /// A `lang: zh` article gets the theme's words in Chinese; English pages keep theirs.
    @Test func chineseArticlesGetChineseInterfaceText() throws {
        let zh = ArticleParser.parse("""
            ---
            title: 正定性
            lang: zh
            ---
            ## 第一节

            ## 第二节

            ```swift check
            check(false, "失败")
            ```
            """, path: "articles/zh.md")
        let zhResult = ArticleResult(path: "articles/zh.md", claims: [ClaimRecord(line: 10, kind: .check, label: "失败", status: .fail, detail: "x")])
        let html = try SiteRenderer().site([zh], results: [zhResult]).pages["zh.html"]!
        for word in ["<p>目录</p>", "<summary>详情</summary>", "1 条论断中 1 条未通过", ">验证报告</a>", ">搜索</a>", "本站并非所有论断都已通过", "链接到本节"] {
            #expect(html.contains(word), "\(word)")
        }
        #expect(!html.contains("Contents") && !html.contains(">Report<"))
        let english = try SiteRenderer().articlePage(article, result: result).html
        #expect(english.contains("<summary>details</summary>") && english.contains(">Report</a>"))
    }

    /// Named after the bug: an article without `lang` took English even on a site whose
    /// `site.yml` says `language: zh`.
    @Test func anArticleWithoutLangTakesTheSiteLanguage() throws {
        let plain = ArticleParser.parse("---\ntitle: 无语言标记\n---\n## 第一节\n\n## 第二节\n", path: "articles/p.md")
        var settings = SiteSettings()
        settings.language = "zh"
        let html = try SiteRenderer(settings: settings).articlePage(plain, result: nil).html
        #expect(html.contains("<p>目录</p>"))
        #expect(html.contains("lang=\"zh\""))
        #expect(try SiteRenderer().articlePage(plain, result: nil).html.contains("<p>Contents</p>"))
    }

    @Test func theReportListsFailingArticlesFirst() throws {
        let clean = ArticleParser.parse("---\ntitle: Clean\ndate: 2026-12-01\n---\n```swift check\ncheck(true)\n```\n", path: "articles/a.md")
        let cleanResult = ArticleResult(path: "articles/a.md", claims: [ClaimRecord(line: 5, kind: .check, label: "fine", status: .pass)])
        let report = try SiteRenderer().site([clean, article], results: [cleanResult, result]).pages["report.html"]!
        let failing = try #require(report.range(of: "Reflections")), passing = try #require(report.range(of: "Clean"))
        #expect(failing.lowerBound < passing.lowerBound)
    }

    /// The footer claims that every claim was checked only when every claim passed.
    @Test func theFooterIsTrue() throws {
        let failing = try SiteRenderer().site([article], results: [result])
        #expect(failing.pages["r.html"]?.contains("Not every claim on this site passed") == true)
        #expect(failing.pages["r.html"]?.contains("Every claim on this site was checked") == false)
        var passing = result
        passing.claims = [passing.claims[0]]
        let good = try SiteRenderer().site([article], results: [passing])
        #expect(good.pages["r.html"]?.contains("Every claim on this site was checked by running it") == true)
        let unverified = try SiteRenderer().site([article], results: [])
        #expect(unverified.pages["index.html"]?.contains("Not every claim on this site passed") == true)
    }

    @Test func articlePageShowsVerdictsMathAndEscapesClaimText() throws {
        let html = try SiteRenderer().articlePage(article, result: result).html
        #expect(html.contains("<title>Reflections &lt;&amp;&gt; rotations</title>"))
        #expect(html.contains("<span class=\"math inline\">T_1</span>"))
        #expect(html.contains("<em>orthogonal</em>"))
        #expect(html.contains("class=\"claim-block fail\" id=\"L7\""))
        #expect(html.contains("<li class=\"claim pass\""))
        #expect(html.contains("<li class=\"claim fail\""))
        #expect(html.contains("<details open><summary>details</summary><pre>x &lt; y</pre></details>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("x &lt; y"))
        #expect(html.contains("katex/katex.min.css"))
        #expect(!html.contains("<script src=\"katex"))
        #expect(html.contains("1 of 2 claims failed"))
    }

    @Test func indexListsArticlesWithStatus() throws {
        let pages = try SiteRenderer().site([article], results: [result]).pages
        #expect(Set(pages.keys) == ["index.html", "r.html", "report.html", "404.html", "feed.xml", "sitemap.xml", "search-index.js"])
        #expect(pages["index.html"]!.contains("<a href=\"./r.html\">Reflections &lt;&amp;&gt; rotations</a>"))
        #expect(pages["report.html"]!.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(pages["index.html"]!.contains("status fail"))
    }

    @Test func unverifiedArticleSaysSo() throws {
        let html = try SiteRenderer().articlePage(article, result: nil).html
        #expect(html.contains("not verified"))
        #expect(html.contains("claim-block unverified"))
    }

    @Test func hiddenBlockShowsVerdictsButNoCode() throws {
        let hidden = ArticleParser.parse("---\ntitle: H\n---\n```swift check hide\ncheck(true, \"secret\")\n```\n", path: "articles/h.md")
        let html = try SiteRenderer().articlePage(
            hidden, result: ArticleResult(path: "articles/h.md", claims: [ClaimRecord(line: 5, kind: .check, label: "secret", status: .pass)])).html
        #expect(!html.contains("check(true"))
        #expect(html.contains("<span class=\"label\">secret</span>"))
    }

    @Test func diagnosticsAppearOnThePage() throws {
        let broken = ArticleParser.parse("---\ndate: 1\n---\n", path: "articles/b.md")
        let html = try SiteRenderer().articlePage(broken, result: nil).html
        #expect(html.contains("articles/b.md:1: error: front matter has no title"))
    }
}

@Suite struct SiteWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesPagesAndReplacesThePreviousSite() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        try SiteWriter(destination: out).write(pages: ["index.html": "one", "old.html": "x"], files: [:])
        try SiteWriter(destination: out).write(pages: ["index.html": "two"], files: [:])
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("old.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func aFailedWriteLeavesThePreviousSiteIntact() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        try SiteWriter(destination: out).write(pages: ["index.html": "good"], files: [:])
        let missing = root.appendingPathComponent("no-such-file.css")
        #expect(throws: (any Error).self) {
            try SiteWriter(destination: out).write(pages: ["index.html": "bad"], files: ["a.css": missing])
        }
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func theOutputIsMarkedAsALemmaBuild() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        try SiteWriter(destination: out).write(pages: ["index.html": "one"], files: [:])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(SiteWriter.marker).path))
    }

    @Test func neverReplacesTheSiteFolderArticlesOrAFolderOfOtherFiles() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("blog")
        let articles = site.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: articles.appendingPathComponent("a.md"))
        let other = root.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: other.appendingPathComponent("cat.jpg"))
        let settings = site.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: settings, withIntermediateDirectories: true)

        for target in [site, articles, root, URL(fileURLWithPath: "/"), settings, articles.appendingPathComponent("out")] {
            #expect(throws: SiteWriterError.protectedFolder(target.path)) {
                try SiteWriter(destination: target, root: site).write(pages: ["index.html": "x"], files: [:])
            }
        }
        #expect(throws: SiteWriterError.foreignFolder(other.path, "cat.jpg")) {
            try SiteWriter(destination: other, root: site).write(pages: ["index.html": "x"], files: [:])
        }
        #expect(try String(contentsOf: articles.appendingPathComponent("a.md"), encoding: .utf8) == "keep")
        #expect(try String(contentsOf: other.appendingPathComponent("cat.jpg"), encoding: .utf8) == "keep")
        // Through a symbolic link too.
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: articles)
        #expect(throws: SiteWriterError.protectedFolder(link.path)) {
            try SiteWriter(destination: link, root: site).write(pages: ["index.html": "x"], files: [:])
        }
    }

    @Test func stagingLeftByAKilledBuildIsRemovedAtTheNextBuild() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("public")
        // A process id that is not running: a child that has exited and been reaped.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = child.processIdentifier
        let stale = root.appendingPathComponent(".public-new-\(dead)")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("half a site".utf8).write(to: stale.appendingPathComponent("index.html"))
        let unrelated = root.appendingPathComponent(".public-new-notapid")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        try SiteWriter(destination: out).write(pages: ["index.html": "one"], files: [:])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".public-new-notapid", "public"])
    }

    @Test func assetsIncludeThemeAndKaTeX() throws {
        let files = try SiteRenderer().site([], results: []).files
        #expect(files["assets/lemma.css"] != nil)
        #expect(files["assets/search.js"] != nil)
        #expect(files["katex/katex.min.css"] != nil)
        #expect(files["katex/katex.min.js"] == nil)  // math is typeset at build
        #expect(files.keys.contains { $0.hasPrefix("katex/fonts/") })
    }
}

@Suite struct SourceLinkTests {
    @Test func claimsLinkToTheirSourceLineWhenTheSiteHasASourceURL() throws {
        let article = ArticleParser.parse("---\ntitle: T\n---\n```swift check\ncheck(true, \"ok\")\n```\n", path: "articles/t.md")
        let result = ArticleResult(path: "articles/t.md", claims: [ClaimRecord(line: 5, kind: .check, label: "ok", status: .pass)])
        let linked = try SiteRenderer(settings: SiteSettings(sourceURL: "https://example.org/notes/blob/main/"))
            .articlePage(article, result: result).html
        #expect(linked.contains("<a class=\"where\" href=\"https://example.org/notes/blob/main/articles/t.md#L5\">articles/t.md:5</a>"))
        let plain = try SiteRenderer().articlePage(article, result: result).html
        #expect(plain.contains("<span class=\"where\">articles/t.md:5</span>"))
    }

    @Test func settingsAreReadFromSiteYml() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("title: Notes\nbaseURL: https://example.org/n\nsourceURL: https://example.org/src\nlanguage: zh\n".utf8)
            .write(to: root.appendingPathComponent("site/site.yml"))
        let settings = try SiteSettings.load(root: root)
        #expect(settings.title == "Notes")
        #expect(settings.baseURL == "https://example.org/n/")
        #expect(settings.sourceURL == "https://example.org/src/")
        #expect(settings.language == "zh")
        try Data("title: [unclosed\n".utf8).write(to: root.appendingPathComponent("site/site.yml"))
        #expect(throws: SettingsError.self) { try SiteSettings.load(root: root) }
    }
}

@Suite struct SVGSanitizerTests {
    @Test func plotsPassUnchanged() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" role=\"img\" aria-label=\"a &lt; b\">\n"
            + "<g stroke=\"currentColor\"><line x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"/></g>\n<text x=\"1\" y=\"2\">it's &amp; x</text></svg>"
        #expect(SVGSanitizer.sanitize(svg) == svg)
    }

    @Test(arguments: [
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=\"alert(1)\"></svg>",
        "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><rect fill=\"url(javascript:x)\"/></svg>",
        "<svg><!-- --><text>x</text></svg>",
        "<svg><text>x</svg>",
        "</div><script>alert(1)</script>",
        "<svg><foreignObject><div>x</div></foreignObject></svg>",
        "<svg><text>&#x3C;script&#x3E;</text></svg>",
        "<svg></svg><svg></svg>",
        "<svg><text>a</text></svg><img src=x onerror=alert(1)>",
    ])
    func markupThatPlotsDoNotUseIsRefused(svg: String) {
        #expect(SVGSanitizer.sanitize(svg) == nil)
    }
}

@Suite struct LinkSafetyTests {
    @Test func fileNamesNeverBecomeSchemesOrFragments() throws {
        let articles = ["javascript:alert(1)", "a#b?c d"].map {
            ArticleParser.parse("---\ntitle: T\(String($0.count))\ntags: [x]\n---\nText.\n", path: "articles/\($0).md")
        }
        let out = try SiteRenderer(settings: SiteSettings()).site(articles, results: [])
        for name in ["index.html", "feed.xml", "sitemap.xml", "search-index.js", "tags/x.html", "report.html"] {
            let page = try #require(out.pages[name])
            #expect(!page.contains("javascript:alert"), "\(name)")
            #expect(!page.contains("href=\"a#b"), "\(name)")
        }
        #expect(out.pages["index.html"]!.contains("href=\"./javascript%3Aalert%281%29.html\""))
        #expect(out.pages["index.html"]!.contains("href=\"./a%23b%3Fc%20d.html\""))
        #expect(out.pages["javascript:alert(1).html"] != nil)
    }

    @Test func tagsThatSlugAlikeGetPagesOfTheirOwn() throws {
        let articles = ["C++", "C#", "c"].enumerated().map { k, tag in
            ArticleParser.parse("---\ntitle: T\(k)\ntags: [\"\(tag)\"]\n---\nText.\n", path: "articles/t\(k).md")
        }
        let out = try SiteRenderer(settings: SiteSettings()).site(articles, results: [])
        let tagPages = out.pages.keys.filter { $0.hasPrefix("tags/") }.sorted()
        #expect(tagPages == ["tags/c-2.html", "tags/c-3.html", "tags/c.html"])
        // Each page lists exactly its own article.
        for page in tagPages { #expect(out.pages[page]!.components(separatedBy: "<li>").count == 2) }
    }

    @Test func sourceURLMustBeHTTP() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-settings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("title: T\nsourceURL: javascript:alert(1)//\n".utf8).write(to: root.appendingPathComponent("site/site.yml"))
        #expect { try SiteSettings.load(root: root) } throws: { error in
            (error as? SettingsError)?.diagnostic.id == "settings.sourceURL"
                && (error as? SettingsError)?.diagnostic.location.line == 2
        }
    }
}
