import Diagnostics

/// Workflow commands that make GitHub Actions show problems on the article's lines:
/// `::error file=articles/x.md,line=12::FAIL label (detail)`.
public enum GitHubAnnotations {
    public static func lines(_ results: [ArticleResult]) -> [String] {
        var out: [String] = []
        for r in results {
            for d in r.diagnostics where d.severity != .note {
                let level = d.severity == .error ? "error" : "warning"
                out.append("::\(level) file=\(property(r.path)),line=\(d.location.line)::\(data("\(d.summary) [\(d.id)]"))")
            }
            for c in r.claims where c.status != .pass {
                var message = c.status.rawValue.uppercased()
                if !c.label.isEmpty { message += " \(c.label)" }
                if let detail = c.detail { message += " (\(detail))" }
                out.append("::error file=\(property(r.path)),line=\(c.line)::\(data(message))")
            }
        }
        return out
    }

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
