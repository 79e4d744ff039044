import Diagnostics
import Foundation
import Yams

/// The YAML header of an article, between `---` lines at the very top.
public struct FrontMatter: Hashable, Sendable {
    /// Required: the article's title.
    public var title: String?
    /// Publication date as written (`2026-11-25`).
    public var date: String?
    /// Tags, from a YAML list or a comma-separated string.
    public var tags: [String] = []
    /// Language code, when the article gives one; otherwise its pages are in the site's
    /// language (`site.yml` `language`, `en` by default).
    public var lang: String?
    /// One-paragraph summary for the index and feed.
    public var summary: String?
    /// Time limit in seconds for running the article's claims.
    public var timeout: Double?

    public init(title: String? = nil) { self.title = title }
}

/// Splits the front matter off an article and parses it.
enum FrontMatterParser {
    struct Result {
        var frontMatter: FrontMatter
        /// The source with the front matter lines blanked, so line numbers stay the same.
        var body: String
        var diagnostics: [Diagnostic]
    }

    static func parse(_ source: String, file: String) -> Result {
        var diagnostics: [Diagnostic] = []
        var frontMatter = FrontMatter()
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }

        // Only the first lines are looked at: scanning is over UTF-8 bytes, up to the closing line.
        let bytes = Array(source.utf8)
        var lineStarts = [0]
        func lineText(_ k: Int) -> Substring {
            let start = lineStarts[k]
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var text = Substring(String(decoding: bytes[start..<end], as: UTF8.self))
            while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
            return text
        }
        func nextLineStart(after k: Int) -> Int? {
            var i = lineStarts[k]
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            return i < bytes.count ? i + 1 : nil
        }

        guard lineText(0) == "---" else {
            diagnostics.append(
                Diagnostic(
                    .error, id: "frontmatter.missing", at: at(1),
                    "article has no front matter, so no title",
                    explanation: "start the file with three lines: ---, title: Your title, ---"))
            return Result(frontMatter: frontMatter, body: source, diagnostics: diagnostics)
        }
        var closing: Int?
        while closing == nil, let next = nextLineStart(after: lineStarts.count - 1) {
            lineStarts.append(next)
            let text = lineText(lineStarts.count - 1)
            if text == "---" || text == "..." { closing = lineStarts.count - 1 }
        }
        guard let closing else {
            diagnostics.append(
                Diagnostic(
                    .error, id: "frontmatter.unclosed", at: at(1),
                    "front matter opened with --- is never closed",
                    explanation: "add a line with --- after the last front matter field"))
            return Result(frontMatter: frontMatter, body: source, diagnostics: diagnostics)
        }
        let yamlStart = lineStarts[1], yamlEnd = max(yamlStart, lineStarts[closing] - 1)
        let yaml = String(decoding: bytes[yamlStart..<yamlEnd], as: UTF8.self)
        // Blank the front matter lines so line numbers stay those of the file.
        let restStart = nextLineStart(after: closing) ?? bytes.count
        var body = String(repeating: "\n", count: closing + (restStart < bytes.count || bytes.last == UInt8(ascii: "\n") ? 1 : 0))
        body += String(decoding: bytes[restStart...], as: UTF8.self)

        do {
            let node = try Yams.compose(yaml: yaml)
            if let node, node.mapping == nil {
                diagnostics.append(
                    Diagnostic(
                        .error, id: "frontmatter.not-mapping", at: at(2),
                        "front matter is not a list of `key: value` fields"))
            }
            let fields = node?.mapping
            func line(of key: String) -> Int {
                (fields?.keys.first { $0.string == key }?.mark?.line).map { $0 + 1 } ?? 1
            }
            let known = ["title", "date", "tags", "lang", "summary", "timeout"]
            for key in fields?.keys.compactMap(\.string) ?? [] where !known.contains(key) {
                let guess = NearMatch.closest(to: key, among: known)
                diagnostics.append(
                    Diagnostic(
                        .warning, id: "frontmatter.key", at: at(line(of: key)),
                        "unknown front-matter key '\(key)', ignored" + (guess.map { "; did you mean '\($0)'?" } ?? ""),
                        explanation: "known keys: " + known.joined(separator: ", ")))
            }
            frontMatter.title = fields?["title"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            frontMatter.date = fields?["date"]?.string
            frontMatter.summary = fields?["summary"]?.string
            if let lang = fields?["lang"]?.string { frontMatter.lang = lang }
            if let tags = fields?["tags"] {
                if let list = tags.sequence {
                    frontMatter.tags = list.compactMap { $0.string }
                } else if let text = tags.string {
                    frontMatter.tags = text.split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }.filter { !$0.isEmpty }
                }
            }
            if let timeout = fields?["timeout"] {
                if let seconds = timeout.float, seconds > 0 {
                    frontMatter.timeout = seconds
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, id: "frontmatter.timeout", at: at(line(of: "timeout")),
                            "timeout must be a positive number of seconds, got '\(timeout.string ?? "?")'"))
                }
            }
        } catch let error as YamlError {
            diagnostics.append(yamlDiagnostic(error, file: file))
        } catch {
            diagnostics.append(
                Diagnostic(.error, id: "frontmatter.yaml", at: at(2), "front matter: \(error)"))
        }
        if frontMatter.title == nil, !diagnostics.containsError {
            diagnostics.append(
                Diagnostic(
                    .error, id: "frontmatter.title", at: at(1),
                    "front matter has no title",
                    explanation: "add a line `title: Your title` between the --- lines"))
        }
        return Result(frontMatter: frontMatter, body: body, diagnostics: diagnostics)
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        let problem: String
        let mark: Mark?
        switch error {
        case let .scanner(_, p, m, _), let .parser(_, p, m, _), let .composer(_, p, m, _):
            (problem, mark) = (p, m)
        default:
            (problem, mark) = ("\(error)", nil)
        }
        // Marks count YAML lines from 1; the YAML starts on file line 2.
        let line = (mark?.line ?? 1) + 1
        return Diagnostic(
            .error, id: "frontmatter.yaml",
            at: SourceLocation(file: file, line: line, column: mark?.column),
            "front matter is not valid YAML: \(problem)")
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
