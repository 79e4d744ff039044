import Articles

/// The search-index text of an article page, by walking its ``Document``: what a reader
/// of the page's body reads — the same text as dropping the tags of the page's HTML
/// (``DocumentHTML``), since each node gives the ``PlainTextWriter`` the tags, line endings
/// and text that its HTML has. The page's own parts (claim blocks, inline values,
/// formulas) count as the text of their HTML.
struct SearchText {
    let article: Article
    let parts: PageParts

    /// The text, followed by that of `trailer` (HTML after the document, such as the claim
    /// graph's table), cut at `limit` bytes.
    func text(trailer: String = "", limit: Int = SearchIndex.textLimit) -> String {
        var writer = PlainTextWriter(limit: limit)
        for block in article.document.blocks where !writer.isFull { add(block, tight: false, to: &writer) }
        if !trailer.isEmpty {
            writer.whitespace()
            writer.html(trailer)
        }
        return writer.finish()
    }

    private func add(_ block: Block, tight: Bool, to w: inout PlainTextWriter) {
        switch block.kind {
        case let .paragraph(inlines):
            if tight {
                add(inlines, to: &w)
            } else {
                w.whitespace()
                w.tag()
                add(inlines, to: &w)
                w.tag()
                w.whitespace()
            }
        case let .heading(_, index, inlines):
            w.whitespace()
            w.tag()
            add(inlines, to: &w)
            if parts.anchors[index] != nil {
                w.tag()
                w.text("#")
                w.tag()
            }
            w.tag()
            w.whitespace()
        case let .blockQuote(blocks):
            w.whitespace()
            w.tag()
            for child in blocks { add(child, tight: false, to: &w) }
            w.tag()
            w.whitespace()
        case let .list(list, items):
            w.whitespace()
            w.tag()
            for item in items { add(item, tight: list.tight, to: &w) }
            w.tag()
            w.whitespace()
        case let .item(blocks):
            w.whitespace()
            w.tag()
            for child in blocks { add(child, tight: tight, to: &w) }
            w.tag()
            w.whitespace()
        case let .code(k):
            guard k < article.codeBlocks.count else { return }
            w.whitespace()
            w.html(parts.html(of: article.codeBlocks[k]))
            w.whitespace()
        case let .html(literal):
            w.whitespace()
            w.html(literal)
            w.whitespace()
        case .thematicBreak:
            w.whitespace()
            w.tag()
            w.whitespace()
        }
    }

    private func add(_ inlines: [Inline], to w: inout PlainTextWriter) {
        for inline in inlines {
            switch inline {
            case let .text(text): w.text(text)
            case let .code(code):
                w.tag()
                w.text(code)
                w.tag()
            case let .math(k):
                if k < article.math.count { w.html(parts.math(k)) }
            case let .value(k):
                if let html = parts.inlineValue(k) {
                    w.html(html)
                } else if k < article.inlineValues.count {
                    w.html(PageParts.defaultHTML(article.inlineValues[k]))
                }
            case let .emphasis(children), let .strong(children), let .link(_, _, children):
                w.tag()
                add(children, to: &w)
                w.tag()
            case .image:
                // One `<img … alt="…">` tag: its description is an attribute, not text.
                w.tag()
            case let .html(literal): w.html(literal)
            case .softBreak: w.whitespace()
            case .lineBreak:
                w.tag()
                w.whitespace()
            }
        }
    }
}
