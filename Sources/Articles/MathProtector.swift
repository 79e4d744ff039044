import Diagnostics

/// Replaces each `$...$` and `$$...$$` formula of Markdown text by a placeholder, so that
/// cmark never sees TeX, and reports unclosed display math.
///
/// Rules (those of common math-in-Markdown tools):
/// - lines of code blocks, code spans and `\$` are never math;
/// - `$$` opens display math that closes at the next `$$`; it may span lines but not a
///   blank line — an unclosed `$$` is an error diagnostic at its line;
/// - `$` opens inline math only when followed by a non-space, and closes at the next `$`
///   that follows a non-space and is not followed by a digit (so "$5 and $10" is text);
///   an inline formula never spans a blank line;
/// - line numbers are kept: each further line of a formula becomes a continuation marker.
struct MathProtector {
    let file: String
    /// 1-based lines that belong to code blocks (including fences): left as they are.
    let codeLines: Set<Int>

    struct Result {
        var text: String
        var spans: [MathSpan]
        var diagnostics: [Diagnostic]
    }

    func protect(_ source: String) -> Result {
        let chars = Array(source.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(chars.count)
        var spans: [MathSpan] = []
        var diagnostics: [Diagnostic] = []
        var line = 1
        var column = 1
        var i = 0

        func advance(copying count: Int) {
            for k in i..<min(i + count, chars.count) {
                out.append(chars[k])
                if chars[k] == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            i += count
        }

        /// Writes the placeholder for a formula that takes `span` scalars of the source.
        func emit(tex: String, display: Bool, at location: SourceLocation, span: Int) {
            let index = spans.count
            spans.append(MathSpan(index: index, tex: tex, isDisplay: display, location: location))
            out.append(contentsOf: MathPlaceholder.token(index).unicodeScalars)
            for k in i..<(i + span) where chars[k] == "\n" {
                out.append("\n")
                // Keep the indentation of the next line, so list items and quotes hold together.
                var j = k + 1
                while j < i + span, chars[j] == " " || chars[j] == "\t" {
                    out.append(chars[j])
                    j += 1
                }
                out.append(MathPlaceholder.continuation.unicodeScalars.first!)
                line += 1
                column = 1
            }
            // Column after the formula (only used for diagnostics on the same line).
            var k = i + span - 1
            var width = 0
            while k >= i, chars[k] != "\n" { width += 1; k -= 1 }
            column = (k < i ? column : 1) + width
            i += span
        }

        while i < chars.count {
            let c = chars[i]
            if codeLines.contains(line) {
                // Copy the rest of this line untouched.
                var end = i
                while end < chars.count, chars[end] != "\n" { end += 1 }
                advance(copying: end - i + 1)
                continue
            }
            if c == "\\", i + 1 < chars.count {
                advance(copying: 2)
                continue
            }
            if c == "`" {
                let run = runLength(chars, from: i, of: "`")
                if let close = closingBackticks(chars, after: i + run, length: run) {
                    advance(copying: close + run - i)
                } else {
                    advance(copying: run)
                }
                continue
            }
            if c == "$" {
                let isDisplay = i + 1 < chars.count && chars[i + 1] == "$"
                let start = SourceLocation(file: file, line: line, column: column)
                if isDisplay {
                    if let close = closingDisplay(chars, from: i + 2) {
                        let tex = String(String.UnicodeScalarView(chars[(i + 2)..<close]))
                        emit(tex: tex, display: true, at: start, span: close + 2 - i)
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                .error, id: "math.unclosed-display", at: start,
                                "display math opened with $$ is never closed",
                                explanation: "add the closing $$ before the next blank line, or write \\$ for a literal dollar sign"))
                        advance(copying: 2)
                    }
                    continue
                }
                if let close = closingInline(chars, from: i + 1) {
                    let tex = String(String.UnicodeScalarView(chars[(i + 1)..<close]))
                    emit(tex: tex, display: false, at: start, span: close + 1 - i)
                } else {
                    advance(copying: 1)
                }
                continue
            }
            advance(copying: 1)
        }

        return Result(text: String(out), spans: spans, diagnostics: diagnostics)
    }

    private func runLength(_ chars: [Unicode.Scalar], from start: Int, of scalar: Unicode.Scalar) -> Int {
        var end = start
        while end < chars.count, chars[end] == scalar { end += 1 }
        return end - start
    }

    /// The start of the next run of exactly `length` backticks in the same paragraph.
    private func closingBackticks(_ chars: [Unicode.Scalar], after start: Int, length: Int) -> Int? {
        var j = start
        while j < chars.count {
            if isBlankLineStart(chars, j) { return nil }
            if chars[j] == "`" {
                let run = runLength(chars, from: j, of: "`")
                if run == length { return j }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// The index of the `$$` closing display math opened before `start`.
    private func closingDisplay(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start
        while j + 1 < chars.count {
            if isBlankLineStart(chars, j) { return nil }
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$", chars[j + 1] == "$" { return j }
            j += 1
        }
        return nil
    }

    /// The index of the `$` closing inline math opened just before `start`.
    private func closingInline(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < chars.count, !isSpace(chars[start]), chars[start] != "$" else { return nil }
        var j = start
        while j < chars.count {
            if isBlankLineStart(chars, j) { return nil }
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" {
                let afterIsDigit = j + 1 < chars.count && ("0"..."9").contains(chars[j + 1])
                if !isSpace(chars[j - 1]), !afterIsDigit { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// Whether a newline at `j` is followed by a blank line (which ends a paragraph).
    private func isBlankLineStart(_ chars: [Unicode.Scalar], _ j: Int) -> Bool {
        guard chars[j] == "\n" else { return false }
        var k = j + 1
        while k < chars.count, chars[k] == " " || chars[k] == "\t" || chars[k] == "\r" { k += 1 }
        return k >= chars.count || chars[k] == "\n"
    }

    private func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
}
