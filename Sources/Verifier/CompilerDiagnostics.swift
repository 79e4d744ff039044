import Diagnostics

/// Reads `swiftc -diagnostic-style llvm` output into diagnostics at article lines.
enum CompilerDiagnostics {
    /// Parses compiler output. Messages about the generated file itself (outside any
    /// block) are placed at `fallback`, the article's first claim block. `paddedLines` are
    /// the article lines of inline values, whose expressions the program places at their
    /// column by padding with spaces: the padding is dropped from what is quoted.
    static func parse(
        _ output: String, articlePath: String, fallback: SourceLocation, paddedLines: Set<Int> = []
    ) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var quoted: [String] = []

        func flushQuoted() {
            guard !result.isEmpty, !quoted.isEmpty else { quoted = []; return }
            let location = result[result.count - 1].location
            let (lines, column) = AuthorText.restore(
                quoted, column: location.column, dropIndentation: paddedLines.contains(location.line))
            result[result.count - 1].location.column = column
            result[result.count - 1].explanation = lines.joined(separator: "\n    ")
            quoted = []
        }

        // A note about another file (a ClaimKit declaration, a candidate of an overloaded
        // call) is not a diagnostic of its own: its text joins the message above it, the
        // declaration it quotes is dropped.
        var inForeignNote = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let message = Message(line) {
                flushQuoted()
                inForeignNote = message.severity == .note && message.file != articlePath
                if inForeignNote {
                    if !result.isEmpty {
                        let note = "note: " + message.text
                        result[result.count - 1].explanation = result[result.count - 1].explanation.map { $0 + "\n    " + note } ?? note
                    }
                    continue
                }
                let location = message.file == articlePath
                    ? SourceLocation(file: articlePath, line: message.line, column: message.column)
                    : fallback
                result.append(
                    Diagnostic(message.severity, id: "compile.\(message.severity.rawValue)", at: location, message.text))
            } else if !inForeignNote, !line.trimmingCharacters(in: .whitespaces).isEmpty, !result.isEmpty {
                quoted.append(String(line))
            }
        }
        flushQuoted()
        return result
    }

    /// What the compiler quotes below a message (the source line, then caret and fix-it
    /// lines aligned to it), turned back into what the author wrote: the verifier's own
    /// calls (`;_LemmaRun.statement(N)`, added after statements) are cut out of the line
    /// and the same columns out of the lines below, and the message's column moves left
    /// by what was cut before it. With `dropIndentation`, indentation common to all the
    /// lines is dropped (an inline value's expression is placed at its column by padding).
    enum AuthorText {
        static func restore(_ lines: [String], column: Int?, dropIndentation: Bool) -> (lines: [String], column: Int?) {
            guard let source = lines.first else { return (lines, column) }
            let cuts = instrumentation(in: source)
            var column = column
            var restored = lines
            if !cuts.isEmpty {
                for (k, line) in restored.enumerated() {
                    var characters = Array(line)
                    for cut in cuts.reversed() where cut.characters.lowerBound < characters.count {
                        characters.removeSubrange(cut.characters.clamped(to: 0..<characters.count))
                    }
                    restored[k] = String(characters)
                }
                if let c = column {
                    column = c - cuts.filter { $0.bytes.upperBound < c }.reduce(0) { $0 + $1.bytes.count }
                }
            }
            guard dropIndentation else { return (restored, column) }
            let indents = restored.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }
            if let common = indents.min(), common > 0 {
                restored = restored.map { String($0.dropFirst(min(common, $0.prefix { $0 == " " }.count))) }
            }
            return (restored, column)
        }

        /// Ranges of ` ;_LemmaRun.statement(N)` / ` _LemmaRun.statement(N)` in `line`, in
        /// characters and in UTF-8 bytes (columns count bytes, from 1).
        static func instrumentation(in line: String) -> [(characters: Range<Int>, bytes: Range<Int>)] {
            var cuts: [(characters: Range<Int>, bytes: Range<Int>)] = []
            var searchFrom = line.startIndex
            while let call = line.range(of: "_LemmaRun.statement(", range: searchFrom..<line.endIndex) {
                guard let close = line[call.upperBound...].firstIndex(of: ")"),
                    line[call.upperBound..<close].allSatisfy(\.isNumber)
                else { searchFrom = call.upperBound; continue }
                var start = call.lowerBound
                if start > line.startIndex, line[line.index(before: start)] == ";" { start = line.index(before: start) }
                if start > line.startIndex, line[line.index(before: start)] == " " { start = line.index(before: start) }
                let end = line.index(after: close)
                let characters = line.distance(from: line.startIndex, to: start)..<line.distance(from: line.startIndex, to: end)
                let firstByte = line[..<start].utf8.count + 1
                cuts.append((characters, firstByte..<(firstByte + line[start..<end].utf8.count)))
                searchFrom = end
            }
            return cuts
        }
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
