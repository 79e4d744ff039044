import Foundation

/// One `node` process that typesets formulas with Debian's KaTeX (`libjs-katex`).
///
/// Protocol: requests are JSON, one object per line — first the settings
/// (`{"macros": {...}}`), then one formula per line (`{"t": tex, "d": true}` for display
/// math). The process answers each formula, in order, with a header line and that many
/// bytes: `h LENGTH` followed by KaTeX's HTML, or `e LENGTH POSITION` followed by KaTeX's
/// message (`POSITION`: UTF-16 offset into the TeX, or -1). Lengths are in UTF-8 bytes; the
/// HTML is not re-encoded as JSON, which decoding ~100 MB of answers would make slow.
/// Formulas are typeset with `throwOnError: true` (an error is reported, never drawn in
/// red by KaTeX itself), `trust: false` (no `\href`, `\includegraphics`, raw HTML) and
/// `strict: "ignore"`.
struct KaTeXWorker {
    /// The KaTeX that Debian installs, loaded with `require`.
    static let library = KaTeXAssets.directory.appendingPathComponent("katex.js")

    static let script = #"""
        const katex = require(process.argv[1]);
        const readline = require("readline");
        const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
        let settings = null;
        const out = [];
        function flush() { if (out.length) { process.stdout.write(out.join("")); out.length = 0; } }
        lines.on("line", (line) => {
          if (settings === null) { settings = JSON.parse(line); return; }
          const request = JSON.parse(line);
          let answer;
          try {
            const html = katex.renderToString(request.t, {
              displayMode: request.d, throwOnError: true, trust: false, strict: "ignore",
              macros: Object.assign({}, settings.macros || {}) });
            answer = "h " + Buffer.byteLength(html) + "\n" + html;
          } catch (error) {
            let message = String(error.message || error).replace(/^KaTeX parse error: /, "");
            message = message.replace(/ at position \d+: [\s\S]*$/, "").replace(/ at end of input: [\s\S]*$/, "");
            const position = typeof error.position === "number" ? error.position : -1;
            answer = "e " + Buffer.byteLength(message) + " " + position + "\n" + message;
          }
          out.push(answer);
          if (out.length >= 256) flush();
        });
        lines.on("close", flush);
        """#

    /// What KaTeX made of one formula.
    enum Answer: Sendable, Hashable {
        case html(String)
        /// KaTeX's message and the UTF-16 offset into the TeX where it stopped, if known.
        case error(String, utf16Offset: Int?)
    }

    /// Node could not be started or did not answer every formula.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Typesets `formulas` in one `node` process: writes them all (from another thread),
    /// reads the answers to the end.
    static func typeset(_ formulas: [(tex: String, display: Bool)], macros: [String: String]) throws -> [Answer] {
        guard !formulas.isEmpty else { return [] }
        guard let node = ["/usr/bin/node", "/usr/bin/nodejs", "/usr/local/bin/node"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else {
            throw Failure(description: "node is not installed: math is typeset at build by KaTeX under Node (apt-get install nodejs)")
        }
        guard FileManager.default.fileExists(atPath: library.path) else {
            throw Failure(description: "KaTeX is not installed (\(library.path) is missing): apt-get install libjs-katex")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        // A larger young generation: typesetting allocates many short-lived strings (≈10% faster).
        process.arguments = ["--max-semi-space-size=32", "-e", script, library.path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        var request = Data(try JSONEncoder().encode(["macros": macros]))
        request.append(UInt8(ascii: "\n"))
        // One JSON object per formula, written directly (JSONEncoder is slow at 10⁵ objects).
        var lines: [UInt8] = []
        lines.reserveCapacity(formulas.reduce(0) { $0 + $1.tex.utf8.count + 24 })
        for f in formulas {
            lines.append(contentsOf: "{\"t\":".utf8)
            SearchIndex.appendJSONString(f.tex, to: &lines)
            lines.append(contentsOf: (f.display ? ",\"d\":true}\n" : ",\"d\":false}\n").utf8)
        }
        request.append(contentsOf: lines)
        let bytes = request
        let writing = DispatchGroup(), readingErrors = DispatchGroup()
        let writeHandle = input.fileHandleForWriting, errorHandle = errors.fileHandleForReading
        let errorText = DataBox()
        DispatchQueue.global().async(group: writing) {
            writeHandle.write(bytes)
            try? writeHandle.close()
        }
        DispatchQueue.global().async(group: readingErrors) { errorText.data = errorHandle.readDataToEndOfFile() }
        let answers = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        writing.wait()
        readingErrors.wait()

        let result = parseAnswers(answers)
        guard result.count == formulas.count else {
            throw Failure(description: "node typeset \(result.count) of \(formulas.count) formulas and stopped: "
                + String(decoding: errorText.data.suffix(2000), as: UTF8.self))
        }
        return result
    }

    /// The framed answers: `h LENGTH\n` + HTML, or `e LENGTH POSITION\n` + message.
    /// Stops at the first malformed frame (the caller then reports a short count).
    static func parseAnswers(_ data: Data) -> [Answer] {
        var result: [Answer] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i < b.count {
                guard let newline = b[i...].firstIndex(of: UInt8(ascii: "\n")) else { return }
                let header = String(decoding: UnsafeBufferPointer(rebasing: b[i..<newline]), as: UTF8.self)
                let fields = header.split(separator: " ")
                guard fields.count >= 2, let length = Int(fields[1]), newline + 1 + length <= b.count else { return }
                let body = String(decoding: UnsafeBufferPointer(rebasing: b[(newline + 1)..<(newline + 1 + length)]), as: UTF8.self)
                switch fields[0] {
                case "h": result.append(.html(body))
                case "e":
                    let position = fields.count > 2 ? Int(fields[2]) ?? -1 : -1
                    result.append(.error(body, utf16Offset: position >= 0 ? position : nil))
                default: return
                }
                i = newline + 1 + length
            }
        }
        return result
    }

    /// Bytes written by one thread and read by another after it is done.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}
