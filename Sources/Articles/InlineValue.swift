import Diagnostics

/// An inline value of the prose: a code span `` `= expr` `` whose Swift expression is
/// evaluated after the article's last claim block and shown in its place.
public struct InlineValue: Hashable, Sendable {
    /// Position among the article's inline values, from 0.
    public var index: Int
    /// The Swift expression after `=`.
    public var expression: String
    /// Line of the expression in the article; the line of the paragraph (or other block)
    /// that holds it when its text could not be found there (an expression broken across
    /// lines).
    public var line: Int
    /// Column (1-based, in UTF-8 bytes) of the expression's first character on `line`, or
    /// nil when only the paragraph's line is known.
    public var column: Int?
    /// Column (1-based, UTF-8 bytes) of the span's text on `line`: where a number claim's
    /// number is written. Nil when not found.
    public var textColumn: Int?
    /// The code span's text as written, `=` included.
    public var source: String
    /// For a number claim in the prose (`` `0.382 ≈ expr` ``, see ``ProseNumber``): the
    /// number as written. Nil for an inline value (`` `= expr` ``).
    public var writtenNumber: String? {
        if case let .claim(written, _) = ProseNumber.parse(source) { return written }
        return nil
    }

    public init(index: Int, expression: String, line: Int, column: Int? = nil, source: String? = nil) {
        self.index = index
        self.expression = expression
        self.line = line
        self.column = column
        self.source = source ?? "= " + expression
    }
}
