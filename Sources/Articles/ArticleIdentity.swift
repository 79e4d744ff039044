import Diagnostics
public import Identities

/// A `math identity` block of an article: the fenced block, what it says (read by
/// ``IdentityBlock``, with article lines and columns), and how many random points check
/// it with which seed (``IdentityBlock/defaultSamples`` and ``IdentityBlock/defaultSeed``
/// unless the info string says).
public struct ArticleIdentity: Hashable, Sendable {
    public var block: CodeBlock
    public var identity: IdentityBlock
    public var samples: Int
    public var seed: UInt64

    /// Reads `block` (a `math identity` block) whose code lines sit in `sourceLines`
    /// (the article's lines, from line 1).
    init(_ block: CodeBlock, sourceLines: [Substring]) {
        self.block = block
        if case let .identity(samples, seed) = block.role {
            self.samples = samples ?? IdentityBlock.defaultSamples
            self.seed = seed ?? IdentityBlock.defaultSeed
        } else {
            self.samples = IdentityBlock.defaultSamples
            self.seed = IdentityBlock.defaultSeed
        }
        var code = block.code
        if code.hasSuffix("\n") { code.removeLast() }
        // An empty block is one empty line, so that its problem has a place.
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        identity = IdentityBlock.parse(
            lines.enumerated().map { k, text in
                let line = block.codeLine + k
                // cmark strips a list item's or a quote's indentation: the code is the end
                // of its source line.
                var column = 1
                if line >= 1, line <= sourceLines.count, sourceLines[line - 1].utf8.count >= text.utf8.count,
                   sourceLines[line - 1].hasSuffix(text) {
                    column = sourceLines[line - 1].utf8.count - text.utf8.count + 1
                }
                return IdentityBlock.Line(text: String(text), line: line, column: column)
            })
    }

    /// The identities of the `math identity` blocks among `blocks`, read from `source`
    /// (the article's text, line endings made `\n`).
    static func all(in blocks: [CodeBlock], source: String) -> [ArticleIdentity] {
        let identityBlocks = blocks.filter { if case .identity = $0.role { true } else { false } }
        guard !identityBlocks.isEmpty else { return [] }
        let sourceLines = source.linesByByte()
        return identityBlocks.map { ArticleIdentity($0, sourceLines: sourceLines) }
    }

    /// The block's problems as diagnostics at their article lines and columns.
    func diagnostics(path: String) -> [Diagnostic] {
        identity.problems.map { problem in
            let place = identity.location(ofByte: problem.offset)
            return Diagnostic(
                .error, id: problem.id, at: SourceLocation(file: path, line: place.line, column: place.column),
                problem.message, explanation: problem.explanation)
        }
    }
}
