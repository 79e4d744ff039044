import Foundation

/// An article's Markdown as a typed tree: the blocks and inlines cmark parsed, with
/// Lemma's own nodes in place of the Markdown that means something more — formulas, code
/// blocks (claim, `output`, identity and plain ones alike), inline values and number claims.
///
/// The tree is made once, at parse time, from one cmark parse (see ``ArticleParser``); the
/// site renders pages, tables of contents and search text by walking it, never by reading
/// rendered HTML again.
///
/// Conventions:
/// - Text is as cmark leaves it: escapes and entities resolved, never HTML-escaped.
/// - Nodes that stand for something the article lists elsewhere hold its index:
///   ``Inline/math(_:)`` into ``Article/math``, ``Block/Kind/code(_:)`` into
///   ``Article/codeBlocks``, ``Inline/value(_:)`` into ``Article/inlineValues``,
///   ``Block/Kind/heading(level:index:_:)`` into ``Article/headings``.
/// - Code is never math: a code span, code block, or raw HTML holds its TeX as written
///   (`$x$`), never a formula.
public struct Document: Hashable, Sendable {
    /// The top-level blocks, in order.
    public var blocks: [Block] {
        get { storage.blocks }
        set { storage = Storage(blocks: newValue) }
    }

    private var storage: Storage

    public init(blocks: [Block] = []) { storage = Storage(blocks: blocks) }

    /// A document whose blocks are made by `decode` when first asked for (an article
    /// read back from the parse cache: a build that renders none of its page never needs
    /// them).
    init(lazily decode: @escaping @Sendable () -> [Block]) { storage = Storage(decode: decode) }

    public static func == (a: Document, b: Document) -> Bool { a.storage === b.storage || a.blocks == b.blocks }

    public func hash(into hasher: inout Hasher) { hasher.combine(blocks) }

    /// The blocks, or what makes them; shared by copies, never changed once made.
    private final class Storage: @unchecked Sendable {
        private let lock = NSLock()
        private var value: [Block]?
        private var decode: (@Sendable () -> [Block])?

        init(blocks: [Block]) { value = blocks }
        init(decode: @escaping @Sendable () -> [Block]) { self.decode = decode }

        var blocks: [Block] {
            lock.lock()
            defer { lock.unlock() }
            if let value { return value }
            let made = decode?() ?? []
            value = made
            decode = nil
            return made
        }
    }
}

/// Where a block is in the article: 1-based lines and columns as cmark reports them
/// (columns in UTF-8 bytes, the end inclusive), counted in the whole file, front matter
/// included.
public struct SourceRange: Hashable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// Whether `line` is one of the block's lines.
    public func contains(line: Int) -> Bool { startLine <= line && line <= max(startLine, endLine) }
}

/// A block of a ``Document`` and its place in the source.
public struct Block: Hashable, Sendable {
    /// What a block is. (Not `indirect`: the nested blocks are in arrays, which are
    /// already out of line; boxing every kind cost an allocation per block.)
    public enum Kind: Hashable, Sendable {
        case paragraph([Inline])
        /// A heading of `level` 1–6; `index` is its place in ``Article/headings``.
        case heading(level: Int, index: Int, [Inline])
        case blockQuote([Block])
        /// A list; its blocks are ``item(_:)`` blocks.
        case list(List, [Block])
        /// A list item and its blocks.
        case item([Block])
        /// A code block, fenced or indented: ``Article/codeBlocks``[index], whatever its
        /// role (claim code, `output`, `math identity`, plain code).
        case code(Int)
        /// Raw HTML, as written.
        case html(String)
        case thematicBreak
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// How a list is numbered and spaced.
public struct List: Hashable, Sendable {
    /// Numbered (`1.`, `1)`) rather than bulleted.
    public var ordered: Bool
    /// The first item's number (ordered lists).
    public var start: Int
    /// No blank line between or inside items: its items' paragraphs show without `<p>`.
    public var tight: Bool

    public init(ordered: Bool, start: Int, tight: Bool) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
    }
}

/// An inline node of a ``Document``. (Not `indirect`: children are in arrays, already
/// out of line; boxing every node cost an allocation per text run and formula.)
public enum Inline: Hashable, Sendable {
    case text(String)
    /// A code span's text.
    case code(String)
    /// A formula, inline or display: ``Article/math``[index] (its TeX and source range).
    case math(Int)
    /// An inline value or a number claim of the prose: ``Article/inlineValues``[index].
    case value(Int)
    case emphasis([Inline])
    case strong([Inline])
    /// (Links and images are boxed: their two strings would otherwise make every inline
    /// as large as they are.)
    indirect case link(destination: String, title: String, [Inline])
    indirect case image(source: String, title: String, [Inline])
    /// Raw inline HTML, as written.
    case html(String)
    /// A line ending inside a paragraph.
    case softBreak
    /// A hard line break (two spaces or `\` before the line ending).
    case lineBreak
}
