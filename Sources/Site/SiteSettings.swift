/// Site-wide settings (from `site/site.yml` once that file is read; defaults until then).
public struct SiteSettings: Sendable, Hashable {
    /// Shown in the header and the index page's title.
    public var title: String
    /// Default language of pages.
    public var language: String

    public init(title: String = "Lemma", language: String = "en") {
        self.title = title
        self.language = language
    }
}
