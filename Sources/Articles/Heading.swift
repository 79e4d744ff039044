/// A section heading of an article, for the table of contents and anchors.
public struct Heading: Hashable, Sendable {
    /// A piece of a heading: text as written (escapes resolved), or a formula.
    public enum Segment: Hashable, Sendable {
        case text(String)
        /// The article's formula with this index (``Article/math``).
        case math(Int)
    }

    /// 1 for `#`, 2 for `##`, and so on.
    public var level: Int
    /// The heading's plain text (formula placeholders restored to their TeX source).
    public var text: String
    /// Source line.
    public var line: Int
    /// The heading as text and formulas: a `\$` in the heading is text, never a formula's
    /// delimiter (the plain ``text`` cannot tell them apart).
    public var segments: [Segment]

    public init(level: Int, text: String, line: Int, segments: [Segment]? = nil) {
        self.level = level
        self.text = text
        self.line = line
        self.segments = segments ?? [.text(text)]
    }

    /// The heading's inlines as text and formulas: text, code and raw HTML as written,
    /// inline values as their code span (`values[k]`), line breaks as spaces.
    static func segments(of inlines: [Inline], values: [String]) -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        func add(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case let .text(text), let .code(text), let .html(text): current += text
                case let .value(k): if k < values.count { current += values[k] }
                case .softBreak, .lineBreak: current += " "
                case let .math(k):
                    if !current.isEmpty { segments.append(.text(current)); current = "" }
                    segments.append(.math(k))
                case let .emphasis(children), let .strong(children), let .link(_, _, children), let .image(_, _, children):
                    add(children)
                }
            }
        }
        add(inlines)
        if !current.isEmpty { segments.append(.text(current)) }
        return segments
    }

    /// The plain text of `segments`: formulas written as in the source, `$tex$` or `$$tex$$`.
    static func text(of segments: [Segment], math: [MathSpan]) -> String {
        segments.map { segment in
            switch segment {
            case let .text(text): text
            case let .math(k): k < math.count ? (math[k].isDisplay ? "$$\(math[k].tex)$$" : "$\(math[k].tex)$") : ""
            }
        }.joined()
    }
}
