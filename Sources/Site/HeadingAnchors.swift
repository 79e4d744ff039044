import Articles

/// Gives every `<h2>`…`<h4>` of rendered article HTML an id and a "#" link, using the
/// article's headings in order, and returns the table of contents they make.
enum HeadingAnchors {
    struct Entry {
        var id: String
        var text: String
        var level: Int
    }

    static func apply(_ html: String, headings: [Heading]) -> (html: String, toc: [Entry]) {
        var used: Set<String> = []
        var entries: [Entry] = []
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 64)
        var rest = html[...]
        var k = 0
        // Headings are rendered in document order, the same order as `headings`.
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let digit = after.first, let level = digit.wholeNumberValue, (1...6).contains(level),
                  after.dropFirst().first == ">"
            else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            out += rest[..<open.lowerBound]
            let heading = k < headings.count ? headings[k] : nil
            k += 1
            let contentStart = after.index(after.startIndex, offsetBy: 2)
            if level >= 2, level <= 4, let heading {
                let id = Slug.unique(Slug.make(heading.text), &used)
                entries.append(Entry(id: id, text: heading.text, level: level))
                out += "<h\(level) id=\"\(id.htmlEscaped)\">"
                let close = "</h\(level)>"
                if let end = after.range(of: close) {
                    out += after[contentStart..<end.lowerBound]
                    out += "<a class=\"anchor\" href=\"#\(id.htmlEscaped)\" aria-label=\"Link to this section\">#</a>" + close
                    rest = after[end.upperBound...]
                } else {
                    rest = after[contentStart...]
                }
            } else {
                out += "<h\(level)>"
                rest = after[contentStart...]
            }
        }
        out += rest
        return (out, entries)
    }
}
