/// A place in a source file that a user can open: a path relative to the site root
/// (for example `articles/orthogonal-map.md`), a 1-based line and an optional 1-based column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Path of the file, as the user would type it from the site root.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, when known.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line` or `file:line:column`, the form editors and terminals turn into links.
    public var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}
