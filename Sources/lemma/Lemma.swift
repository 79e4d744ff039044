import ArgumentParser
import Articles
import Foundation
import Parallelism
import Verifier

/// The `lemma` command: verify Markdown math articles and build their site.
@main
struct Lemma: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lemma",
        abstract: "Verify the claims of Markdown math articles and build a static site from them.",
        discussion: """
            A site folder holds articles/*.md (and optionally site/). Each article's \
            `swift check` blocks are compiled and run; every check/expectClose call in them \
            is a claim with a verdict.

            Examples:
              lemma check                          verify every article, print failures
              lemma check articles/flows.md        verify one article
              lemma build                          verify, then write site/public/
              lemma --root ~/blog build --strict   fail when any claim does not pass
            """,
        subcommands: [Check.self, Build.self, Serve.self, New.self, Clean.self, Report.self])

    /// Runs the command line and exits with: 0 success, 1 a claim or article failed (or
    /// Lemma could not run), 2 a usage error.
    static func main() {
        AllocatorSettings.applyForBuilds()
        // An interrupted lemma ends the compilers and claim programs it started.
        ProcessRegistry.installSignalHandlers()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = unknownSubcommand(in: GlobalOptions.hoistingRoot(arguments)) {
            FileHandle.standardError.write(Data("lemma: \(problem)\n".utf8))
            Foundation.exit(2)
        }
        // Caches written in the background (parsed articles, typeset math) are complete
        // before lemma exits, however it exits.
        do {
            var command = try parseAsRoot(GlobalOptions.hoistingRoot(arguments))
            try command.run()
            BackgroundWrites.shared.waitForAll()
        } catch {
            BackgroundWrites.shared.waitForAll()
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                if code == .success { print(fullMessage(for: error)) }
                Foundation.exit(code.rawValue)
            }
            // Lemma's own errors say what is wrong and what to do; ArgumentParser's come
            // with its usage text.
            let message = code == .validationFailure ? fullMessage(for: error) : "\(error)"
            FileHandle.standardError.write(Data("lemma: \(message)\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }
}

extension Lemma {
    /// A message when the first word is not a subcommand (`lemma --root X chek`), naming
    /// it and the nearest subcommand — rather than the parser's complaint about whatever
    /// option comes after it.
    static func unknownSubcommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        // `_commandName` is the name the parser matches (explicit or derived from the type).
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let guess = NearMatch.closest(to: first, among: names).map { " Did you mean '\($0)'?" } ?? ""
        return "'\(first)' is not a lemma command.\(guess) The commands are: \(names.dropLast().joined(separator: ", ")) (see 'lemma --help')."
    }
}

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (with articles/).", valueName: "DIR"))
    var root: String = "."

    var rootURL: URL {
        URL(fileURLWithPath: (root as NSString).expandingTildeInPath).standardizedFileURL
    }

    /// Writes a report file (relative paths are from the site root), creating its folder.
    func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path, relativeTo: rootURL)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// Lets `--root DIR` come before the subcommand (`lemma --root DIR check`) by moving
    /// it after the subcommand's name, where the parser reads it.
    static func hoistingRoot(_ arguments: [String]) -> [String] {
        var args = arguments
        var hoisted: [String] = []
        while let first = args.first, first == "--root" || first.hasPrefix("--root=") {
            hoisted.append(args.removeFirst())
            if first == "--root", !args.isEmpty { hoisted.append(args.removeFirst()) }
        }
        guard !hoisted.isEmpty, !args.isEmpty else { return hoisted + args }
        return [args[0]] + hoisted + args.dropFirst()
    }
}
