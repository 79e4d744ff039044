import Articles
import Foundation

/// Where the claims of a block are written: the lines that call `check`, `expectClose` or
/// `property`. Used to report claims a crash kept from running.
enum ClaimSites {
    static let calls = ["check(", "expectClose(", "property("]

    /// Article lines of claim calls in `block`, in order, each with the first string
    /// literal on its line (the label, in the usual style of claims).
    static func sites(in block: CodeBlock) -> [(line: Int, label: String)] {
        var result: [(Int, String)] = []
        for (offset, text) in block.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = String(text)
            if code.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
            if calls.contains(where: { isCall(code, $0) }) {
                result.append((block.codeLine + offset, firstStringLiteral(code)))
            }
        }
        return result
    }

    private static func firstStringLiteral(_ line: String) -> String {
        let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : ""
    }

    /// Whether `name(` in `line` starts at a word boundary (not `mycheck(`).
    private static func isCall(_ line: String, _ name: String) -> Bool {
        var search = line[...]
        while let range = search.range(of: name) {
            if range.lowerBound == line.startIndex { return true }
            let before = line[line.index(before: range.lowerBound)]
            if !(before.isLetter || before.isNumber || before == "_") { return true }
            search = search[range.upperBound...]
        }
        return false
    }
}
