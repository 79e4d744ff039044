/// Where a claim is written, shown as `articles/x.md:12`; a link to that line of the
/// source when the site settings give `sourceURL` (e.g. a repository's file view, to which
/// `articles/x.md#L12` is appended).
struct SourceLink: Sendable {
    var path: String
    var baseURL: String?

    func html(line: Int) -> String {
        let text = "\(path.htmlEscaped):\(line)"
        guard let baseURL, !baseURL.isEmpty else { return "<span class=\"where\">\(text)</span>" }
        let href = "\(baseURL)\(path)#L\(line)".htmlEscaped
        return "<a class=\"where\" href=\"\(href)\">\(text)</a>"
    }
}
