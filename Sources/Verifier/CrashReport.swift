/// What a claim program's standard error says about how it stopped.
///
/// The Swift runtime reports a trap as `FILE:LINE: Fatal error: MESSAGE`. FILE is
/// `Module/name.md` when the trap was raised by the author's own code (thanks to
/// `#sourceLocation`), and a library file otherwise (`Swift/ContiguousArrayBuffer.swift`
/// for an index out of range).
struct CrashReport: Equatable {
    /// The message after `Fatal error: `, if the runtime printed one.
    var message: String?
    /// The article line of the trap, when the author's code raised it.
    var line: Int?

    init(stderr: String, articleFileName: String) {
        guard let report = stderr.split(separator: "\n").first(where: { $0.contains("Fatal error") }) else {
            return
        }
        let parts = report.components(separatedBy: ": Fatal error")
        var text = parts.count > 1 ? parts[1...].joined(separator: ": Fatal error") : String(report)
        if text.hasPrefix(":") { text.removeFirst() }
        message = text.trimmingCharacters(in: .whitespaces)
        if message?.isEmpty == true { message = "fatal error" }
        // "main/orthogonal-map.md:40" → 40 when the file is this article.
        let place = parts[0].split(separator: ":")
        if place.count >= 2, place[place.count - 2].hasSuffix("/" + articleFileName) || place[place.count - 2] == articleFileName {
            line = Int(place[place.count - 1])
        }
    }
}

import Foundation
