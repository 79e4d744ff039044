import Articles
import Diagnostics
import Verifier

/// Turns articles and their verification results into the site's pages, as strings keyed
/// by their path inside the output folder. It never touches the disk (see ``SiteWriter``).
public struct SiteRenderer: Sendable {
    public var settings: SiteSettings

    public init(settings: SiteSettings = SiteSettings()) { self.settings = settings }

    /// Every page of the site: `index.html` and `<slug>.html` per article.
    public func pages(_ articles: [Article], results: [ArticleResult]) -> [String: String] {
        let byPath = Dictionary(results.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var pages: [String: String] = [:]
        for article in articles {
            pages["\(article.slug).html"] = articlePage(article, result: byPath[article.path])
        }
        pages["index.html"] = indexPage(articles, results: byPath)
        return pages
    }

    /// The page of one article: its prose with formulas, its claim blocks with verdicts,
    /// and its diagnostics at the top when there are any.
    public func articlePage(_ article: Article, result: ArticleResult?) -> String {
        let claims = result?.claims ?? []
        var replacements: [Int: String] = [:]
        for block in article.claimBlocks {
            let output = article.outputBlock(after: block)
            replacements[block.line] = ClaimBlockHTML.render(
                block, claims: ClaimBlockHTML.claims(in: block, from: claims),
                result: result?.blocks.first { $0.line == block.codeLine },
                showsPrintedOutput: output == nil, articlePath: article.path)
            if let output {
                replacements[output.line] = ClaimBlockHTML.renderOutput(
                    output, claim: claims.first { $0.kind == "output" && $0.line == output.line }, articlePath: article.path)
            }
        }
        let values = result?.inlineValues ?? []
        let body = article.html(
            replacingCodeBlocks: replacements,
            inlineValues: { k in
                let expression = k < article.inlineValues.count ? article.inlineValues[k].expression : ""
                guard k < values.count, let value = values[k] else {
                    return "<code class=\"inline-value missing\" title=\"not evaluated\">\(expression.htmlEscaped)</code>"
                }
                return "<span class=\"inline-value\" title=\"\(expression.htmlEscaped)\">\(value.htmlEscaped)</span>"
            },
            renderMath: MathHTML.render)

        var content = "<article>\n<h1>\(article.title.htmlEscaped)</h1>\n"
        content += "<p class=\"meta\">"
        if let date = article.frontMatter.date { content += "\(date.htmlEscaped) · " }
        content += statusHTML(result, hasClaims: !article.claimBlocks.isEmpty) + "</p>\n"
        content += diagnosticsHTML(result?.diagnostics ?? article.diagnostics)
        content += body + "</article>"
        return PageTemplate(settings: settings).page(
            title: article.title, language: article.frontMatter.lang, content: content,
            usesMath: !article.math.isEmpty || result?.blocks.contains { !$0.shows.isEmpty } == true)
    }

    /// The list of all articles with date, summary and verification status.
    public func indexPage(_ articles: [Article], results: [String: ArticleResult]) -> String {
        var content = "<h1>\(settings.title.htmlEscaped)</h1>\n<ul class=\"articles\">\n"
        for article in articles.sorted(by: Self.newestFirst) {
            content += "<li><a href=\"\(article.slug.htmlEscaped).html\">\(article.title.htmlEscaped)</a>"
            content += "<div class=\"meta\">"
            if let date = article.frontMatter.date { content += "\(date.htmlEscaped) · " }
            content += statusHTML(results[article.path], hasClaims: !article.claimBlocks.isEmpty)
            content += "</div>"
            if let summary = article.frontMatter.summary { content += "<p>\(summary.htmlEscaped)</p>" }
            content += "</li>\n"
        }
        content += "</ul>"
        return PageTemplate(settings: settings).page(
            title: settings.title, language: settings.language, content: content, usesMath: false)
    }

    /// Newest first by date, then by title.
    static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        let (da, db) = (a.frontMatter.date ?? "", b.frontMatter.date ?? "")
        return da != db ? da > db : a.title < b.title
    }

    private func statusHTML(_ result: ArticleResult?, hasClaims: Bool) -> String {
        guard let result else {
            return "<span class=\"status unverified\">not verified</span>"
        }
        if result.errors > 0 {
            return "<span class=\"status error\">\(result.errors) error\(result.errors == 1 ? "" : "s"), \(result.passed) passed, \(result.failed) failed</span>"
        }
        if result.failed > 0 {
            return "<span class=\"status fail\">\(result.failed) of \(result.claims.count) claims failed</span>"
        }
        if !hasClaims { return "<span class=\"status\">no claims</span>" }
        return "<span class=\"status pass\">all \(result.passed) claims verified</span>"
    }

    private func diagnosticsHTML(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let items = diagnostics.map { "<pre>\($0.description.htmlEscaped)</pre>" }.joined(separator: "\n")
        return "<div class=\"diagnostics\">\n\(items)\n</div>\n"
    }
}
