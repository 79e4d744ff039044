import Articles
import Diagnostics
import Parallelism
import Verifier

/// The formulas a site's pages show, found before rendering so that each is typeset once
/// (``MathTypesetter``), and KaTeX's errors as diagnostics at their article lines.
public enum SiteMath {
    /// Every formula of the pages of `articles`: article math (numbered equations with their
    /// `\tag`; formulas in headings among them), and the values claim blocks `show`.
    public static func formulas(_ articles: [Article], results: [ArticleResult]) -> Set<Formula> {
        let byPath = Dictionary(results.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // Each article's formulas on all cores, then together.
        let perArticle = ParallelMap.map(articles) { article -> Set<Formula> in
            var all = Set<Formula>()
            let equations = EquationNumbers(article.math)
            for span in article.math {
                if let formula = equations.formula(for: span) { all.insert(formula) }
            }
            for block in byPath[article.path]?.blocks ?? [] {
                for shown in block.shows { all.insert(Formula(tex: shown.content, display: true)) }
            }
            for identity in article.identities { all.formUnion(IdentityBlockHTML.formulas(identity)) }
            return all
        }
        var all = perArticle.max { $0.count < $1.count } ?? []
        for set in perArticle { all.formUnion(set) }
        return all
    }

    /// A `math.tex` error for every formula KaTeX rejected, at the article line and column
    /// of the character where it stopped (a shown value: its block's line), with the TeX
    /// around it.
    public static func diagnostics(_ articles: [Article], results: [ArticleResult], typeset: TypesetMath) -> [Diagnostic] {
        guard typeset.hasErrors else { return [] }
        var found: [Diagnostic] = []
        let byPath = Dictionary(results.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        func diagnostic(_ formula: Formula, at location: SourceLocation, offset: Int?, _ message: String) -> Diagnostic {
            Diagnostic(
                .error, id: "math.tex", at: location, message,
                explanation: excerpt(formula.tex, at: offset) + "\nfix the TeX; KaTeX's supported functions: https://katex.org/docs/supported")
        }
        for article in articles {
            let equations = EquationNumbers(article.math)
            for span in article.math {
                guard let formula = equations.formula(for: span), let (message, offset) = typeset.error(formula) else { continue }
                // A numbered equation's TeX had \label replaced: positions no longer match.
                let location = formula.tex == span.tex ? span.location(ofTeXByte: offset ?? 0) : span.texLocation
                found.append(diagnostic(formula, at: location, offset: formula.tex == span.tex ? offset : nil, message))
            }
            for identity in article.identities {
                for formula in IdentityBlockHTML.formulas(identity) {
                    guard let (message, offset) = typeset.error(formula) else { continue }
                    found.append(diagnostic(
                        formula, at: SourceLocation(file: article.path, line: identity.block.codeLine), offset: offset,
                        "an identity: " + message))
                }
            }
            for block in byPath[article.path]?.blocks ?? [] {
                for shown in block.shows {
                    let formula = Formula(tex: shown.content, display: true)
                    guard let (message, offset) = typeset.error(formula) else { continue }
                    found.append(diagnostic(
                        formula, at: SourceLocation(file: article.path, line: block.line), offset: offset,
                        "a shown value: " + message))
                }
            }
        }
        return found
    }

    /// The line of `tex` that holds byte `offset`, with a caret under it (the whole TeX
    /// when the offset is unknown).
    static func excerpt(_ tex: String, at offset: Int?) -> String {
        guard let offset else { return tex }
        let bytes = Array(tex.utf8)
        let at = min(max(0, offset), bytes.count)
        let start = bytes[..<at].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let end = bytes[at...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        let before = String(decoding: bytes[start..<at], as: UTF8.self)
        return line + "\n" + String(repeating: " ", count: before.count) + "^"
    }
}
