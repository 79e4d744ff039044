import Articles

/// The Atom feed (`feed.xml`): one entry per article, newest first. Its timestamps come
/// from the articles' dates, so the feed is the same for the same articles.
struct Feed {
    let settings: SiteSettings

    func xml(_ articles: [Article]) -> String {
        let dated = articles.compactMap { $0.frontMatter.date }.sorted()
        let updated = Self.timestamp(dated.last)
        let base = settings.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "<title>\(settings.title.htmlEscaped)</title>\n"
        xml += "<id>\((base.isEmpty ? "urn:lemma:" + Slug.make(settings.title) : base).htmlEscaped)</id>\n"
        if !base.isEmpty {
            xml += "<link href=\"\(base.htmlEscaped)\"/>\n<link rel=\"self\" href=\"\((base + "feed.xml").htmlEscaped)\"/>\n"
        }
        xml += "<updated>\(updated)</updated>\n"
        xml += "<author><name>\((settings.author ?? settings.title).htmlEscaped)</name></author>\n"
        for article in articles {
            let url = base.isEmpty ? Slug.pageURL(article.slug) : base + Slug.pagePath(article.slug)
            xml += "<entry>\n<title>\(article.title.htmlEscaped)</title>\n<link href=\"\(url.htmlEscaped)\"/>\n"
            xml += "<id>\((base.isEmpty ? "urn:lemma:" + Slug.percentEncoded(article.slug) : url).htmlEscaped)</id>\n"
            xml += "<updated>\(Self.timestamp(article.frontMatter.date))</updated>\n"
            if let summary = article.frontMatter.summary { xml += "<summary>\(summary.htmlEscaped)</summary>\n" }
            for tag in article.frontMatter.tags { xml += "<category term=\"\(tag.htmlEscaped)\"/>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// `2026-11-25` → `2026-11-25T00:00:00Z`; no date → the Unix epoch (fixed, so builds repeat).
    static func timestamp(_ date: String?) -> String {
        guard let date, date.count >= 10 else { return "1970-01-01T00:00:00Z" }
        return date.contains("T") ? date : String(date.prefix(10)) + "T00:00:00Z"
    }
}

/// `sitemap.xml`: the index, every article and tag page, with absolute URLs when the site
/// settings give a base URL.
struct Sitemap {
    let settings: SiteSettings

    func xml(_ articles: [Article], tagSlugs: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func url(_ path: String, _ date: String?) {
            xml += "<url><loc>\((settings.baseURL + path).htmlEscaped)</loc>"
            if let date { xml += "<lastmod>\(date.prefix(10).description.htmlEscaped)</lastmod>" }
            xml += "</url>\n"
        }
        url("index.html", nil)
        for a in articles { url(Slug.pagePath(a.slug), a.frontMatter.date) }
        for t in tagSlugs { url("tags/\(Slug.percentEncoded(t)).html", nil) }
        url("report.html", nil)
        return xml + "</urlset>\n"
    }
}
