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

    func run() throws {
        let session = SiteSession(root: global.rootURL, quiet: quiet)
        let loaded = try session.loadArticles(articles)
        var results = try session.verifier(verify).verify(loaded)
        if promote {
            results = try Promotion(root: global.rootURL, quiet: quiet).apply(loaded, results)
        }
        if let report { try write(JSONReport.make(results), to: report) }
        if let junit { try write(Data(JUnitReport.make(results).utf8), to: junit) }
        if !session.report(results).isSuccess { throw ExitCode(1) }
    }

    /// Writes a report file (relative paths are from the site root), creating its folder.
    private func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path, relativeTo: global.rootURL)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
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
            where claim.kind == "output" && claim.status == .fail {
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
