import Articles
import Diagnostics
import Identities
import Verifier

/// The HTML that replaces a `math identity` block on its page: the formula as display
/// math, its declarations ("where x ∈ [0, 1]"), and the verdict of each link, with the
/// counterexample of a link that failed.
enum IdentityBlockHTML {
    /// - Parameter claims: the verdicts of the block's links.
    static func render(
        _ identity: ArticleIdentity, claims: [ClaimRecord], source: SourceLink, text: InterfaceText, math: MathHTML
    ) -> String {
        let verdict = ClaimBlockHTML.blockVerdict(claims)
        var html = "<div class=\"identity-block \(verdict)\" id=\"L\(identity.block.line)\">\n"
        if !identity.identity.formula.isEmpty {
            html += math.render(formula(identity)) + "\n"
        }
        let declarations = identity.identity.declarations
        if !declarations.isEmpty {
            let parts = declarations.map { d in
                math.render(Formula(tex: d.tex, display: false)) + (d.properties.isEmpty ? "" : " " + d.properties.htmlEscaped)
            }
            html += "<p class=\"identity-where\">\(text.whereWord.htmlEscaped) \(parts.joined(separator: "; "))</p>\n"
        }
        if !claims.isEmpty {
            html += "<ul class=\"claims\">\n"
            let single = identity.identity.links.count <= 1
            for claim in claims {
                // One link: the formula above is the label; several: each link typeset.
                let label = single ? nil : math.render(Formula(tex: claim.label, display: false))
                html += ClaimBlockHTML.item(claim, source: source, text: text, labelHTML: label ?? text.identityLabel.htmlEscaped)
            }
            html += "</ul>\n"
        }
        return html + "</div>"
    }

    /// The formula as shown: display math of the block's formula lines.
    static func formula(_ identity: ArticleIdentity) -> Formula {
        Formula(tex: identity.identity.formula, display: true)
    }

    /// Every formula the block shows, so that the site typesets each once.
    static func formulas(_ identity: ArticleIdentity) -> [Formula] {
        var all: [Formula] = []
        if !identity.identity.formula.isEmpty { all.append(formula(identity)) }
        all += identity.identity.declarations.map { Formula(tex: $0.tex, display: false) }
        if identity.identity.links.count > 1 { all += identity.identity.links.map { Formula(tex: $0, display: false) } }
        return all
    }
}
