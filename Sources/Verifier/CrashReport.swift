/// What a claim program's standard error says about how it stopped.
///
/// The Swift runtime reports a trap as `FILE:LINE: Fatal error: MESSAGE` (also
/// `Precondition failed`, `Assertion failed`), where FILE is the article (thanks to
/// `#sourceLocation`) when the author's own code raised it, and a library file otherwise
/// (`Swift/ContiguousArrayBuffer.swift` for an index out of range). An error thrown to the
/// top level reads `Fatal error: Error raised at top level: ERROR`. The backtracer then
/// lists the frames, innermost first, each with `at FILE:LINE:COLUMN` when it has debug
/// information: the first frame in the article is the line that trapped.
struct CrashReport: Equatable {
    /// What kind of stop the runtime reported.
    enum Kind: Equatable {
        case fatalError, preconditionFailed, assertionFailed, uncaughtError
    }

    var kind: Kind?
    /// The runtime's message (for an uncaught error, the error's description).
    var message: String?
    /// The article line where it happened, when the report or the backtrace names one.
    var line: Int?

    init(stderr: String, articlePath: String) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        let markers: [(String, Kind)] = [
            (": Fatal error", .fatalError), (": Precondition failed", .preconditionFailed),
            (": Assertion failed", .assertionFailed),
        ]
        for text in lines {
            guard let (marker, kind) = markers.first(where: { text.contains($0.0) }) else { continue }
            let range = text.range(of: marker)!
            var rest = String(text[range.upperBound...])
            if rest.hasPrefix(":") { rest.removeFirst() }
            rest = rest.trimmingCharacters(in: .whitespaces)
            let uncaught = "Error raised at top level:"
            if kind == .fatalError, rest.hasPrefix(uncaught) {
                self.kind = .uncaughtError
                message = rest.dropFirst(uncaught.count).trimmingCharacters(in: .whitespaces)
            } else {
                self.kind = kind
                message = rest.isEmpty ? nil : rest
            }
            line = Self.articleLine(in: text[..<range.lowerBound], articlePath: articlePath)
            break
        }
        // The backtrace's innermost frame in the article is more precise than the report
        // of a library file.
        if let frame = lines.lazy.compactMap({ Self.frameLine($0, articlePath: articlePath) }).first {
            if line == nil { line = frame }
        }
    }

    /// `…/articles/x.md:40` (a report's place) → 40 when the file is the article.
    private static func articleLine(in place: Substring, articlePath: String) -> Int? {
        let parts = place.split(separator: ":")
        guard parts.count >= 2, let n = Int(parts[parts.count - 1]) else { return nil }
        let file = parts[parts.count - 2]
        return file == articlePath || file.hasSuffix("/" + articlePath) || articlePath.hasSuffix("/" + file) ? n : nil
    }

    /// A backtrace frame `… in claims at articles/x.md:40:41` → 40.
    private static func frameLine(_ text: Substring, articlePath: String) -> Int? {
        guard let at = text.range(of: " at ", options: .backwards) else { return nil }
        let place = text[at.upperBound...].split(separator: ":")
        guard place.count >= 3, let n = Int(place[place.count - 2]) else { return nil }
        let file = place.dropLast(2).joined(separator: ":")
        return file == articlePath || file.hasSuffix("/" + articlePath) ? n : nil
    }

    /// One phrase for the summary line: `precondition failed: k must be zero`.
    var phrase: String? {
        guard let kind else { return nil }
        let what = switch kind {
        case .fatalError: "fatal error"
        case .preconditionFailed: "precondition failed"
        case .assertionFailed: "assertion failed"
        case .uncaughtError: "an error was thrown and not caught"
        }
        return message.map { "\(what): \($0)" } ?? what
    }
}

import Foundation
