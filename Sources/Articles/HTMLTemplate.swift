/// Fills the HTML that ``CMark/document(_:)`` left with markers, in one pass: code blocks,
/// inline values and (through ``MathRestorer``) formulas. The Markdown is parsed and rendered by cmark
/// once, at parse time; a page render is then a pass over bytes.
public enum HTMLTemplate {
    static let prefix = Array("<!--lemma:".utf8)

    static func fill(
        _ article: Article, codeBlocks: [Int: String], inlineValues: (Int) -> String?,
        keepHeadingMarkers: Bool = false, renderMath: (MathSpan) -> String
    ) -> String {
        var rewriter = ByteRewriter(
            article.htmlTemplate, extraCapacity: codeBlocks.values.reduce(0) { $0 + $1.utf8.count })
        let b = rewriter.source
        let blocksByLine = Dictionary(article.codeBlocks.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        var i = 0
        while i < b.count {
            if b[i] == MathRestorer.lead, let next = MathRestorer.restore(at: i, in: &rewriter, math: article.math, render: renderMath) {
                i = next
                continue
            }
            guard b[i] == UInt8(ascii: "<"), let marker = Self.marker(in: b, at: i) else {
                i += 1
                continue
            }
            let (kind, n, j) = (marker.kind, marker.number, marker.end - 3)
            if kind == UInt8(ascii: "h"), keepHeadingMarkers {
                i = j + 3
                continue
            }
            rewriter.replace(i..<(j + 3)) { out in
                if kind == UInt8(ascii: "h") {
                    // A heading's marker: dropped.
                } else if kind == UInt8(ascii: "b") {
                    if let html = codeBlocks[n] {
                        out.append(contentsOf: html.utf8)
                    } else if let block = blocksByLine[n] {
                        out.append(contentsOf: defaultHTML(block).utf8)
                    }
                } else if n < article.inlineValues.count {
                    let value = article.inlineValues[n]
                    out.append(contentsOf: (inlineValues(n) ?? "<code>\(escape(value.source))</code>").utf8)
                }
            }
            i = j + 3
        }
        return rewriter.finish()
    }

    /// The marker `<!--lemma:K:N-->` that starts at `b[i]`: its kind byte `K`, its number
    /// `N` and the offset just after it.
    public static func marker(in b: [UInt8], at i: Int) -> (kind: UInt8, number: Int, end: Int)? {
        guard i + prefix.count + 5 <= b.count, b[i..<(i + prefix.count)].elementsEqual(prefix),
            b[i + prefix.count + 1] == UInt8(ascii: ":")
        else { return nil }
        var j = i + prefix.count + 2
        var n = 0
        while j < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[j]) {
            n = n * 10 + Int(b[j] - UInt8(ascii: "0"))
            j += 1
        }
        guard j + 3 <= b.count, b[j..<(j + 3)].elementsEqual("-->".utf8) else { return nil }
        return (b[i + prefix.count], n, j + 3)
    }

    /// A code block as cmark renders it.
    static func defaultHTML(_ block: CodeBlock) -> String {
        let language = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
        let open = language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(escape(language))\">"
        return open + escape(block.code) + "</code></pre>"
    }

    /// cmark's escaping of text in HTML: `& < > "`.
    static func escape(_ s: String) -> String { HTMLEscaping.escape(s, apostrophe: false) }
}
