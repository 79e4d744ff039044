import Diagnostics
import Foundation

/// Rewrites the expected text of `output` blocks in an article's source, touching nothing
/// else: every other byte of the file, its line endings included, stays as it was.
///
/// - New lines take the line ending of the block's opening fence line (`\n`, `\r\n` or a
///   lone `\r`; files that mix them keep every other line as it was).
/// - Inside a list item or a block quote, new lines get the container's prefix (the
///   opening fence line's indentation, with `>` kept and list markers turned into spaces).
/// - When the new text holds a line that would close the fence (three or more of its
///   characters), both fences grow to one more than the longest such run.
/// - The result is parsed again and must give back exactly the new text in the same block
///   with the same blocks around it; otherwise nothing is rewritten and
///   ``PromotionError`` says why.
public enum OutputPromotion {
    /// The source with the contents of each given output block (by its fence line)
    /// replaced by the new text.
    public static func rewrite(
        _ source: String, path: String = "", replacing contents: [(block: CodeBlock, text: String)]
    ) throws -> String {
        var lines = SourceLines(source)
        for (block, text) in contents.sorted(by: { $0.block.line > $1.block.line }) {
            try lines.replaceContents(of: block, with: text, path: path)
        }
        let result = lines.text
        try verify(result, original: source, path: path, contents: contents)
        return result
    }

    /// Parses the rewritten source: each block holds its new text, every other block is
    /// where it was.
    private static func verify(
        _ result: String, original: String, path: String, contents: [(block: CodeBlock, text: String)]
    ) throws {
        let before = ArticleParser.parse(original, path: path).codeBlocks
        let after = ArticleParser.parse(result, path: path).codeBlocks
        guard before.count == after.count else {
            throw PromotionError(path: path, line: contents.map(\.block.line).min() ?? 1, reason: "the blocks of the article would change")
        }
        for (block, text) in contents {
            let wanted = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
            guard let k = before.firstIndex(where: { $0.line == block.line }), after[k].role == .output,
                after[k].code == wanted
            else {
                throw PromotionError(
                    path: path, line: block.line, reason: "the rewritten block would not read back as the printed text")
            }
        }
    }
}

/// Why an `output` block could not be rewritten; the file is left as it was.
public struct PromotionError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String

    public var description: String {
        "\(path):\(line): error: cannot promote this output block: \(reason); "
            + "edit it by hand [promote.unsafe]"
    }
}

/// A source split into lines that keep their own endings.
private struct SourceLines {
    var lines: [(text: Substring, ending: Substring)] = []

    init(_ source: String) {
        var start = source.startIndex
        let scalars = source.unicodeScalars
        var k = scalars.startIndex
        while k < scalars.endIndex {
            let c = scalars[k]
            if c == "\n" || c == "\r" {
                var end = scalars.index(after: k)
                if c == "\r", end < scalars.endIndex, scalars[end] == "\n" { end = scalars.index(after: end) }
                lines.append((source[start..<k], source[k..<end]))
                start = end
                k = end
            } else {
                k = scalars.index(after: k)
            }
        }
        if start < source.endIndex { lines.append((source[start...], "")) }
    }

    var text: String { lines.map { String($0.text) + String($0.ending) }.joined() }

    mutating func replaceContents(of block: CodeBlock, with text: String, path: String) throws {
        let open = block.line - 1, close = block.endLine - 1
        func fail(_ reason: String) -> PromotionError { PromotionError(path: path, line: block.line, reason: reason) }
        guard open < close, close < lines.count else { throw fail("the block has no closing fence") }
        guard let (openPrefix, fence, info) = Self.fence(in: lines[open].text),
            let (closePrefix, closing, _) = Self.fence(in: lines[close].text), closing.first == fence.first
        else { throw fail("the block has no closing fence") }

        var body = text.components(separatedBy: "\n")
        if body.last == "" { body.removeLast() }
        let fenceChar = fence.first!
        let longest = body.map { Self.leadingRun(of: fenceChar, in: $0) }.max() ?? 0
        let length = max(fence.count, closing.count, longest >= 3 ? longest + 1 : 0)
        let newFence = String(repeating: fenceChar, count: length)
        let prefix = String(openPrefix.map { $0 == ">" || $0 == "\t" ? $0 : " " })
        let ending = lines[open].ending.isEmpty ? Substring("\n") : lines[open].ending

        var replacement: [(text: Substring, ending: Substring)] = [(Substring(openPrefix + newFence + info), lines[open].ending)]
        for line in body { replacement.append((Substring(line.isEmpty ? prefix.trimmingTrailingSpaces : prefix + line), ending)) }
        replacement.append((Substring(closePrefix + newFence), lines[close].ending))
        lines.replaceSubrange(open...close, with: replacement)
    }

    /// The text before the fence, the fence run, and what follows it, when the line is a fence.
    private static func fence(in line: Substring) -> (String, String, String)? {
        guard let start = line.firstIndex(where: { $0 == "`" || $0 == "~" }) else { return nil }
        let char = line[start]
        let run = line[start...].prefix { $0 == char }
        guard run.count >= 3 else { return nil }
        return (String(line[..<start]), String(run), String(line[run.endIndex...]))
    }

    /// Length of the run of `char` after the line's leading spaces.
    private static func leadingRun(of char: Character, in line: String) -> Int {
        line.drop { $0 == " " || $0 == "\t" }.prefix { $0 == char }.count
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
