import Articles

/// Renders an article's ``Document`` as HTML by walking it: byte for byte what cmark
/// renders for the same Markdown (`cmark --unsafe`), with the page's own HTML for the nodes
/// that are Lemma's — code blocks, inline values, formulas — and an id and a "#" link on the
/// headings that have an anchor.
///
/// Escaping follows cmark: text and attribute values escape `& < > "`; link and image
/// addresses keep `A–Z a–z 0–9 ! # $ % ( ) * + , - . / : ; = ? @ _ ~`, write `&` and `'`
/// as entities and percent-encode every other byte.
struct DocumentHTML {
    let article: Article
    let parts: PageParts

    func render() -> String {
        var out = Output()
        out.bytes.reserveCapacity(article.document.blocks.count * 160)
        for block in article.document.blocks { render(block, tight: false, into: &out) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The HTML under construction, with cmark's "start on a new line" rule.
    struct Output {
        var bytes: [UInt8] = []
        mutating func put(_ s: String) { bytes.append(contentsOf: s.utf8) }
        /// A line break unless the output is empty or already ends with one.
        mutating func cr() {
            if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        }
        /// `& < > "` as entities; runs of other bytes copied at once.
        mutating func escape(_ s: String) {
            var s = s
            s.withUTF8 { HTMLEscaping.append($0, apostrophe: false, to: &bytes) }
        }
        /// After an attribute value still open, `" title="…` when there is a title (its
        /// own value left open in turn): how cmark writes a link's or image's title.
        mutating func titleAttribute(_ title: String) {
            guard !title.isEmpty else { return }
            put("\" title=\"")
            escape(title)
        }

        /// A link or image address, escaped the way cmark does.
        mutating func escapeAddress(_ s: String) {
            let hex = Array("0123456789ABCDEF".utf8)
            for byte in s.utf8 {
                if DocumentHTML.addressSafe[Int(byte)] {
                    bytes.append(byte)
                } else if byte == UInt8(ascii: "&") {
                    put("&amp;")
                } else if byte == UInt8(ascii: "'") {
                    put("&#x27;")
                } else {
                    bytes.append(UInt8(ascii: "%"))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 15)])
                }
            }
        }
    }

    /// The bytes an address keeps as they are.
    static let addressSafe: [Bool] = {
        var safe = [Bool](repeating: false, count: 256)
        for byte in "!#$%()*+,-./:;=?@_~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8 {
            safe[Int(byte)] = true
        }
        return safe
    }()

    /// `tight`: the block is a direct child of an item of a tight list.
    private func render(_ block: Block, tight: Bool, into out: inout Output) {
        switch block.kind {
        case let .paragraph(inlines):
            if tight {
                render(inlines, into: &out)
            } else {
                out.cr()
                out.put("<p>")
                render(inlines, into: &out)
                out.put("</p>\n")
            }
        case let .heading(level, index, inlines):
            out.cr()
            if let id = parts.anchors[index] {
                out.put("<h\(level) id=\"\(id)\">")
                render(inlines, into: &out)
                out.put("<a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(parts.linkLabel.htmlEscaped)\">#</a></h\(level)>\n")
            } else {
                out.put("<h\(level)>")
                render(inlines, into: &out)
                out.put("</h\(level)>\n")
            }
        case let .blockQuote(blocks):
            out.cr()
            out.put("<blockquote>\n")
            for child in blocks { render(child, tight: false, into: &out) }
            out.cr()
            out.put("</blockquote>\n")
        case let .list(list, items):
            out.cr()
            out.put(list.ordered ? (list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n") : "<ul>\n")
            for item in items { render(item, tight: list.tight, into: &out) }
            out.put(list.ordered ? "</ol>\n" : "</ul>\n")
        case let .item(blocks):
            out.cr()
            out.put("<li>")
            for child in blocks { render(child, tight: tight, into: &out) }
            out.put("</li>\n")
        case let .code(k):
            guard k < article.codeBlocks.count else { return }
            let code = article.codeBlocks[k]
            // The page's own HTML goes where cmark's would, on a line of its own.
            out.cr()
            out.put(parts.html(of: code))
            out.put("\n")
        case let .html(literal):
            out.cr()
            out.put(literal)
            out.cr()
        case .thematicBreak:
            out.cr()
            out.put("<hr />\n")
        }
    }

    private func render(_ inlines: [Inline], into out: inout Output) {
        for inline in inlines {
            switch inline {
            case let .text(text): out.escape(text)
            case let .code(code):
                out.put("<code>")
                out.escape(code)
                out.put("</code>")
            case let .math(k):
                if k < article.math.count { out.put(parts.math(k)) }
            case let .value(k):
                if let html = parts.inlineValue(k) {
                    out.put(html)
                } else if k < article.inlineValues.count {
                    out.put(PageParts.defaultHTML(article.inlineValues[k]))
                }
            case let .emphasis(children):
                out.put("<em>")
                render(children, into: &out)
                out.put("</em>")
            case let .strong(children):
                out.put("<strong>")
                render(children, into: &out)
                out.put("</strong>")
            case let .link(destination, title, children):
                out.put("<a href=\"")
                out.escapeAddress(destination)
                out.titleAttribute(title)
                out.put("\">")
                render(children, into: &out)
                out.put("</a>")
            case let .image(source, title, children):
                out.put("<img src=\"")
                out.escapeAddress(source)
                out.put("\" alt=\"")
                renderPlain(children, into: &out)
                out.titleAttribute(title)
                out.put("\" />")
            case let .html(literal): out.put(literal)
            case .softBreak: out.put("\n")
            case .lineBreak: out.put("<br />\n")
            }
        }
    }

    /// An image's description as its `alt` text: text, code and raw HTML escaped, line
    /// breaks as spaces, formulas as their TeX.
    private func renderPlain(_ inlines: [Inline], into out: inout Output) {
        for inline in inlines {
            switch inline {
            case let .text(text), let .code(text), let .html(text): out.escape(text)
            case let .math(k):
                if k < article.math.count {
                    let span = article.math[k]
                    out.escape(span.isDisplay ? "$$\(span.tex)$$" : "$\(span.tex)$")
                }
            case let .value(k):
                if k < article.inlineValues.count { out.escape(article.inlineValues[k].source) }
            case let .emphasis(children), let .strong(children), let .link(_, _, children), let .image(_, _, children):
                renderPlain(children, into: &out)
            case .softBreak, .lineBreak: out.put(" ")
            }
        }
    }
}
