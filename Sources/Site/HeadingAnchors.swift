import Articles

/// Gives every `<h2>`…`<h4>` of the article's own headings an id and a "#" link, and returns
/// the table of contents they make. The article's headings are the ones that carry the
/// marker `<!--lemma:h:K-->` after their opening tag (see `Article.html`); a heading tag
/// written in raw HTML has none and is left as written. Markers are removed.
enum HeadingAnchors {
    struct Entry {
        var id: String
        var heading: Heading
        var level: Int
    }

    /// One pass over the UTF-8 bytes (Foundation's `range(of:)` on large strings is slow).
    static func apply(_ html: String, headings: [Heading], linkLabel: String = "Link to this section") -> (html: String, toc: [Entry]) {
        var rewriter = ByteRewriter(html, extraCapacity: headings.count * 96)
        let bytes = rewriter.source
        var used: Set<String> = []
        var entries: [Entry] = []
        var i = 0
        let lt = UInt8(ascii: "<"), h = UInt8(ascii: "h"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        while i < bytes.count {
            // An opening tag `<hN>` with N in 1...6, followed by the marker `<!--lemma:h:K-->`.
            guard bytes[i] == lt, i + 4 < bytes.count, bytes[i + 1] == h, bytes[i + 3] == gt,
                (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]),
                let found = HTMLTemplate.marker(in: bytes, at: i + 4), found.kind == h
            else {
                i += 1
                continue
            }
            let (k, contentStart) = (found.number, found.end)
            let level = Int(bytes[i + 2] - UInt8(ascii: "0"))
            guard (2...4).contains(level), k < headings.count else {
                // Not in the table of contents: only the marker goes.
                rewriter.replace((i + 4)..<contentStart) { _ in }
                i = contentStart
                continue
            }
            let heading = headings[k]
            // Find the matching `</hN>`.
            var end = contentStart
            while end + 4 < bytes.count,
                  !(bytes[end] == lt && bytes[end + 1] == slash && bytes[end + 2] == h && bytes[end + 3] == bytes[i + 2]
                    && bytes[end + 4] == gt) {
                end += 1
            }
            guard end + 4 < bytes.count else {
                rewriter.replace((i + 4)..<contentStart) { _ in }
                i = contentStart
                continue
            }
            let id = Slug.unique(Slug.make(heading.text), &used).htmlEscaped
            entries.append(Entry(id: id, heading: heading, level: level))
            rewriter.replace(i..<(end + 5)) { out in
                out.append(contentsOf: "<h\(level) id=\"\(id)\">".utf8)
                out.append(contentsOf: bytes[contentStart..<end])
                out.append(contentsOf: "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(linkLabel.htmlEscaped)\">#</a></h\(level)>".utf8)
            }
            i = end + 5
        }
        return (rewriter.finish(), entries)
    }
}
