import ArgumentParser
import Articles
import Diagnostics
import Foundation
import Verifier

/// `lemma check`: verify articles and report.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify articles: compile and run their claim blocks, print what failed.",
        discussion: """
            Prints one line per failing claim or problem, e.g. \
            `articles/x.md:12: FAIL T a = b`, then `N passed, M failed` \
            (with `, K errors` when articles did not compile, crashed or timed out). \
            Unchanged articles are not compiled or run again (see --no-cache). \
            Exit status: 0 when every claim passed, 1 otherwise, 2 for a usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Articles to verify (default: all of articles/).", valueName: "ARTICLE"))
    var articles: [String] = []

    @OptionGroup var verify: VerifyOptions

    @Flag(help: "Rewrite each mismatching `output` block with what its block printed.")
    var promote = false

    @Option(help: ArgumentHelp("Write every result as JSON to FILE.", valueName: "FILE"))
    var report: String?

    @Option(help: ArgumentHelp("Write a JUnit XML report to FILE (one test case per claim).", valueName: "FILE"))
    var junit: String?

    @Flag(help: "Print only problems and the totals, no progress.")
    var quiet = false

    @Option(help: ArgumentHelp(
        "Verify only share I of N of the articles (1 ≤ I ≤ N; the articles in path order, dealt round-robin), for CI jobs in parallel; join their --report files with `lemma report merge`.",
        valueName: "I/N"))
    var shard: Shard?

    func run() throws {
        let session = SiteSession(root: global.rootURL, quiet: quiet)
        var loaded = try session.loadArticles(articles)
        if let shard { loaded = shard.share(of: loaded) }
        var results = try session.verifier(verify).verify(loaded)
        if promote {
            results = try Promotion(root: global.rootURL, quiet: quiet).apply(loaded, results)
        }
        if let report { try global.write(JSONReport.make(results, shard: shard?.description), to: report) }
        if let junit { try global.write(Data(JUnitReport.make(results).utf8), to: junit) }
        if !session.report(results).isSuccess { throw ExitCode(1) }
    }
}

/// `--promote`: writes printed output into mismatching `output` blocks.
struct Promotion {
    let root: URL
    let quiet: Bool

    /// Rewrites the articles and returns the results with the promoted claims passing. An
    /// article whose blocks cannot be rewritten safely is left as it was, with an error.
    func apply(_ articles: [Article], _ results: [ArticleResult]) throws -> [ArticleResult] {
        var updated = results
        for (k, article) in articles.enumerated() {
            var replacements: [(block: CodeBlock, text: String)] = []
            var promoted: [Int] = []
            for (c, claim) in results[k].claims.enumerated()
            where claim.kind == .output && claim.status == .fail {
                guard let block = article.codeBlocks.first(where: { $0.line == claim.line && $0.role == .output }),
                      let printed = claim.actual else { continue }
                replacements.append((block, printed + "\n"))
                promoted.append(c)
            }
            guard !replacements.isEmpty else { continue }
            let url = root.appendingPathComponent(article.path)
            let source = try String(contentsOf: url, encoding: .utf8)
            let rewritten: String
            do {
                rewritten = try OutputPromotion.rewrite(source, path: article.path, replacing: replacements)
            } catch let error as PromotionError {
                updated[k].diagnostics.append(
                    Diagnostic(.error, id: "promote.unsafe", at: SourceLocation(file: article.path, line: error.line),
                               "cannot promote this output block: \(error.reason); edit it by hand"))
                continue
            }
            guard rewritten != source else { continue }
            try Data(rewritten.utf8).write(to: url, options: .atomic)
            for c in promoted {
                updated[k].claims[c].status = .pass
                updated[k].claims[c].detail = "promoted: the expected output was rewritten"
            }
            if !quiet {
                FileHandle.standardError.write(Data("promoted \(promoted.count) output block\(promoted.count == 1 ? "" : "s") in \(article.path)\n".utf8))
            }
        }
        return updated
    }
}

/// `--shard I/N`: which share of the articles one CI job verifies.
struct Shard: ExpressibleByArgument, CustomStringConvertible {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        index = i
        count = n
    }

    var description: String { "\(index)/\(count)" }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The articles of this share: in path order, article k goes to share k mod N + 1. Every
    /// article is in exactly one share, and the shares differ in size by at most one.
    func share(of articles: [Article]) -> [Article] {
        articles.sorted { $0.path < $1.path }.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
