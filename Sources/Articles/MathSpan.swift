import Diagnostics

/// One TeX formula of an article: `$...$` (inline) or `$$...$$` (display).
public struct MathSpan: Hashable, Sendable {
    /// Position among the article's formulas, from 0; also its placeholder's number.
    public var index: Int
    /// The TeX between the dollar signs, as written.
    public var tex: String
    /// Whether it was written with `$$`.
    public var isDisplay: Bool
    /// Where the opening dollar sign is.
    public var location: SourceLocation
}

/// The markers that stand in for formulas while cmark parses the text.
///
/// They are private-use code points, which cmark treats like letters: they are never
/// emphasis, escapes or punctuation, so Markdown around a formula parses as it would
/// around a word, and nothing inside a formula is touched.
enum MathPlaceholder {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    /// Starts each further source line of a multi-line formula, keeping line numbers.
    static let continuation: Character = "\u{E002}"

    static func token(_ index: Int) -> String { "\(open)\(index)\(close)" }
}
