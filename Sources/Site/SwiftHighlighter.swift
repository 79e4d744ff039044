/// Syntax colouring for Swift code blocks, done at build time: returns HTML-escaped code
/// with keywords, types, strings, numbers and comments wrapped in `<span class="hl-…">`.
/// A lexer of the common cases, not a parser: anything it does not recognise is plain text.
enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "switch",
        "case", "default", "break", "continue", "struct", "class", "enum", "protocol", "extension",
        "import", "true", "false", "nil", "self", "Self", "try", "throw", "throws", "rethrows", "do",
        "catch", "where", "as", "is", "init", "static", "public", "private", "internal", "fileprivate",
        "mutating", "inout", "some", "any", "defer", "typealias", "associatedtype", "async", "await",
        "final", "override", "lazy", "weak", "unowned", "subscript", "operator",
    ]

    static func html(_ code: String) -> String {
        let s = Array(code.unicodeScalars)
        // Scalar k's UTF-8 bytes start at utf8Start[k]: a run of scalars becomes text by
        // one copy of bytes.
        let bytes = Array(code.utf8)
        var utf8Start = [Int]()
        utf8Start.reserveCapacity(s.count + 1)
        var offset = 0
        for scalar in s {
            utf8Start.append(offset)
            offset += UTF8.width(scalar)
        }
        utf8Start.append(offset)
        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[utf8Start[range.lowerBound]..<utf8Start[range.upperBound]], as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        var i = 0
        func span(_ cls: String, _ from: Int, _ to: Int) {
            out += "<span class=\"hl-\(cls)\">" + text(from..<to).htmlEscaped + "</span>"
        }
        while i < s.count {
            let c = s[i]
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if c == "/", next == "/" {
                var j = i
                while j < s.count, s[j] != "\n" { j += 1 }
                span("com", i, j)
                i = j
            } else if c == "/", next == "*" {
                var j = i + 2
                while j + 1 < s.count, !(s[j] == "*" && s[j + 1] == "/") { j += 1 }
                j = min(s.count, j + 2)
                span("com", i, j)
                i = j
            } else if c == "\"" {
                let triple = i + 2 < s.count && s[i + 1] == "\"" && s[i + 2] == "\""
                var j = i + (triple ? 3 : 1)
                while j < s.count {
                    if s[j] == "\\" { j += 2; continue }
                    if triple {
                        if j + 2 < s.count, s[j] == "\"", s[j + 1] == "\"", s[j + 2] == "\"" { j += 3; break }
                    } else if s[j] == "\"" || s[j] == "\n" {
                        j += 1
                        break
                    }
                    j += 1
                }
                j = min(j, s.count)
                span("str", i, j)
                i = j
            } else if isDigit(c) {
                var j = i
                while j < s.count, isDigit(s[j]) || s[j] == "." || s[j] == "_" || s[j] == "e"
                    || ((s[j] == "-" || s[j] == "+") && j > i && s[j - 1] == "e") || s[j] == "x"
                {
                    if s[j] == ".", !(j + 1 < s.count && isDigit(s[j + 1])) { break }
                    j += 1
                }
                span("num", i, j)
                i = j
            } else if isIdentifierStart(c) {
                var j = i
                while j < s.count, isIdentifierStart(s[j]) || isDigit(s[j]) { j += 1 }
                let word = text(i..<j)
                if keywords.contains(word) {
                    span("kw", i, j)
                } else if let first = word.unicodeScalars.first, ("A"..."Z").contains(first) {
                    span("type", i, j)
                } else {
                    out += word.htmlEscaped
                }
                i = j
            } else {
                out += String(c).htmlEscaped
                i += 1
            }
        }
        return out
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        guard c.isASCII else { return c.properties.isAlphabetic }
        return c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }
}
