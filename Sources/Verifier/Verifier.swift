import Articles
import Diagnostics
import Foundation
import Parallelism

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
    /// Whether to reuse cached results of unchanged articles and stored persisted values.
    /// When false, every article runs and every `persisted` value is computed again (and
    /// stored afresh).
    public var useCache = true
    /// The most the store of persisted values may hold; the least recently used entries
    /// go first when a verification run ends above it.
    public var storeLimitBytes = 1 << 30
    /// Called from any thread with progress lines, each naming its article: a line when
    /// an article starts compiling or running (`  hippo.md: compiling`), and one when it is
    /// done, counted in the order articles finish (`  [3/8] hippo.md: 26 passed, 0 failed
    /// (4.1 s)`), so the counter only ever goes up.
    public var progress: (@Sendable (String) -> Void)?

    public init(root: URL, library: ClaimLibrary, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.root = root
        self.library = library
        self.jobs = max(1, jobs)
    }

    /// Folder for the cache and the private run folders.
    var workDirectory: URL { root.appendingPathComponent(".build/lemma") }
    func makeCache() -> VerificationCache {
        VerificationCache(directory: workDirectory.appendingPathComponent("cache"), library: library, root: root)
    }

    /// Verifies every article, `jobs` at a time; results come back in the order of `articles`.
    public func verify(_ articles: [Article]) -> [ArticleResult] {
        let cache = makeCache()
        RunDirectory.removeAbandoned(in: workDirectory.appendingPathComponent("runs"))
        let finished = FinishedCounter(total: articles.count)
        let results = ParallelMap.map(articles, maxConcurrency: jobs) { article in
            let result = verify(article, cache: cache)
            if let progress { progress("  \(finished.next()) \(Self.fileName(article)): \(Self.doneText(result))") }
            return result
        }
        PersistedStoreFolder(url: storeDirectory).trim(toBytes: storeLimitBytes)
        return results
    }

    /// Where persisted values are kept.
    var storeDirectory: URL { workDirectory.appendingPathComponent("store") }

    /// Verifies one article.
    public func verify(_ article: Article) -> ArticleResult {
        let result = verify(article, cache: makeCache())
        progress?("  \(Self.fileName(article)): \(Self.doneText(result))")
        return result
    }

    static func fileName(_ article: Article) -> String {
        article.path.split(separator: "/").last.map(String.init) ?? article.path
    }

    /// `26 passed, 0 failed (4.1 s)`, `… (cached)`, `no claims`.
    static func doneText(_ result: ArticleResult) -> String {
        guard !result.claims.isEmpty || result.errorDiagnostics > 0 else { return "no claims" }
        let counts = Summary([result]).totalsLine
        return counts + (result.cached ? " (cached)" : String(format: " (%.1f s)", result.seconds))
    }

    /// Counts finished articles across threads: `[k/n]`.
    final class FinishedCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        let total: Int
        init(total: Int) { self.total = total }
        func next() -> String {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return "[\(count)/\(total)]"
        }
    }

    /// Runs the article's claim program (or takes its outcome from the cache) and draws the
    /// verdicts from the outcome and the article as it is now.
    private func verify(_ article: Article, cache: VerificationCache) -> ArticleResult {
        let name = Self.fileName(article)
        let blocks = article.claimBlocks
        guard article.needsRun else { return ArticleResult(path: article.path, diagnostics: article.diagnostics) }

        let source = ClaimProgramSource.make(for: article)
        let timeout = blocks.compactMap(\.timeLimit).max() ?? article.frontMatter.timeout ?? defaultTimeout
        let key = cache.key(source: source + ClaimProgramSource.hooks, timeout: timeout)
        let outcome: RunOutcome
        var cached = false
        if useCache, let stored = cache.load(slug: article.slug, key: key) {
            outcome = stored
            cached = true
        } else {
            let keys = PersistedKeys.make(for: article, context: cache.context)
            let run = ClaimRun(
                article: article, source: source, timeout: timeout, library: library, root: root,
                environment: [
                    PersistedRecord.directoryEnvironmentKey: storeDirectory.path,
                    PersistedRecord.keysEnvironmentKey: PersistedKeys.environmentValue(keys),
                    PersistedRecord.refreshEnvironmentKey: useCache ? "0" : "1",
                ],
                runsDirectory: workDirectory.appendingPathComponent("runs"),
                progress: { [progress] what in progress?("  \(name): \(what)") })
            outcome = run.run()
            if outcome.isCacheable { cache.store(outcome, slug: article.slug, key: key) }
        }
        var result = ResultAssembly(article: article).assemble(outcome)
        result.diagnostics = article.diagnostics + result.diagnostics
        result.seconds = cached ? 0 : outcome.seconds
        result.cached = cached
        return result
    }
}

extension CodeBlock {
    /// The block's own time limit, if its info string sets one.
    var timeLimit: Double? {
        if case let .check(_, timeout) = role { return timeout }
        return nil
    }
}
