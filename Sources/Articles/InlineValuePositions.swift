/// Finds where each inline value's expression is written, so that a compiler error in it
/// points at the article's line and column (cmark 0.30 gives inline nodes no positions).
enum InlineValuePositions {
    /// Sets `line` and `column` of each value to where its expression starts in `source`:
    /// the first code span at or after the paragraph's line (and after the previous value)
    /// that reads `` `= expression` ``. A value whose text is not found as written (an
    /// expression broken across lines, which cmark joins with a space) keeps its paragraph's
    /// line and no column.
    static func locate(_ values: inout [InlineValue], in source: String) {
        let bytes = Array(source.utf8)
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
        var cursor = 0
        for k in values.indices {
            let paragraphLine = values[k].line
            guard paragraphLine >= 1, paragraphLine <= lineStarts.count else { continue }
            let from = max(cursor, lineStarts[paragraphLine - 1])
            guard let start = expressionStart(Array(values[k].expression.utf8), in: bytes, from: from) else { continue }
            let line = lineIndex(of: start, lineStarts: lineStarts)
            values[k].line = line + 1
            values[k].column = start - lineStarts[line] + 1
            cursor = start + values[k].expression.utf8.count
        }
    }

    /// The offset of `expression` in the first `` `= expression` `` span at or after `from`:
    /// a backtick, optional spaces, `=`, optional spaces, then the expression's bytes.
    private static func expressionStart(_ expression: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !expression.isEmpty else { return nil }
        var i = from
        while i < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "`") else { continue }
            var j = i + 1
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") { j += 1 }
            if j + expression.count <= bytes.count, bytes[j..<(j + expression.count)].elementsEqual(expression) {
                return j
            }
        }
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
