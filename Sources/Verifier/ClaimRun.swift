import Articles
import Diagnostics
import Foundation

/// Compiles one article's claim program in a private folder and runs it in its own
/// process group with its time limit; the result is a ``RunOutcome``.
struct ClaimRun {
    let article: Article
    let source: String
    let timeout: Double
    let library: ClaimLibrary
    /// The site folder: the program's working directory.
    let root: URL
    /// Added to the program's environment (the store of persisted values).
    let environment: [String: String]
    /// Where the private run folders go.
    let runsDirectory: URL
    let progress: (String) -> Void

    /// The environment of a claim program: the runtime's trap report and a symbolicated
    /// backtrace of the crashed thread (it names the article line that trapped), no colours,
    /// no prompts.
    static let backtraceSettings =
        "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=no,limit=64,top=16"

    func run() -> RunOutcome {
        let started = Date()
        var outcome = RunOutcome()
        let firstLine = article.claimBlocks.first?.codeLine ?? 1
        func stopped(_ id: String, _ summary: String, explanation: String? = nil) -> RunOutcome {
            outcome.compileDiagnostics.append(
                Diagnostic(.error, id: id, at: SourceLocation(file: article.path, line: firstLine), summary,
                           explanation: explanation))
            outcome.seconds = Date().timeIntervalSince(started)
            return outcome
        }

        let folder: RunDirectory
        do {
            folder = try RunDirectory(in: runsDirectory)
            try source.write(to: folder.source, atomically: false, encoding: .utf8)
            try ClaimProgramSource.hooks.write(to: folder.hooks, atomically: false, encoding: .utf8)
        } catch {
            return stopped("verify.io", "cannot write the claim program: \(error)")
        }
        defer { folder.remove() }

        progress("compiling")
        let compiler = ChildProcess(
            executable: library.swiftc.path,
            arguments: library.arguments(sources: [folder.source.path, folder.hooks.path], output: folder.binary.path),
            directory: folder.url.path, environment: ["TMPDIR": folder.temporary.path])
        var compilerOutput = Data()
        let compiled: ChildProcess.Outcome
        do {
            compiled = try compiler.run { compilerOutput.append(contentsOf: $0) }
        } catch {
            return stopped("compile.launch", "cannot start swiftc: \(error)")
        }
        let compilerText = compiled.stderr + String(decoding: compilerOutput, as: UTF8.self)
        outcome.compileDiagnostics = CompilerDiagnostics.parse(
            compilerText, articlePath: article.path, fallback: SourceLocation(file: article.path, line: firstLine),
            paddedLines: Set(article.inlineValues.map(\.line)))
        guard compiled.status == 0, !compiled.signaled, FileManager.default.fileExists(atPath: folder.binary.path) else {
            if outcome.compileDiagnostics.contains(where: { $0.id == "compile.error" }) {
                outcome.seconds = Date().timeIntervalSince(started)
                return outcome
            }
            return stopped(
                "compile.error", "the claim program did not compile (swiftc exit \(compiled.status))",
                explanation: compilerText.isEmpty ? nil : lastLines(of: compilerText, 12))
        }
        outcome.compiled = true

        progress("running")
        let program = ChildProcess(
            executable: folder.binary.path, directory: root.path,
            environment: environment.merging(
                ["SWIFT_BACKTRACE": Self.backtraceSettings, "TMPDIR": folder.temporary.path]) { $1 },
            timeout: timeout, channel: true)
        var splitter = BlockOutputSplitter()
        let ran: ChildProcess.Outcome
        do {
            ran = try program.run { splitter.append($0) }
        } catch {
            outcome.compiled = false
            return stopped("run.launch", "cannot start the claim program: \(error)")
        }
        outcome.outputs = splitter.finish()
        outcome.events = RunOutcome.ownEvents(RunOutcome.decodeChannel(ran.channel), pid: ran.pid)
        outcome.stop = stop(of: ran, events: outcome.events)
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// How the program stopped, when it did not report its end (or reported too much).
    private func stop(of ran: ChildProcess.Outcome, events: [ClaimEvent]) -> RunOutcome.Stop? {
        // Where it was: the last statement or block it reported starting.
        let running = events.last { $0.event == .statement || $0.event == .block }?.line
            ?? article.claimBlocks.first?.codeLine ?? 1
        if ran.channelOverflowed {
            return .init(
                id: "run.results", line: running, timedOut: false,
                summary: "the claim program reported more than \(ChildProcess.Limits().channelBytes >> 20) MB of "
                    + "results; what came after could not be read, so the run is not verified",
                explanation: "make fewer claims (a property over many cases is one claim) or smaller figures")
        }
        if events.last?.event == .end { return nil }
        let crash = CrashReport(stderr: ran.stderr, articlePath: article.path)
        let summary: String
        if ran.timedOut {
            summary = "the claims ran past their time limit of \(formatSeconds(timeout)) s"
        } else if let phrase = crash.phrase {
            summary = "the claim program stopped: \(phrase)"
        } else if ran.signaled {
            summary = "the claim program crashed (\(signalName(ran.status)))"
        } else {
            summary = "the claim program exited (status \(ran.status)) before its end"
        }
        let line = (ran.timedOut ? nil : crash.line) ?? running
        let explanation = crash.kind == nil && !ran.stderr.isEmpty ? lastLines(of: ran.stderr, 8) : nil
        return .init(
            id: ran.timedOut ? "run.timeout" : "run.crash", line: line, timedOut: ran.timedOut, summary: summary,
            explanation: explanation)
    }
}

/// `SIGSEGV (signal 11)`.
func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
        SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
        SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM", SIGINT: "SIGINT",
    ]
    return names[signal].map { "\($0), signal \(signal)" } ?? "signal \(signal)"
}

func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
}

func lastLines(of text: String, _ count: Int) -> String {
    text.split(separator: "\n").suffix(count).joined(separator: "\n    ")
}
