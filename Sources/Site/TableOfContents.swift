import Articles

/// The anchors of an article's headings and the table of contents they make: each heading
/// of level 2–4, in document order, gets an id made from its text (``Slug/make(_:)``,
/// unique within the page), a "#" link on the page and an entry in the contents. Headings
/// of other levels, and heading tags written in raw HTML (which are not headings of the
/// document), get neither.
struct TableOfContents {
    struct Entry {
        /// The anchor, HTML-escaped.
        var id: String
        var heading: Heading
        var level: Int
    }

    private(set) var entries: [Entry] = []
    /// Heading index (in ``Article/headings``) → its anchor.
    private(set) var anchors: [Int: String] = [:]

    init(_ headings: [Heading]) {
        var used: Set<String> = []
        for (k, heading) in headings.enumerated() where (2...4).contains(heading.level) {
            let id = Slug.unique(Slug.make(heading.text), &used).htmlEscaped
            entries.append(Entry(id: id, heading: heading, level: heading.level))
            anchors[k] = id
        }
    }
}
