import Articles

/// What an article page puts in place of the document's own nodes — shared by the walkers
/// that make its HTML (``DocumentHTML``) and its search text (``SearchText``), so the two
/// always agree.
struct PageParts {
    /// The HTML of a code block; nil renders it as cmark does, `""` drops it.
    var codeBlock: (CodeBlock) -> String? = { _ in nil }
    /// The HTML of inline value `k`; nil renders its code span as written.
    var inlineValue: (Int) -> String? = { _ in nil }
    /// The HTML of formula `k` (its ``MathSpan/index``).
    var math: (Int) -> String
    /// Heading index (in ``Article/headings``) → its anchor (already HTML-escaped).
    var anchors: [Int: String] = [:]
    /// The accessible name of a heading's "#" link.
    var linkLabel = "Link to this section"

    /// The HTML of a code block: the page's, or cmark's.
    func html(of block: CodeBlock) -> String { codeBlock(block) ?? Self.defaultHTML(block) }

    /// A code block as cmark renders it.
    static func defaultHTML(_ block: CodeBlock) -> String {
        let language = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
        let open = language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(language, apostrophe: false))\">"
        return open + HTMLEscaping.escape(block.code, apostrophe: false) + "</code></pre>"
    }

    /// An inline value's code span as written, as cmark renders it.
    static func defaultHTML(_ value: InlineValue) -> String {
        "<code>" + HTMLEscaping.escape(value.source, apostrophe: false) + "</code>"
    }
}
