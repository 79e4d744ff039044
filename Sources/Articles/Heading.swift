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

    /// Splits text in which formulas stand as placeholders (see `MathPlaceholder`).
    static func segments(ofProtected text: String) -> [Segment] {
        var segments: [Segment] = []
        var current = ""
        var index: String?
        for ch in text {
            if ch == MathPlaceholder.open {
                index = ""
            } else if ch == MathPlaceholder.close, let digits = index, let k = Int(digits) {
                if !current.isEmpty { segments.append(.text(current)); current = "" }
                segments.append(.math(k))
                index = nil
            } else if index != nil {
                index?.append(ch)
            } else if ch != MathPlaceholder.continuation {
                current.append(ch)
            }
        }
        if !current.isEmpty { segments.append(.text(current)) }
        return segments
    }
}
