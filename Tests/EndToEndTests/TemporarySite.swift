import Articles
import Foundation
import Verifier

/// A site folder in the temporary directory, filled with the given articles, removed by
/// the test that made it.
struct TemporarySite {
    let root: URL

    init(_ articles: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-e2e-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in articles {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Replaces (or adds) an article.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("articles").appendingPathComponent(name))
    }

    /// Loads and verifies every article, as `lemma check` does.
    func verify() throws -> [ArticleResult] {
        let articles = try ArticleCatalog.paths(root: root).map { ArticleCatalog.load($0, root: root) }
        return try Verifier(root: root, library: ClaimLibrary.locate(), jobs: 2).verify(articles)
    }

    /// The `lemma` executable of this build (beside the test runner; the claim library
    /// may be the optimized one in a sibling folder).
    static func lemmaExecutable() throws -> URL {
        ClaimLibrary.executableDirectory().appendingPathComponent("lemma")
    }

    /// Runs the built `lemma` executable in this site.
    func lemma(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try startLemma(arguments, environment: environment).finish()
    }

    /// A `lemma` process started in this site, still running.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        /// Waits for it; its exit status and what it printed.
        func finish() -> (status: Int32, stdout: String, stderr: String) {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Starts the built `lemma` executable in this site without waiting for it.
    /// `environment` is added to this process's own.
    func startLemma(_ arguments: [String], environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = try Self.lemmaExecutable()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
