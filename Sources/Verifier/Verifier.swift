import Articles
import Diagnostics
import Foundation

/// Verifies articles: for each, generates its claim program, compiles it against
/// ClaimKit, runs it in its own process with a time limit and reads back the verdicts.
/// Articles are independent and run in parallel: one that does not compile, crashes or
/// hangs never stops the others. Results are cached (see ``VerificationCache``).
public struct Verifier: Sendable {
    /// The site folder; claim programs run with it as working directory.
    public var root: URL
    /// The ClaimKit build to compile against.
    public var library: ClaimLibrary
    /// How many articles to compile and run at once.
    public var jobs: Int
    /// Time limit for an article whose front matter and blocks set none.
    public var defaultTimeout: Double = 120
    /// Whether to reuse cached results of unchanged articles.
    public var useCache = true
    /// Called with one line per step (`compile hippo.md`), from any thread.
    public var progress: (@Sendable (String) -> Void)?

    public init(root: URL, library: ClaimLibrary, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.root = root
        self.library = library
        self.jobs = max(1, jobs)
    }

    /// Folder for generated programs, binaries and the cache.
    var workDirectory: URL { root.appendingPathComponent(".build/lemma") }
    func makeCache() -> VerificationCache {
        VerificationCache(directory: workDirectory.appendingPathComponent("cache"), library: library)
    }

    /// Verifies every article, `jobs` at a time; results come back in the order of `articles`.
    public func verify(_ articles: [Article]) -> [ArticleResult] {
        let cache = makeCache()
        let numbered = Array(articles.enumerated())
        return ParallelMap.map(numbered, maxConcurrency: jobs) { index, article in
            verify(article, step: "[\(index + 1)/\(articles.count)]", cache: cache)
        }
    }

    /// Verifies one article; `step` prefixes its progress lines.
    public func verify(_ article: Article, step: String = "") -> ArticleResult {
        verify(article, step: step, cache: makeCache())
    }

    private func verify(_ article: Article, step: String, cache: VerificationCache) -> ArticleResult {
        let name = article.path.split(separator: "/").last.map(String.init) ?? article.path
        let blocks = article.claimBlocks
        guard !blocks.isEmpty else { return ArticleResult(path: article.path, diagnostics: article.diagnostics) }

        let source = ClaimProgramSource.make(for: article)
        let timeout = blocks.compactMap(\.timeLimit).max() ?? article.frontMatter.timeout ?? defaultTimeout
        let key = cache.key(source: source, timeout: timeout)
        if useCache, var cached = cache.load(slug: article.slug, key: key) {
            progress?("\(step) cached \(name)")
            cached.diagnostics = article.diagnostics + cached.diagnostics
            cached.cached = true
            return cached
        }
        let started = Date()
        var result = run(article, source: source, timeout: timeout, step: step, name: name)
        result.seconds = Date().timeIntervalSince(started)
        cache.store(result, slug: article.slug, key: key)
        result.diagnostics = article.diagnostics + result.diagnostics
        return result
    }

    /// Compiles and runs; the result holds only the diagnostics of compiling and running.
    private func run(_ article: Article, source: String, timeout: Double, step: String, name: String) -> ArticleResult {
        var result = ArticleResult(path: article.path)
        let firstLocation = SourceLocation(file: article.path, line: article.claimBlocks[0].codeLine)
        func fail(_ id: String, _ summary: String, explanation: String? = nil) -> ArticleResult {
            result.diagnostics.append(Diagnostic(.error, id: id, at: firstLocation, summary, explanation: explanation))
            return result
        }

        let folder = workDirectory.appendingPathComponent("programs/\(article.slug)")
        let sourceFile = folder.appendingPathComponent("main.swift")
        let binary = folder.appendingPathComponent("claims")
        let resultsFile = folder.appendingPathComponent("results.jsonl")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try source.write(to: sourceFile, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: binary)
            try? FileManager.default.removeItem(at: resultsFile)
        } catch {
            return fail("verify.io", "cannot write the claim program: \(error)")
        }

        progress?("\(step) compile \(name)")
        let compiled: Subprocess.Outcome
        do {
            compiled = try Subprocess.run(
                library.swiftc, library.arguments(source: sourceFile.path, output: binary.path, optimize: false), in: root)
        } catch {
            return fail("compile.launch", "cannot start swiftc: \(error)")
        }
        result.diagnostics += CompilerDiagnostics.parse(
            compiled.stderr + compiled.stdout, articlePath: article.path, fallback: firstLocation)
        guard compiled.status == 0, FileManager.default.fileExists(atPath: binary.path) else {
            if result.diagnostics.contains(where: { $0.id == "compile.error" }) { return result }
            return fail("compile.error", "the claim program did not compile (swiftc exit \(compiled.status))",
                        explanation: compiled.stderr.isEmpty ? nil : compiled.stderr)
        }

        progress?("\(step) run \(name)")
        let run: Subprocess.Outcome
        do {
            run = try Subprocess.run(
                binary, [], in: root,
                environment: [
                    ClaimEvent.resultsEnvironmentKey: resultsFile.path,
                    // The runtime's one-line "Fatal error" report is what we show; no backtrace.
                    "SWIFT_BACKTRACE": "enable=no",
                ], timeout: timeout)
        } catch {
            return fail("run.launch", "cannot start the claim program: \(error)")
        }
        let events = ResultStream.read(resultsFile)
        var stop: ResultAssembly.Stop?
        if !events.contains(where: { $0.event == .end }) {
            let blockLine = events.last(where: { $0.event == .block })?.line ?? firstLocation.line
            let crash = CrashReport(stderr: run.stderr, articleFileName: article.slug + ".md")
            let location = SourceLocation(file: article.path, line: crash.line ?? blockLine)
            var summary = stopReason(run, timeout: timeout)
            if let message = crash.message { summary += ": \(message)" }
            result.diagnostics.append(
                Diagnostic(
                    .error, id: run.timedOut ? "run.timeout" : "run.crash", at: location, summary,
                    explanation: crash.message == nil && !run.stderr.isEmpty ? lastLines(of: run.stderr, 8) : nil))
            stop = .init(location: location, timedOut: run.timedOut, summary: summary)
        }
        ResultAssembly(article: article).assemble(events: events, stdout: run.stdout, stop: stop, into: &result)
        return result
    }

    /// A sentence saying how the run stopped.
    private func stopReason(_ run: Subprocess.Outcome, timeout: Double) -> String {
        if run.timedOut {
            return "the claims ran past their time limit of \(formatSeconds(timeout)) s in this block"
        }
        if run.signaled {
            return "the claim program crashed (signal \(run.status)) in this block"
        }
        return "the claim program stopped (exit \(run.status)) in this block"
    }
}

extension CodeBlock {
    /// The block's own time limit, if its info string sets one.
    var timeLimit: Double? {
        if case let .check(_, timeout) = role { return timeout }
        return nil
    }
}

func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
}

func lastLines(of text: String, _ count: Int) -> String {
    text.split(separator: "\n").suffix(count).joined(separator: "\n    ")
}

/// Reads the JSON-lines results file that a claim program writes; a torn last line
/// (the program died mid-write) is ignored.
enum ResultStream {
    static func read(_ file: URL) -> [ClaimEvent] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? decoder.decode(ClaimEvent.self, from: Data($0))
        }
    }
}
