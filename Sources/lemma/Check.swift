import ArgumentParser
import Foundation
import Verifier

/// `lemma check`: verify articles and report.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify articles: compile and run their claim blocks, print what failed.",
        discussion: """
            Prints one line per failing claim or problem, e.g. \
            `articles/x.md:12: FAIL T a = b`, then `N passed, M failed` \
            (with `, K errors` when articles did not compile or crashed). \
            Exit status: 0 when every claim passed, 1 otherwise, 2 for a usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Articles to verify (default: all of articles/).", valueName: "ARTICLE"))
    var articles: [String] = []

    @Option(help: "How many articles to compile and run at once (default: the core count).")
    var jobs: Int?

    @Flag(help: "Print only problems and the totals, no progress.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let session = SiteSession(root: global.rootURL, quiet: quiet)
        session.progress(1, 2, "parse")
        let loaded = try session.loadArticles(articles)
        session.progress(2, 2, "verify \(loaded.count) article\(loaded.count == 1 ? "" : "s")")
        let results = try session.verifier(jobs: jobs).verify(loaded)
        for line in Summary.problemLines(results) { print(line) }
        let summary = Summary(results)
        print(summary.totalsLine)
        if !summary.isSuccess { throw ExitCode(1) }
    }
}
