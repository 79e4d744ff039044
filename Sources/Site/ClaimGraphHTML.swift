import Articles
import Diagnostics
import Verifier

/// The claim graph on the pages: a note under a claim that rests on claims that did not
/// pass (with links to them), and the article's table of claims and where their inputs
/// come from.
struct ClaimGraphHTML {
    let article: Article
    let result: ArticleResult?
    var text: InterfaceText = .english

    /// The anchor of the block that holds `line` (blocks carry `id="L<fence line>"`); for a
    /// line of prose, the block before it.
    static func anchor(_ article: Article, _ line: Int) -> Int {
        article.codeBlock(holding: line)?.line ?? article.codeBlocks.last { $0.line <= line }?.line ?? line
    }

    /// Links to the claims `claim` rests on, or nil when it rests on none.
    func restingLinks(_ claim: ClaimRecord) -> String? {
        guard let lines = result?.restsOn(claim), !lines.isEmpty else { return nil }
        return lines.map { "<a href=\"#L\(Self.anchor(article, $0))\">\(text.lineWord) \($0)</a>" }.joined(separator: ", ")
    }

    /// The note under a claim that rests on claims that did not pass ("" when none).
    func note(_ claim: ClaimRecord) -> String {
        guard let links = restingLinks(claim) else { return "" }
        return "<p class=\"rests-on\">\(text.restsOn(links))</p>"
    }

    /// The plain-text form of the note, for a title attribute.
    func plainNote(_ claim: ClaimRecord) -> String? {
        guard let lines = result?.restsOn(claim), !lines.isEmpty else { return nil }
        return text.restsOn(lines.map { "\(text.lineWord) \($0)" }.joined(separator: ", "))
    }

    /// The article's claims with the blocks their inputs come from, folded away at the end
    /// of the page ("" when the article has no claim with inputs).
    func table() -> String {
        guard let result, !result.inputs.isEmpty else { return "" }
        var rows = ""
        for claim in result.claims {
            guard let inputs = result.inputs(of: claim) else { continue }
            let label = claim.label.isEmpty ? claim.kind.rawValue : claim.label
            let blocks = inputs.blocks.map { "<a href=\"#L\(Self.anchor(article, $0))\">\($0)</a>" }.joined(separator: ", ")
            rows += "<tr class=\"\(claim.status.rawValue)\"><td><a href=\"#L\(Self.anchor(article, claim.line))\">\(claim.line)</a></td>"
                + "<td>\(label.htmlEscaped)</td><td class=\"status \(claim.status.rawValue)\">\(claim.status.rawValue)</td>"
                + "<td>\(blocks)</td><td>\(restingLinks(claim) ?? "")</td></tr>\n"
        }
        return "<details class=\"claim-graph\"><summary>\(text.claimGraph)</summary>\n<table class=\"report\">\n"
            + "<thead><tr>\(text.claimGraphColumns.map { "<th>\($0)</th>" }.joined())</tr></thead>\n<tbody>\n\(rows)</tbody>\n</table>\n</details>"
    }
}
