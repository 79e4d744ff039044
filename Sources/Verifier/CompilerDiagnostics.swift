import Diagnostics

/// Reads `swiftc -diagnostic-style llvm` output into diagnostics at article lines.
enum CompilerDiagnostics {
    /// Parses compiler output. Messages about the generated file itself (outside any
    /// block) are placed at `fallback`, the article's first claim block.
    static func parse(_ output: String, articlePath: String, fallback: SourceLocation) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var quoted: [String] = []

        func flushQuoted() {
            guard !result.isEmpty, !quoted.isEmpty else { quoted = []; return }
            let text = quoted.joined(separator: "\n    ")
            result[result.count - 1].explanation = text
            quoted = []
        }

        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let message = Message(line) {
                flushQuoted()
                guard message.severity != .note || message.file == articlePath else { continue }
                let location = message.file == articlePath
                    ? SourceLocation(file: articlePath, line: message.line, column: message.column)
                    : fallback
                result.append(
                    Diagnostic(message.severity, id: "compile.\(message.severity.rawValue)", at: location, message.text))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty, !result.isEmpty {
                quoted.append(String(line))
            }
        }
        flushQuoted()
        return result
    }

    /// One `file:line:col: severity: text` line.
    private struct Message {
        var file: String
        var line: Int
        var column: Int
        var severity: Severity
        var text: String

        init?(_ raw: Substring) {
            for (marker, severity) in [(": error: ", Severity.error), (": warning: ", .warning), (": note: ", .note)] {
                guard let range = raw.range(of: marker) else { continue }
                let parts = raw[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 3, let line = Int(parts[parts.count - 2]),
                    let column = Int(parts[parts.count - 1])
                else { return nil }
                self.file = parts.dropLast(2).joined(separator: ":")
                self.line = line
                self.column = column
                self.severity = severity
                self.text = String(raw[range.upperBound...])
                return
            }
            return nil
        }
    }
}

import Foundation
