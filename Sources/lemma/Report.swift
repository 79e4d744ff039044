import ArgumentParser
import Foundation
import Verifier

/// `lemma report`: work on the JSON reports that `lemma check --report` writes.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work on verification reports (see `lemma check --report`).",
        subcommands: [Merge.self])

    /// `lemma report merge`: one report (and JUnit) from the reports of several shards.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the JSON reports of several `lemma check --shard I/N` runs into one.",
            discussion: """
                Prints the failures and totals of the whole run and exits 1 unless every claim \
                passed, as `lemma check` over all articles would. An article in two reports \
                (overlapping shards) is an error.

                Example:
                  lemma report merge shard-1.json shard-2.json --out report.json --junit report.xml
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The reports to join.", valueName: "REPORT"))
        var reports: [String]

        @Option(help: ArgumentHelp("Write the joined report as JSON to FILE.", valueName: "FILE"))
        var out: String?

        @Option(help: ArgumentHelp("Write the joined report as JUnit XML to FILE.", valueName: "FILE"))
        var junit: String?

        func validate() throws {
            if reports.isEmpty { throw ValidationError("name the reports to join, e.g. lemma report merge shard-1.json shard-2.json") }
        }

        func run() throws {
            var inputs: [(name: String, data: Data)] = []
            for name in reports {
                let url = URL(fileURLWithPath: name, relativeTo: global.rootURL)
                guard let data = try? Data(contentsOf: url) else {
                    throw ValidationError("cannot read the report \(name) (looked at \(url.path))")
                }
                inputs.append((name, data))
            }
            let results: [ArticleResult]
            do {
                results = try JSONReport.merge(inputs)
            } catch let error as JSONReport.ReadError {
                throw ValidationError(error.description)
            }
            if let out { try global.write(JSONReport.make(results), to: out) }
            if let junit { try global.write(Data(JUnitReport.make(results).utf8), to: junit) }
            let session = SiteSession(root: global.rootURL, quiet: true)
            if !session.report(results).isSuccess { throw ExitCode(1) }
        }
    }
}
