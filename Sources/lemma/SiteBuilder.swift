import Articles
import Diagnostics
import Foundation
import Parallelism
import Site
import Verifier

/// `lemma build` as a pipeline of named steps — parse, verify, render, write — shared by
/// `build` and `serve`. Each step is named in a progress line; the verify step's lines
/// about articles are indented below it.
struct SiteBuilder {
    let session: SiteSession
    let destination: URL
    let options: VerifyOptions

    /// Runs every step and returns the verification results.
    func build() throws -> [ArticleResult] {
        let root = session.root
        // Refuse a bad output folder before the long steps.
        try OutputFolderPolicy.check(destination, root: root)
        session.progress("parse")
        var settings = try SiteSettings.load(root: root)
        let apiReference = apiReferenceFolder(&settings)
        let theme = try Theme(overrides: root.appendingPathComponent("site/theme"))
        let (articles, keepParsedArticles) = try session.loadArticlesKeepingLater([])
        session.progress("verify \(articles.count) article\(articles.count == 1 ? "" : "s")")
        var results = try session.verifier(options).verify(articles)
        var typesetter = MathTypesetter(
            macros: settings.macros, cacheFile: root.appendingPathComponent(".build/lemma/math-cache.bin"))
        let started = Date()
        let math = try typesetter.typeset(SiteMath.formulas(articles, results: results))
        keepParsedArticles()
        session.progress(String(
            format: "typeset math: %d formulas, %d new (%.2f s)", math.count, typesetter.typesetCount,
            Date().timeIntervalSince(started)))
        // A formula KaTeX rejects is an error of its article: in the totals, on its page,
        // and a failure for --strict.
        let mathErrors = Dictionary(grouping: SiteMath.diagnostics(articles, results: results, typeset: math), by: \.location.file)
        for k in results.indices { results[k].diagnostics += mathErrors[results[k].path] ?? [] }
        let verified = Set(results.map(\.path))
        for article in articles where !verified.contains(article.path) {
            if let errors = mathErrors[article.path] { results.append(ArticleResult(path: article.path, diagnostics: errors)) }
        }
        var renderer = try SiteRenderer(settings: settings, theme: theme)
        renderer.typesetMath = math
        renderer.buildContext = Verifier.buildFingerprint + "|" + typesetter.contextKey()
        let manifest = PageManifest.load(root: root, destination: destination)
        renderer.previousPages = manifest
        var output = try renderer.site(articles, results: results)
        let reusedArticles = articles.count { output.reused.contains("\($0.slug).html") }
        session.progress("render: \(articles.count - reusedArticles) article pages, \(reusedArticles) unchanged since the last build")
        if let apiReference { output.files["api"] = apiReference }
        session.progress("write \(destination.path)")
        // The build id names what the article pages were made from: two builds with the
        // same id hold the same pages (and the output stays byte-identical build to build).
        var id = StableHash()
        for (path, record) in output.records.sorted(by: { $0.key < $1.key }) { id.combine(path + " " + record.key) }
        let buildID = id.hex
        // The manifest is written while the site is (``BackgroundWrites``; lemma waits for it
        // before exiting, the next load waits for it too). It counts only once the output
        // folder's marker names the same build id, so should writing the site fail, the next
        // build ignores it and renders every page.
        let records = output.records
        BackgroundWrites.shared.start(PageManifest.file(root).path) {
            PageManifest.save(records, root: root, destination: destination, buildID: buildID)
        }
        try SiteWriter(destination: destination, root: root).write(
            pages: output.pages, files: output.files, reused: output.reused, buildID: buildID)
        return results
    }

    /// The API reference folder that `site.yml` names, when it exists (copied whole to
    /// `api/`). When it does not, a warning says how to make it, and the pages are built
    /// without the link (`settings.apiReference` is cleared).
    private func apiReferenceFolder(_ settings: inout SiteSettings) -> URL? {
        guard let path = settings.apiReference else { return nil }
        let url = session.root.appendingPathComponent(path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("index.html").path),
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue
        {
            return url
        }
        settings.apiReference = nil
        let warning = Diagnostic(
            .warning, id: "settings.api-reference", at: SourceLocation(file: "site/site.yml", line: 1),
            "apiReference: \(path) holds no API reference; the pages are built without the API link",
            explanation: "make api writes it (DocC, from the doc comments), then build again")
        print(warning.description)
        return nil
    }
}
