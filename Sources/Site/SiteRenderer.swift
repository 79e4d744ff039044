import Articles
import Diagnostics
import Foundation
import Verifier
import Parallelism

/// Everything a build writes: pages and generated files as text, and files copied as they
/// are (theme assets, KaTeX), by their path inside the output folder.
public struct SiteOutput: Sendable {
    public var pages: [String: String] = [:]
    public var files: [String: URL] = [:]
    /// Pages not rendered again: the previous build's file is kept as it is.
    public var reused: Set<String> = []
    /// What each article page was built from, for the next build (``PageRecord``).
    public var records: [String: PageRecord] = [:]
}

/// What a page was built from (`key`: a digest of all its inputs) and, for an article
/// page, its entry in the search index and in the lists of the index and tag pages, kept
/// between builds so that a page whose inputs did not change is neither rendered nor
/// written again.
public struct PageRecord: Codable, Sendable, Hashable {
    public var key: String
    public var searchEntry: String
    /// The article's entry on the index page and on tag pages (whose links start with `../`).
    public var listEntry: String
    public var nestedListEntry: String

    public init(key: String, searchEntry: String, listEntry: String = "", nestedListEntry: String = "") {
        self.key = key
        self.searchEntry = searchEntry
        self.listEntry = listEntry
        self.nestedListEntry = nestedListEntry
    }
}

/// Turns articles and their verification results into the site's pages, as strings keyed
/// by their path inside the output folder. It never touches the disk (see ``SiteWriter``).
public struct SiteRenderer: Sendable {
    public var settings: SiteSettings
    public var theme: Theme
    /// Whether every claim of the site passed (and no article had an error): only then does
    /// the footer say that every claim was checked.
    var everyClaimPassed = true
    /// Formulas as typeset at build (``MathTypesetter``); empty: formulas keep their TeX.
    public var typesetMath = TypesetMath()
    /// What pages depend on besides the site's settings, theme and articles: the builder
    /// names the `lemma` build and the math typesetter's context here.
    public var buildContext = ""
    /// The previous build's article pages that are still in the output folder, by path.
    public var previousPages: [String: PageRecord] = [:]

    public init(settings: SiteSettings = SiteSettings(), theme: Theme? = nil) throws {
        self.settings = settings
        self.theme = try theme ?? Theme()
    }

    /// Every page of the site: an article page per article, the index, tag pages, the
    /// report, 404, the Atom feed, the sitemap and the search index; plus the files to copy.
    public func site(_ articles: [Article], results: [ArticleResult]) throws -> SiteOutput {
        var renderer = self
        let verified = Set(results.map(\.path))
        renderer.everyClaimPassed = results.allSatisfy { $0.failed == 0 && $0.errors == 0 }
            && articles.allSatisfy { article in article.claimBlocks.isEmpty || verified.contains(article.path) }
        return try renderer.pages(articles, results: results)
    }

    private func pages(_ articles: [Article], results: [ArticleResult]) throws -> SiteOutput {
        let byPath = Dictionary(results.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = articles.sorted(by: Self.newestFirst)
        let tagSlugs = Slug.tags(ordered.flatMap(\.frontMatter.tags))
        var out = SiteOutput()
        // Article pages are independent: render them on all cores, unless the previous
        // build made the same page from the same inputs.
        let context = pageContext()
        let rendered = ParallelMap.map(ordered) { article -> (html: String?, record: PageRecord) in
            let key = pageKey(article, result: byPath[article.path], tagSlugs: tagSlugs, context: context)
            if let previous = previousPages["\(article.slug).html"], previous.key == key {
                return (nil, previous)
            }
            let page = articlePage(article, result: byPath[article.path], tagSlugs: tagSlugs)
            let entry = SearchIndex.object(.init(title: article.title, url: Slug.pageURL(article.slug), text: page.plainText))
            // The article's list entry (the page key covers what it shows).
            var context = listEntry(article, byPath[article.path], tagSlugs: tagSlugs)
            context["root"] = "./"
            let root = theme.render("entry", context)
            context["root"] = "../"
            let nested = theme.render("entry", context)
            return (page.html, PageRecord(key: key, searchEntry: entry, listEntry: root, nestedListEntry: nested))
        }
        for (article, page) in zip(ordered, rendered) {
            let path = "\(article.slug).html"
            if let html = page.html { out.pages[path] = html } else { out.reused.insert(path) }
            out.records[path] = page.record
        }
        // The report lists every article: made again only when what it shows changed.
        let report = reportContext(ordered, results: byPath)
        var reportKey = StableHash()
        reportKey.combine(context)
        TemplateValue.object(report).combine(into: &reportKey)
        let reportChanged = previousPages["report.html"]?.key != reportKey.hex
        if !reportChanged { out.reused.insert("report.html") }
        out.records["report.html"] = PageRecord(key: reportKey.hex, searchEntry: "")
        // The pages made from all articles, on all cores: the search index (the largest,
        // ~10 MB for a thousand articles); the feed and sitemap; the index, tag pages,
        // report and 404.
        let parts = ParallelMap.map([0, 1, 2]) { part -> [String: String] in
            switch part {
            case 0: ["search-index.js": SearchIndex.script(objects: rendered.map(\.record.searchEntry))]
            case 1: feeds(ordered, tagSlugs: tagSlugs)
            default: listPages(ordered, rendered: rendered, tagSlugs: tagSlugs, report: reportChanged ? report : nil)
            }
        }
        for part in parts { out.pages.merge(part) { a, _ in a } }
        for (name, url) in theme.assets { out.files["assets/\(name)"] = url }
        for (path, url) in try KaTeXAssets.files() { out.files[path] = url }
        return out
    }

    /// `feed.xml` and `sitemap.xml`.
    private func feeds(_ ordered: [Article], tagSlugs: [String: String]) -> [String: String] {
        [
            "feed.xml": Feed(settings: settings).xml(ordered),
            "sitemap.xml": Sitemap(settings: settings).xml(ordered, tagSlugs: Self.tags(ordered).map { tagSlugs[$0.0]! }),
        ]
    }

    /// The index, the tag pages, 404 and, when given its context, the report.
    private func listPages(
        _ ordered: [Article], rendered: [(html: String?, record: PageRecord)], tagSlugs: [String: String],
        report: [String: TemplateValue]?
    ) -> [String: String] {
        var pages: [String: String] = [:]
        let entries = rendered.map { (root: $0.record.listEntry, nested: $0.record.nestedListEntry) }
        let entryBySlug = Dictionary(uniqueKeysWithValues: zip(ordered.map(\.slug), entries))
        pages["index.html"] = indexPage(entries: entries.map(\.root).joined())
        for (tag, tagged) in Self.tags(ordered) {
            pages["tags/\(tagSlugs[tag]!).html"] = tagPage(tag, entries: tagged.map { entryBySlug[$0.slug]!.nested }.joined())
        }
        if let report { pages["report.html"] = renderReport(report) }
        pages["404.html"] = layout(title: "Not found", content: theme.render("404", [:]), usesMath: false)
        return pages
    }

    /// Newest first by date, then by title.
    static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        let (da, db) = (a.frontMatter.date ?? "", b.frontMatter.date ?? "")
        return da != db ? da > db : a.title < b.title
    }

    /// Tags in name order with their articles.
    static func tags(_ articles: [Article]) -> [(String, [Article])] {
        var byTag: [String: [Article]] = [:]
        for a in articles { for t in a.frontMatter.tags { byTag[t, default: []].append(a) } }
        return byTag.keys.sorted().map { ($0, byTag[$0]!) }
    }

    // MARK: Page keys

    /// Everything every article page depends on besides its own article and result.
    func pageContext() -> String {
        var hash = StableHash()
        hash.combine("page format 1")
        hash.combine(buildContext)
        hash.combine(String(describing: settings))
        hash.combine(theme.digest)
        hash.combine(everyClaimPassed ? "all passed" : "not all passed")
        return hash.hex
    }

    /// A digest of all the inputs of one article page.
    func pageKey(_ article: Article, result: ArticleResult?, tagSlugs: [String: String], context: String) -> String {
        var hash = StableHash()
        hash.combine(context)
        hash.combine(article.sourceDigest)
        if var result {
            // How long the run took and whether it came from the cache are not on the page.
            result.seconds = 0
            result.cached = false
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            hash.combine(bytes: (try? encoder.encode(result)) ?? Data(UUID().uuidString.utf8))
        } else {
            hash.combine("no result")
        }
        for tag in article.frontMatter.tags { hash.combine(tag + "=" + (tagSlugs[tag] ?? "")) }
        return hash.hex
    }

    // MARK: Pages

    /// The page of one article, and its text for the search index.
    /// `tagSlugs` names the tag pages (see ``Slug/tags(_:)``); without it each tag's plain slug.
    public func articlePage(
        _ article: Article, result: ArticleResult?, tagSlugs: [String: String] = [:]
    ) -> (html: String, plainText: String) {
        let words = InterfaceText.forLanguage(article.frontMatter.lang ?? settings.language)
        let math = MathHTML(typeset: typesetMath)
        let body = ArticleBody(article: article, result: result, sourceURL: settings.sourceURL, text: words, math: math).render()
        let toc = body.contents.entries
        let status = PageStatus(result, hasClaims: article.hasClaims, text: words)
        let diagnostics = (result?.diagnostics ?? article.diagnostics).map(\.description)
        let context: [String: TemplateValue] = [
            "title": .text(article.title),
            "date": .optional(article.frontMatter.date),
            "tags": tagList(article.frontMatter.tags, slugs: tagSlugs),
            "statusClass": .text(status.cssClass), "statusText": .text(status.text),
            "hasDiagnostics": .flag(!diagnostics.isEmpty), "diagnostics": .list(diagnostics.map(TemplateValue.text)),
            "hasTOC": .flag(toc.count >= 2), "tContents": .text(words.contents),
            "toc": .list(toc.map { ["id": .text($0.id), "html": .text(math.render($0.heading, math: article.math)), "level": .number($0.level)] }),
            "body": .html(body.html),
        ]
        let usesMath = !article.math.isEmpty || !article.identities.isEmpty || result?.blocks.contains { !$0.shows.isEmpty } == true
        let html = layout(
            title: article.title, content: theme.render("article", context), usesMath: usesMath,
            language: article.frontMatter.lang, description: article.frontMatter.summary)
        return (html, body.searchText)
    }

    func indexPage(entries: String) -> String {
        let context: [String: TemplateValue] = [
            "siteTitle": .text(settings.title), "description": .optional(settings.description), "entries": .html(entries),
        ]
        return layout(
            title: settings.title, content: theme.render("index", context), usesMath: false,
            description: settings.description, scripts: ["assets/search.js"])
    }

    func tagPage(_ tag: String, entries: String) -> String {
        let content = theme.render("tag", ["tag": .text(tag), "entries": .html(entries)])
        return layout(title: "\(tag) — \(settings.title)", content: content, usesMath: false, root: "../")
    }

    func renderReport(_ context: [String: TemplateValue]) -> String {
        layout(title: "Report — \(settings.title)", content: theme.render("report", context), usesMath: false)
    }

    /// The report template's context: everything the report shows.
    func reportContext(_ articles: [Article], results: [String: ArticleResult]) -> [String: TemplateValue] {
        // Articles with a failure or an error first (in their usual order), then the rest.
        let all = articles.compactMap { article in results[article.path].map { (article, $0) } }
        let ordered = all.filter { $0.1.failed + $0.1.errors > 0 } + all.filter { $0.1.failed + $0.1.errors == 0 }
        let sections: [TemplateValue] = ordered.map { article, result in
            let status = PageStatus(result, hasClaims: article.hasClaims)
            return [
                "title": .text(article.title), "url": .text(Slug.pageURL(article.slug)), "path": .text(article.path),
                "statusClass": .text(status.cssClass), "statusText": .text(status.text),
                "claims": .list(result.claims.map { c -> TemplateValue in
                    [
                        "line": .number(c.line), "anchor": .number(ClaimGraphHTML.anchor(article, c.line)),
                        "label": .text(c.label.isEmpty ? c.kind.rawValue : c.label), "status": .text(c.status.rawValue),
                        "time": .text(c.seconds.map(Self.formatTime) ?? ""),
                        "restsOn": .list(result.restsOn(c).map {
                            ["line": .number($0), "anchor": .number(ClaimGraphHTML.anchor(article, $0))]
                        }),
                    ]
                }),
            ]
        }
        let summary = Summary(ordered.map(\.1))
        let problems = Summary.problemLines(ordered.map(\.1))
        // What to fix first: the claims that did not pass, by how many claims rest on them.
        var fixFirst: [(count: Int, entry: TemplateValue)] = []
        for (article, result) in ordered {
            for claim in result.claims where claim.status != .pass {
                let count = result.claims.count { result.restsOn($0).contains(claim.line) }
                guard count > 0 else { continue }
                fixFirst.append((count, [
                    "url": .text(Slug.pageURL(article.slug)), "anchor": .number(ClaimGraphHTML.anchor(article, claim.line)),
                    "path": .text(article.path), "line": .number(claim.line),
                    "label": .text(claim.label.isEmpty ? claim.kind.rawValue : claim.label), "count": .number(count),
                    "plural": .flag(count != 1),
                ]))
            }
        }
        let context: [String: TemplateValue] = [
            "fixFirst": .list(fixFirst.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element.entry)),
            "hasFixFirst": .flag(!fixFirst.isEmpty),
            "articles": .list(sections), "totals": .text(summary.totalsLine),
            "statusClass": .text(summary.isSuccess ? "pass" : (summary.errors > 0 ? "error" : "fail")),
            "hasProblems": .flag(!problems.isEmpty), "problems": .list(problems.map(TemplateValue.text)),
        ]
        return context
    }

    /// `0.4 ms`, `12 ms`, `1.3 s`.
    static func formatTime(_ seconds: Double) -> String {
        if seconds < 0.01 { return String(format: "%.1f ms", seconds * 1000) }
        if seconds < 1 { return String(format: "%.0f ms", seconds * 1000) }
        return String(format: "%.1f s", seconds)
    }

    /// The context of `entry.mustache`, but for `root` (the way from the page to the site
    /// root), which the caller fills in per page.
    private func listEntry(_ article: Article, _ result: ArticleResult?, tagSlugs: [String: String]) -> [String: TemplateValue] {
        let status = PageStatus(result, hasClaims: article.hasClaims)
        return [
            "title": .text(article.title), "url": .text(Slug.pagePath(article.slug)), "date": .optional(article.frontMatter.date),
            "summary": .optional(article.frontMatter.summary), "tags": tagList(article.frontMatter.tags, slugs: tagSlugs),
            "statusClass": .text(status.cssClass), "statusText": .text(status.text),
        ]
    }

    /// Tags as templates list them: `name` and the `slug` of the tag's page (``Slug/tags(_:)``).
    private func tagList(_ tags: [String], slugs: [String: String]) -> TemplateValue {
        .list(tags.map { ["name": .text($0), "slug": .text(slugs[$0] ?? Slug.make($0))] })
    }

    private func layout(
        title: String, content: String, usesMath: Bool, language: String? = nil, description: String? = nil,
        root: String = "", scripts: [String] = []
    ) -> String {
        let words = InterfaceText.forLanguage(language ?? settings.language)
        return theme.render("layout", [
            "title": .text(title), "lang": .text(language ?? settings.language), "siteTitle": .text(settings.title),
            "tReport": .text(words.report), "tSearch": .text(words.search), "tFooterChecked": .text(words.footerChecked),
            "tFooterNotAll": .text(words.footerNotAll), "tReportLink": .text(words.reportLink), "tBy": .text(words.by),
            "tBuiltWith": .text(words.builtWith), "tAPI": .text(words.api),
            "apiLink": settings.apiReference == nil ? false : .text(SiteSettings.apiLandingPage),
            "description": .optional(description), "author": .optional(settings.author),
            "root": .text(root), "usesMath": .flag(usesMath), "scripts": .list(scripts.map(TemplateValue.text)),
            "everyClaimPassed": .flag(everyClaimPassed), "content": .html(content),
        ])
    }
}
