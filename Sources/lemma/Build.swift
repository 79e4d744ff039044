import ArgumentParser
import Foundation
import Site
import Verifier

/// `lemma build`: verify, then write the site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify every article and write the HTML site (default: site/public/).",
        discussion: """
            The site is written to a new folder that replaces the old one only when \
            everything is written, so a failed build leaves the previous site intact. \
            Failed claims show in red on their pages; with --strict they also make the \
            command fail.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Output folder (default: ROOT/site/public).", valueName: "DIR"))
    var out: String?

    @Flag(help: "Exit with status 1 when any claim does not pass.")
    var strict = false

    @OptionGroup var verify: VerifyOptions

    @Flag(help: "No progress lines.")
    var quiet = false

    func run() throws {
        let root = global.rootURL
        let session = SiteSession(root: root, quiet: quiet)
        let destination = out.map { URL(fileURLWithPath: $0, relativeTo: root).standardizedFileURL }
            ?? root.appendingPathComponent("site/public")
        let results = try SiteBuilder(session: session, destination: destination, options: verify).build()
        let summary = session.report(results)
        if strict, !summary.isSuccess { throw ExitCode(1) }
    }
}
