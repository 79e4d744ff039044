import Articles
import Foundation
import Verifier

/// What `check` and `build` share: loading a site folder's articles and verifying them,
/// with progress lines on standard error.
struct SiteSession {
    let root: URL
    let quiet: Bool

    /// A step of a build (`parse`, `verify 8 articles`, …): its own line, no counter, so
    /// it is not confused with the counter of finished articles below it.
    func progress(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Loads the articles named by `selection` (all when empty); the parse cache is brought
    /// up to date in the background.
    func loadArticles(_ selection: [String]) throws -> [Article] {
        let (articles, keep) = try loadArticlesKeepingLater(selection)
        keep()
        return articles
    }

    /// Loads the articles named by `selection` (all when empty), and what brings the parse
    /// cache up to date in the background: for a caller to start once its most pressing
    /// work (typesetting, which keeps every core busy) is done.
    func loadArticlesKeepingLater(_ selection: [String]) throws -> (articles: [Article], keep: () -> Void) {
        let all = try ArticleCatalog.paths(root: root)
        if selection.isEmpty {
            for warning in ArticleCatalog.ignoredFiles(root: root) { print(warning.description) }
        }
        var chosen = all
        if !selection.isEmpty {
            chosen = try selection.map { name in
                let base = (name as NSString).lastPathComponent
                let wanted = "articles/" + (base.hasSuffix(".md") ? base : base + ".md")
                guard all.contains(wanted) else {
                    let suggestion = all.min { editDistance($0, wanted) < editDistance($1, wanted) }
                    throw ValidationError(
                        "no article \(wanted) in \(root.path)"
                            + (suggestion.map { "; did you mean \($0)?" } ?? ""))
                }
                return wanted
            }
        }
        // Articles parsed by this build of lemma are kept in .build/lemma: an unchanged
        // article is read back instead of parsed again.
        let cacheFile = root.appendingPathComponent(".build/lemma/articles.cache")
        let context = Verifier.buildFingerprint
        let cache = ParseCache(contentsOf: cacheFile, context: context)
        let articles = ArticleCatalog.loadAll(chosen, root: root, cache: cache)
        guard selection.isEmpty, !cache.holdsExactly(articles) else { return (articles, {}) }
        return (articles, { ParseCache.saveInBackground(articles, to: cacheFile, context: context, reusing: cache) })
    }

    func verifier(_ options: VerifyOptions) throws -> Verifier {
        var verifier = try Verifier(
            root: root, library: ClaimLibrary.locate(),
            jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        verifier.useCache = !options.noCache
        if !quiet {
            verifier.progress = { line in FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        }
        return verifier
    }

    /// Prints the problems and the totals; in GitHub Actions also the annotations.
    func report(_ results: [ArticleResult]) -> Summary {
        let actions = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
        for line in Summary.problemLines(results) { print(actions ? GitHubAnnotations.plain(line) : line) }
        if actions {
            for line in GitHubAnnotations.lines(results) { print(line) }
        }
        let summary = Summary(results)
        print(summary.totalsLine)
        return summary
    }
}

/// Options of every command that verifies.
struct VerifyOptions: ParsableArguments {
    @Option(help: "How many articles to compile and run at once (default: the core count).")
    var jobs: Int?

    @Flag(help: "Compile and run every article, ignoring cached results.")
    var noCache = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in 1...max(1, b.count) where !b.isEmpty {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return row[b.count]
}

import ArgumentParser
