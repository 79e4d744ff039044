/// A section heading of an article, for the table of contents and anchors.
public struct Heading: Hashable, Sendable {
    /// 1 for `#`, 2 for `##`, and so on.
    public var level: Int
    /// The heading's plain text (formula placeholders restored to their TeX source).
    public var text: String
    /// Source line.
    public var line: Int

    public init(level: Int, text: String, line: Int) {
        self.level = level
        self.text = text
        self.line = line
    }
}
