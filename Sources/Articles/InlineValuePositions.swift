import Diagnostics
/// Finds where each inline value's expression is written, so that a compiler error in it
/// points at the article's line and column (cmark 0.30 gives inline nodes no positions).
enum InlineValuePositions {
    /// Sets `line` and `column` of each value to where its expression starts in `source`:
    /// the first code span at or after the paragraph's line (and after the previous value)
    /// that holds its text as written (`` `= expression` `` or `` `0.38 ≈ expression` ``).
    /// A value whose text is not found as written (an
    /// expression broken across lines, which cmark joins with a space) keeps its paragraph's
    /// line and no column.
    static func locate(_ values: inout [InlineValue], in source: String) {
        guard !values.isEmpty else { return }
        let bytes = Array(source.utf8)
        let lineStarts = source.lineStarts()
        var cursor = 0
        for k in values.indices {
            let paragraphLine = values[k].line
            guard paragraphLine >= 1, paragraphLine <= lineStarts.count else { continue }
            let from = max(cursor, lineStarts[paragraphLine - 1])
            // The span's text as written, after a backtick; the expression sits inside it.
            let written = Array(values[k].source.utf8), expression = Array(values[k].expression.utf8)
            guard let spanStart = textStart(written, in: bytes, from: from),
                let offset = firstOffset(of: expression, in: written)
            else { continue }
            let start = spanStart + offset
            let line = lineIndex(of: start, lineStarts: lineStarts)
            values[k].line = line + 1
            values[k].column = start - lineStarts[line] + 1
            values[k].textColumn = values[k].column.map { $0 - offset }
            cursor = start + values[k].expression.utf8.count
        }
    }

    /// The offset of `text` in the first code span at or after `from` that holds it: a
    /// backtick, optional spaces, then the text's bytes.
    private static func textStart(_ text: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !text.isEmpty else { return nil }
        var i = from
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "`") else { continue }
            var j = i + 1
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            if j + text.count <= bytes.count, bytes[j..<(j + text.count)].elementsEqual(text) { return j }
        }
        return nil
    }

    /// Where `part` first occurs in `whole`.
    private static func firstOffset(of part: [UInt8], in whole: [UInt8]) -> Int? {
        guard !part.isEmpty, part.count <= whole.count else { return nil }
        for k in 0...(whole.count - part.count) where whole[k..<(k + part.count)].elementsEqual(part) { return k }
        return nil
    }

    /// The 0-based line that holds byte `offset`.
    private static func lineIndex(of offset: Int, lineStarts: [Int]) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// Where a malformed number claim's code span starts (its backtick), for its diagnostic.
enum ProseNumberLocation {
    static func find(_ text: String, from line: Int, in source: String, path: String) -> SourceLocation {
        let lines = source.linesByByte()
        for k in max(0, line - 1)..<lines.count {
            if let range = lines[k].range(of: text) {
                let before = lines[k][..<range.lowerBound]
                return SourceLocation(file: path, line: k + 1, column: before.utf8.count)  // the backtick before it
            }
        }
        return SourceLocation(file: path, line: line)
    }
}
