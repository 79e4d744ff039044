import Foundation

/// Rewrites the expected text of `output` blocks in an article's source, touching nothing
/// else: every other byte of the file, its line endings included, stays as it was.
public enum OutputPromotion {
    /// The source with the contents of each given output block (by its fence line)
    /// replaced by the new text. Blocks must be fenced and closed.
    public static func rewrite(_ source: String, replacing contents: [(block: CodeBlock, text: String)]) -> String {
        let usesCRLF = source.contains("\r\n")
        let newline = usesCRLF ? "\r\n" : "\n"
        var lines = source.components(separatedBy: newline)
        // Work bottom-up so earlier line numbers stay valid.
        for (block, text) in contents.sorted(by: { $0.block.line > $1.block.line }) {
            let first = block.line  // 0-based index of the first content line = fence line (1-based)
            let last = block.endLine - 1  // 0-based index of the closing fence
            guard first <= last, last < lines.count else { continue }
            let fence = lines[last].trimmingCharacters(in: .whitespaces)
            guard fence.hasPrefix("```") || fence.hasPrefix("~~~") else { continue }  // unclosed block
            var body = text.components(separatedBy: "\n")
            if body.last == "" { body.removeLast() }
            lines.replaceSubrange(first..<last, with: body)
        }
        return lines.joined(separator: newline)
    }
}
