import Diagnostics

/// A parsed article: front matter, its ``Document``, formulas, code blocks and claim
/// blocks with their lines, and every problem found while parsing.
///
/// Parsing never fails: problems become ``diagnostics`` and the article is still usable
/// as far as it goes, so one broken article does not stop a site.
public struct Article: Hashable, Sendable {
    /// Path from the site root, e.g. `articles/orthogonal-map.md`; used in every diagnostic.
    public var path: String
    /// File name without `.md`; the page is `<slug>.html`.
    public var slug: String
    /// The YAML header.
    public var frontMatter: FrontMatter
    /// The formulas, in order.
    public var math: [MathSpan]
    /// All code blocks, in order.
    public var codeBlocks: [CodeBlock]
    /// Section headings, in order.
    public var headings: [Heading]
    /// The prose's inline values (`` `= expr` ``), in order.
    public var inlineValues: [InlineValue]
    /// The `math identity` blocks, in order.
    public var identities: [ArticleIdentity] = []
    /// Problems found while parsing.
    public var diagnostics: [Diagnostic]
    /// A digest of the file's text (and path): everything the article's page is made from
    /// besides its verification result and the site's settings and theme (a
    /// ``ContentDigest``: it keys only caches that are cheap to rebuild).
    public var sourceDigest = ""
    /// The Markdown as a typed tree, for the site to render.
    public var document: Document

    /// The title, or the slug when the front matter has none.
    public var title: String { frontMatter.title ?? slug }

    /// Whether the article states anything the verifier decides: claim blocks, identities,
    /// numbers in the prose.
    public var hasClaims: Bool {
        !claimBlocks.isEmpty || !identities.isEmpty || inlineValues.contains { $0.writtenNumber != nil }
    }

    /// Whether the verifier has anything to run: claims, or inline values to evaluate.
    public var needsRun: Bool { hasClaims || !inlineValues.isEmpty }

    /// The blocks the verifier runs, in order.
    public var claimBlocks: [CodeBlock] { codeBlocks.filter(\.isClaimCode) }

    /// The code block whose lines (fences included) hold `line`, if any: a claim, an
    /// `output` comparison or an identity's link belongs to the block it is written in.
    public func codeBlock(holding line: Int) -> CodeBlock? {
        codeBlocks.last { $0.line <= line && line <= max($0.line, $0.endLine) }
    }

    /// The `output` block that directly follows `block`, if any.
    public func outputBlock(after block: CodeBlock) -> CodeBlock? {
        guard let k = codeBlocks.firstIndex(of: block), k + 1 < codeBlocks.count,
              codeBlocks[k + 1].role == .output else { return nil }
        return codeBlocks[k + 1]
    }
}
