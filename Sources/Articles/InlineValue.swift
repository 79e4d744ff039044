/// An inline value of the prose: a code span `` `= expr` `` whose Swift expression is
/// evaluated after the article's last claim block and shown in its place.
public struct InlineValue: Hashable, Sendable {
    /// Position among the article's inline values, from 0.
    public var index: Int
    /// The Swift expression after `=`.
    public var expression: String
    /// Line of the paragraph (or other block) that holds it.
    public var line: Int
    /// The code span's text as written, `=` included.
    public var source: String

    public init(index: Int, expression: String, line: Int, source: String? = nil) {
        self.index = index
        self.expression = expression
        self.line = line
        self.source = source ?? "= " + expression
    }
}
