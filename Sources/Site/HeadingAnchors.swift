import Articles

/// Gives every `<h2>`…`<h4>` of rendered article HTML an id and a "#" link, using the
/// article's headings in order, and returns the table of contents they make.
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
        var k = 0  // headings are rendered in document order, the order of `headings`
        var i = 0
        let lt = UInt8(ascii: "<"), h = UInt8(ascii: "h"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        while i < bytes.count {
            // An opening tag `<hN>` with N in 1...6.
            guard bytes[i] == lt, i + 3 < bytes.count, bytes[i + 1] == h, bytes[i + 3] == gt,
                  (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2])
            else {
                i += 1
                continue
            }
            let level = Int(bytes[i + 2] - UInt8(ascii: "0"))
            let heading = k < headings.count ? headings[k] : nil
            k += 1
            guard (2...4).contains(level), let heading else {
                i += 4
                continue
            }
            // Find the matching `</hN>`.
            var end = i + 4
            while end + 4 < bytes.count,
                  !(bytes[end] == lt && bytes[end + 1] == slash && bytes[end + 2] == h && bytes[end + 3] == bytes[i + 2]
                    && bytes[end + 4] == gt) {
                end += 1
            }
            guard end + 4 < bytes.count else {
                i += 4
                continue
            }
            let id = Slug.unique(Slug.make(heading.text), &used).htmlEscaped
            entries.append(Entry(id: id, heading: heading, level: level))
            rewriter.replace(i..<(end + 5)) { out in
                out.append(contentsOf: "<h\(level) id=\"\(id)\">".utf8)
                out.append(contentsOf: bytes[(i + 4)..<end])
                out.append(contentsOf: "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(linkLabel.htmlEscaped)\">#</a></h\(level)>".utf8)
            }
            i = end + 5
        }
        return (rewriter.finish(), entries)
    }
}
