import Diagnostics

/// Workflow commands that make GitHub Actions show problems on the article's lines:
/// `::error file=articles/x.md,line=12::FAIL label (detail)`.
public enum GitHubAnnotations {
    public static func lines(_ results: [ArticleResult]) -> [String] {
        var out: [String] = []
        for r in results {
            for d in r.diagnostics where d.severity != .note {
                let level = d.severity == .error ? "error" : "warning"
                out.append("::\(level) file=\(property(r.path)),line=\(d.location.line)\(column(d.location.column))::\(data("\(d.summary) [\(d.id)]"))")
            }
            for c in r.claims where c.status != .pass {
                var message = c.status.rawValue.uppercased()
                if !c.label.isEmpty { message += " \(c.label)" }
                if let detail = c.detail { message += " (\(detail))" }
                out.append("::error file=\(property(r.path)),line=\(c.line)\(column(c.column))::\(data(message))")
            }
        }
        return out
    }

    /// A plain line (a problem line, its explanation) made harmless to the Actions runner,
    /// which reads any output line that starts with `::` as a workflow command: every
    /// physical line of `text` whose first non-blank characters are `::` gets a zero-width
    /// space between the colons, so a label or printed text such as `::stop-commands::x`
    /// or `::error::` shows as written and commands nothing.
    public static func plain(_ text: String) -> String {
        guard text.contains("::") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let start = line.firstIndex { $0 != " " && $0 != "\t" && $0 != "\r" } ?? line.endIndex
            guard line[start...].hasPrefix("::") else { return String(line) }
            return String(line[..<start]) + ":\u{200B}:" + line[line.index(start, offsetBy: 2)...]
        }.joined(separator: "\n")
    }

    /// `,col=N` when the column is known.
    static func column(_ column: Int?) -> String { column.map { ",col=\($0)" } ?? "" }

    /// Escaping of a command's message.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a property value.
    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import Foundation
