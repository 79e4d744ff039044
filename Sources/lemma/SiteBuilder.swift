import Articles
import Foundation
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
        let settings = try SiteSettings.load(root: root)
        let theme = try Theme(overrides: root.appendingPathComponent("site/theme"))
        let articles = try session.loadArticles([])
        session.progress("verify \(articles.count) article\(articles.count == 1 ? "" : "s")")
        let results = try session.verifier(options).verify(articles)
        session.progress("render")
        let output = try SiteRenderer(settings: settings, theme: theme).site(articles, results: results)
        session.progress("write \(destination.path)")
        try SiteWriter(destination: destination, root: root).write(pages: output.pages, files: output.files)
        return results
    }
}
