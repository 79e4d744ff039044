import Diagnostics
import Foundation
import Yams

/// Site-wide settings, from `site/site.yml`.
public struct SiteSettings: Sendable, Hashable {
    /// Shown in the header and the index page's title.
    public var title: String
    /// Where the site is published, e.g. `https://example.org/notes/`; used by the feed and
    /// the sitemap. Relative links work without it.
    public var baseURL: String
    /// Default language of pages (`en`, `zh`, …).
    public var language: String
    /// Shown in the footer and the feed.
    public var author: String?
    /// One sentence under the title of the index page.
    public var description: String?
    /// Where the site folder's files can be read online, e.g.
    /// `https://github.com/you/notes/blob/main/`; claims then link to `<sourceURL><path>#L<line>`.
    public var sourceURL: String?
    /// A folder, relative to the site folder, that holds the API reference as DocC writes
    /// it for static hosting under the base path `api` (`make api` writes
    /// `.build/api-reference`). It is copied to `api/` and every page's header links to it;
    /// nil (the default): no reference.
    public var apiReference: String?
    /// TeX macros for every formula of the site (`\\R: \\mathbb{R}`), passed to KaTeX.
    public var macros: [String: String] = [:]
    /// Where the header's API link points inside `api/`.
    public static let apiLandingPage = "api/documentation/claimkit/"

    public init(
        title: String = "Lemma", baseURL: String = "", language: String = "en", author: String? = nil,
        description: String? = nil, sourceURL: String? = nil
    ) {
        self.sourceURL = sourceURL
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.author = author
        self.description = description
    }

    /// Reads `ROOT/site/site.yml`; the defaults when there is no such file.
    ///
    /// - Throws: a ``Diagnostic`` with the file and line when the YAML is malformed.
    public static func load(root: URL) throws -> SiteSettings {
        let url = root.appendingPathComponent("site/site.yml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return SiteSettings() }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            var line = 1
            if case let .parser(_, _, mark, _) = error { line = mark.line }
            if case let .scanner(_, _, mark, _) = error { line = mark.line }
            throw SettingsError(diagnostic: Diagnostic(
                .error, id: "settings.yaml", at: SourceLocation(file: "site/site.yml", line: line),
                "site settings are not valid YAML: \(error)"))
        }
        let fields = node?.mapping
        var settings = SiteSettings()
        if let v = fields?["title"]?.string { settings.title = v }
        if var v = fields?["baseURL"]?.string ?? fields?["base_url"]?.string {
            if !v.isEmpty, !v.hasSuffix("/") { v += "/" }
            settings.baseURL = v
        }
        if let v = fields?["language"]?.string ?? fields?["lang"]?.string { settings.language = v }
        settings.author = fields?["author"]?.string
        settings.description = fields?["description"]?.string
        settings.apiReference = fields?["apiReference"]?.string
        for (key, value) in fields?["macros"]?.mapping ?? [:] {
            if let name = key.string, let body = value.string { settings.macros[name] = body }
        }
        if var v = fields?["sourceURL"]?.string, !v.isEmpty {
            let scheme = v.lowercased()
            guard scheme.hasPrefix("https://") || scheme.hasPrefix("http://") else {
                let line = (text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.hasPrefix("sourceURL") } ?? 0) + 1
                throw SettingsError(diagnostic: Diagnostic(
                    .error, id: "settings.sourceURL", at: SourceLocation(file: "site/site.yml", line: line),
                    "sourceURL must be an http:// or https:// address, not '\(v)'",
                    explanation: "for example sourceURL: https://github.com/you/notes/blob/main/"))
            }
            if !v.hasSuffix("/") { v += "/" }
            settings.sourceURL = v
        }
        return settings
    }
}

/// A problem in `site/site.yml`.
public struct SettingsError: Error, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public var description: String { diagnostic.description }
}
