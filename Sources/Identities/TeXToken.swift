/// One token of a formula in the identity subset of TeX (see ``IdentityBlock``).
///
/// Offsets are UTF-8 byte offsets into the text that was lexed, so that a problem can be
/// placed at its article line and column (``IdentityText``).
public struct TeXToken: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Digits with at most one decimal point: `2`, `0.5`.
        case number
        /// One Latin letter: `x` (TeX reads `ab` as two letters, so do we).
        case letter
        /// A control sequence without its backslash: `frac`, `alpha`, `|` for `\|`, `{` for `\{`.
        case command
        /// Any other character: `+ - * / ^ _ ( ) [ ] { } | = ! , & < > .` and the
        /// Unicode signs read as TeX (`−` → `-`, `·` → `\cdot` …, see ``TeXLexer``).
        case symbol
    }

    public var kind: Kind
    /// The token's text: the number, the letter, the command's name, the symbol.
    public var text: String
    /// Byte offset of the token's first character.
    public var offset: Int
    /// Byte offset just after the token.
    public var end: Int

    public init(_ kind: Kind, _ text: String, offset: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.offset = offset
        self.end = end
    }

    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    func isCommand(_ name: String) -> Bool { kind == .command && text == name }
}

/// Splits a formula into ``TeXToken``s. Whitespace separates tokens and is otherwise
/// ignored, as in TeX's math mode; `%` starts a comment to the end of the line. Spacing
/// commands (`\,` `\;` `\quad` …) and sizing commands (`\left`, `\bigl` …) are dropped here,
/// so the parser sees `\left( x \right)` as `( x )`.
public enum TeXLexer {
    /// Commands that only space or size things.
    static let ignored: Set<String> = [
        ",", ";", ":", "!", " ", "quad", "qquad", "displaystyle", "textstyle", "left", "right", "middle",
        "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
        "limits", "nolimits",
    ]

    /// Unicode characters read as the TeX they stand for.
    static let unicodeCommands: [Character: String] = [
        "·": "cdot", "×": "times", "∈": "in", "ℝ": "R", "≤": "le", "≥": "ge", "…": "dots", "⋯": "dots",
        "π": "pi", "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "θ": "theta",
        "λ": "lambda", "μ": "mu", "σ": "sigma", "φ": "phi", "ω": "omega", "⊤": "top", "√": "sqrt", "∑": "sum",
        "∏": "prod", "‖": "|",
    ]
    static let unicodeSymbols: [Character: String] = ["−": "-", "＝": "="]

    public static func tokens(_ text: String) -> [TeXToken] {
        var result: [TeXToken] = []
        let bytes = Array(text.utf8)
        var i = 0
        func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 || b == UInt8(ascii: "~") {
                i += 1
            } else if b == UInt8(ascii: "%") {
                while i < bytes.count, bytes[i] != 10 { i += 1 }
            } else if b == UInt8(ascii: "\\") {
                let start = i
                i += 1
                if i < bytes.count, isLetter(bytes[i]) {
                    let nameStart = i
                    while i < bytes.count, isLetter(bytes[i]) { i += 1 }
                    let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
                    if !ignored.contains(name) { result.append(TeXToken(.command, name, offset: start, end: i)) }
                } else if i < bytes.count {
                    // One character after the backslash (possibly a multi-byte one).
                    var j = i + 1
                    while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
                    let name = String(decoding: bytes[i..<j], as: UTF8.self)
                    i = j
                    if !ignored.contains(name) { result.append(TeXToken(.command, name, offset: start, end: i)) }
                } else {
                    result.append(TeXToken(.symbol, "\\", offset: start, end: i))
                }
            } else if isDigit(b) || (b == UInt8(ascii: ".") && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
                let start = i
                var seenPoint = false
                while i < bytes.count, isDigit(bytes[i]) || (bytes[i] == UInt8(ascii: ".") && !seenPoint && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
                    if bytes[i] == UInt8(ascii: ".") { seenPoint = true }
                    i += 1
                }
                result.append(TeXToken(.number, String(decoding: bytes[start..<i], as: UTF8.self), offset: start, end: i))
            } else if isLetter(b) {
                result.append(TeXToken(.letter, String(UnicodeScalar(b)), offset: i, end: i + 1))
                i += 1
            } else if b < 0x80 {
                result.append(TeXToken(.symbol, String(UnicodeScalar(b)), offset: i, end: i + 1))
                i += 1
            } else {
                let start = i
                i += 1
                while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                let s = String(decoding: bytes[start..<i], as: UTF8.self)
                let c = s.first ?? " "
                if let command = unicodeCommands[c] {
                    result.append(TeXToken(.command, command, offset: start, end: i))
                } else if let symbol = unicodeSymbols[c] {
                    result.append(TeXToken(.symbol, symbol, offset: start, end: i))
                } else {
                    result.append(TeXToken(.symbol, s, offset: start, end: i))
                }
            }
        }
        return result
    }
}
