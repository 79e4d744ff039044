import Diagnostics

/// One TeX formula of an article: `$...$` (inline) or `$$...$$` (display).
///
/// Its three locations share one file: they are stored as lines and columns beside a
/// single `file` string, so that copying a span (an article has tens) costs two reference
/// counts, not four. Setting any of the three locations sets the file of all three.
public struct MathSpan: Hashable, Sendable {
    /// Position among the article's formulas, from 0; also its placeholder's number.
    public var index: Int
    /// The TeX between the dollar signs, as written.
    public var tex: String
    /// Whether it was written with `$$`.
    public var isDisplay: Bool
    /// The file of all three locations.
    private var file: String
    private var start: Position
    private var texStart: Position
    private var end: Position

    /// A line and an optional column (0: none), in a file kept elsewhere; 32 bits each.
    private struct Position: Hashable, Sendable {
        private var storedLine: Int32
        private var storedColumn: Int32
        init(_ location: SourceLocation) {
            storedLine = Int32(clamping: location.line)
            storedColumn = Int32(clamping: max(0, location.column ?? 0))
        }
        var line: Int { Int(storedLine) }
        var column: Int? { storedColumn > 0 ? Int(storedColumn) : nil }
    }

    /// Where the opening dollar sign is.
    public var location: SourceLocation {
        get { SourceLocation(file: file, line: start.line, column: start.column) }
        set { (file, start) = (newValue.file, Position(newValue)) }
    }
    /// Where the TeX's first character is (after the opening delimiter): the origin of
    /// positions inside `tex`.
    public var texLocation: SourceLocation {
        get { SourceLocation(file: file, line: texStart.line, column: texStart.column) }
        set { (file, texStart) = (newValue.file, Position(newValue)) }
    }
    /// Just after the closing delimiter: with ``location``, the formula's source range.
    public var endLocation: SourceLocation {
        get { SourceLocation(file: file, line: end.line, column: end.column) }
        set { (file, end) = (newValue.file, Position(newValue)) }
    }

    public init(index: Int, tex: String, isDisplay: Bool, location: SourceLocation, texLocation: SourceLocation? = nil) {
        self.index = index
        self.tex = tex
        self.isDisplay = isDisplay
        file = location.file
        start = Position(location)
        texStart = Position(texLocation ?? location)
        end = start
    }

    /// The article location of the character at UTF-8 offset `offset` of ``tex``: lines
    /// counted from ``texLocation``, columns in Unicode scalars (as ``location``'s).
    public func location(ofTeXByte offset: Int) -> SourceLocation {
        let bytes = Array(tex.utf8.prefix(max(0, offset)))
        let scalars = { (part: ArraySlice<UInt8>) in part.count { $0 & 0xC0 != 0x80 } }
        guard let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) else {
            return SourceLocation(file: texLocation.file, line: texLocation.line, column: (texLocation.column ?? 1) + scalars(bytes[...]))
        }
        let lines = bytes.count { $0 == UInt8(ascii: "\n") }
        return SourceLocation(
            file: texLocation.file, line: texLocation.line + lines, column: 1 + scalars(bytes[(lastNewline + 1)...]))
    }
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

    /// The placeholder of formula `index` appended to `out` as UTF-8: `open` (`EE 80 80`),
    /// the decimal digits, `close` (`EE 80 81`).
    static func appendToken(_ index: Int, to out: inout [UInt8]) {
        out.append(0xEE); out.append(0x80); out.append(0x80)
        let n = max(0, index)
        var divisor = 1
        while divisor <= n / 10 { divisor *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8((n / divisor) % 10))
            divisor /= 10
        } while divisor > 0
        out.append(0xEE); out.append(0x80); out.append(0x81)
    }

    /// ``continuation``'s UTF-8 bytes.
    static let continuationUTF8: [UInt8] = Array(String(continuation).utf8)
}
