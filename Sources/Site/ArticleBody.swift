import Articles
import Diagnostics
import Verifier

/// The body of an article page: its document rendered with formulas, claim blocks and
/// their verdicts, `output` blocks, highlighted Swift, inline values and heading anchors;
/// its search text; its table of contents.
struct ArticleBody {
    let article: Article
    let result: ArticleResult?
    /// Base of links from claims to their source lines, if the site has one.
    var sourceURL: String?
    /// The theme's words in the article's language.
    var text: InterfaceText = .english
    /// Formulas as typeset at build.
    var math = MathHTML()

    /// The page's parts in place of the document's code blocks, inline values and
    /// formulas, with the headings' anchors from `contents` and the claim graph's notes.
    func parts(contents: TableOfContents, graph: ClaimGraphHTML) -> PageParts {
        let claims = result?.claims ?? []
        let source = SourceLink(path: article.path, baseURL: sourceURL)
        var replacements: [Int: String] = [:]
        for block in article.codeBlocks where block.language == "swift" && !block.isClaimCode {
            replacements[block.line] = "<pre><code class=\"language-swift\">\(SwiftHighlighter.html(block.code))</code></pre>"
        }
        for block in article.claimBlocks {
            let output = article.outputBlock(after: block)
            replacements[block.line] = ClaimBlockHTML.render(
                block, claims: self.claims(in: block),
                result: result?.blocks.first { $0.line == block.codeLine },
                showsPrintedOutput: output == nil, source: source, text: text, math: math, graph: graph)
            if let output {
                replacements[output.line] = ClaimBlockHTML.renderOutput(
                    output, claim: claims.first { $0.kind == .output && $0.line == output.line }, source: source, text: text,
                    graph: graph)
            }
        }
        for identity in article.identities {
            replacements[identity.block.line] = IdentityBlockHTML.render(
                identity, claims: self.claims(in: identity.block).filter { $0.kind == .identity }, source: source, text: text, math: math)
        }
        let values = result?.inlineValues ?? []
        // Each formula once, for the page and its search text alike.
        let equations = EquationNumbers(article.math)
        let formulas = article.math.map { equations.render($0, math: math) }
        let article = self.article
        return PageParts(
            codeBlock: { replacements[$0.line] },
            inlineValue: { k in
                if k < article.inlineValues.count, let written = article.inlineValues[k].writtenNumber {
                    return proseNumber(article.inlineValues[k], written: written, claims: claims, graph: graph)
                }
                let expression = k < article.inlineValues.count ? article.inlineValues[k].expression : ""
                guard k < values.count, let value = values[k] else {
                    return "<code class=\"inline-value missing\" title=\"not evaluated\">\(expression.htmlEscaped)</code>"
                }
                return "<span class=\"inline-value\" title=\"\(expression.htmlEscaped)\">\(value.htmlEscaped)</span>"
            },
            math: { $0 < formulas.count ? formulas[$0] : "" }, anchors: contents.anchors, linkLabel: text.linkToSection)
    }

    /// The body's HTML and its text for the search index.
    func render() -> (html: String, searchText: String, contents: TableOfContents) {
        let contents = TableOfContents(article.headings)
        let graph = ClaimGraphHTML(article: article, result: result, text: text)
        let parts = parts(contents: contents, graph: graph)
        let table = graph.table()
        let html = DocumentHTML(article: article, parts: parts).render() + (table.isEmpty ? "" : "\n" + table)
        let searchText = SearchText(article: article, parts: parts).text(trailer: table)
        return (html, searchText, contents)
    }

    /// The verdicts of the claims written in `block`.
    private func claims(in block: CodeBlock) -> [ClaimRecord] {
        (result?.claims ?? []).filter { article.codeBlock(holding: $0.line) == block }
    }

    /// A number claim of the prose: the number as the author wrote it, with a verdict mark;
    /// its details (the computed value, the tolerance the written precision allows) show on
    /// hover and on focus.
    private func proseNumber(_ value: InlineValue, written: String, claims: [ClaimRecord], graph: ClaimGraphHTML) -> String {
        let claim = claims.first { $0.kind == .prose && $0.line == value.line && $0.column == value.textColumn }
        var status = claim?.status.rawValue ?? "unverified"
        let mark = claim?.status == .pass ? "✓" : claim == nil ? "?" : "✗"
        var details = claim?.detail ?? "not verified: \(written) ≈ \(value.expression)"
        if let claim, let note = graph.plainNote(claim) {
            details += "\n" + note
            status += " rests-on-failed"
        }
        return "<span class=\"prose-number \(status)\" tabindex=\"0\" title=\"\(details.htmlEscaped)\">"
            + "\(written.htmlEscaped)<span class=\"mark\" aria-label=\"\(status)\">\(mark)</span></span>"
    }
}
