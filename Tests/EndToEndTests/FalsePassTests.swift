import Foundation
import Testing
import Verifier

/// Ordinary mistakes that once turned into a pass, each named after what broke.
@Suite struct FalsePassTests {
    static let printsFortyTwo = """
        ---
        title: Output
        ---
        ```swift check
        print(42)
        ```

        ```output
        EXPECTED
        ```
        """

    @Test func editedOutputBlockIsComparedAgainEvenWhenTheRunIsCached() throws {
        let site = try TemporarySite(["o.md": Self.printsFortyTwo.replacingOccurrences(of: "EXPECTED", with: "42")])
        defer { site.remove() }
        let first = try site.lemma(["check", "--quiet"])
        #expect(first.stdout == "1 passed, 0 failed\n")

        try site.write("o.md", Self.printsFortyTwo.replacingOccurrences(of: "EXPECTED", with: "43"))
        let edited = try site.lemma(["check", "--quiet"])
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("articles/o.md:8: FAIL output"))
        #expect(edited.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    /// Parsed articles are kept across runs (`.build/lemma/articles.cache`): an edit that
    /// keeps the file's length and lands within the same second — which a cache keyed by
    /// size and modification time would miss — is parsed again, and its failing claim fails.
    @Test func aSameLengthEditOfAParsedArticleIsParsedAgain() throws {
        let passing = "---\ntitle: P\n---\n```swift check\ncheck(1 + 1 == 2, \"sum\")\n```\n"
        let failing = passing.replacingOccurrences(of: "== 2", with: "== 3")
        #expect(passing.utf8.count == failing.utf8.count)
        let site = try TemporarySite(["p.md": passing])
        defer { site.remove() }
        #expect(try site.lemma(["check", "--quiet"]).stdout == "1 passed, 0 failed\n")
        let cache = site.root.appendingPathComponent(".build/lemma/articles.cache")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let page = site.root.appendingPathComponent("articles/p.md")
        let stamp = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate]
        try site.write("p.md", failing)
        if let stamp { try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: page.path) }
        let edited = try site.lemma(["check", "--quiet"])
        #expect(edited.status == 1)
        #expect(edited.stdout.hasSuffix("0 passed, 1 failed\n"))
        // Back to the passing text, and to the failing one again: each time its own verdict.
        try site.write("p.md", passing)
        #expect(try site.lemma(["check", "--quiet"]).stdout == "1 passed, 0 failed\n")
        try site.write("p.md", failing)
        #expect(try site.lemma(["check", "--quiet"]).status == 1)
    }

    @Test func outputBlockAddedAfterACachedRunIsCompared() throws {
        let withoutOutput = "---\ntitle: O\n---\n```swift check\nprint(42)\ncheck(true, \"ran\")\n```\n"
        let site = try TemporarySite(["o.md": withoutOutput])
        defer { site.remove() }
        #expect(try site.lemma(["check", "--quiet"]).stdout == "1 passed, 0 failed\n")
        try site.write("o.md", withoutOutput + "\n```output\n41\n```\n")
        let added = try site.lemma(["check", "--quiet"])
        #expect(added.status == 1)
        #expect(added.stdout.hasSuffix("1 passed, 1 failed\n"))
    }

    /// A slow false claim is being checked while the article is rewritten to a true one and
    /// checked again: each run reports its own version, and the cache keeps each version's
    /// own verdict.
    @Test func concurrentRunsOfDifferentVersionsKeepTheirOwnVerdicts() throws {
        let slowFalse = "---\ntitle: C\n---\n```swift check\nusleep(1_500_000)\ncheck(1 + 1 == 3, \"slow\")\n```\n"
        let fastTrue = "---\ntitle: C\n---\n```swift check\ncheck(1 + 1 == 2, \"fast\")\n```\n"
        let site = try TemporarySite(["c.md": slowFalse])
        defer { site.remove() }
        let first = try site.startLemma(["check", "--quiet"])
        Thread.sleep(forTimeInterval: 0.8)
        try site.write("c.md", fastTrue)
        let second = try site.lemma(["check", "--quiet"])
        let firstResult = first.finish()
        #expect(firstResult.stdout.hasSuffix("0 passed, 1 failed\n"))
        #expect(second.stdout == "1 passed, 0 failed\n")

        try site.write("c.md", slowFalse)
        let again = try site.lemma(["check", "--quiet"])
        #expect(again.status == 1)
        #expect(again.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func twoIdenticalRunsAtOnceCountEachClaimOnce() throws {
        let text = "---\ntitle: T\n---\n```swift check\nusleep(300_000)\ncheck(true, \"a\")\ncheck(true, \"b\")\n```\n"
        let site = try TemporarySite(["t.md": text])
        defer { site.remove() }
        let runs = try (0..<2).map { _ in try site.startLemma(["check", "--quiet", "--no-cache"]) }
        for run in runs { #expect(run.finish().stdout == "2 passed, 0 failed\n") }
        #expect(try site.lemma(["check", "--quiet"]).stdout == "2 passed, 0 failed\n")
    }

    @Test func claimCodeCannotWriteTheCache() throws {
        // The program no longer learns any path of the verifier's; the cache folder is
        // written by lemma alone. A program that scribbles over every file it can find under
        // .build/lemma/cache cannot turn its false claim into a pass.
        let text = """
            ---
            title: W
            ---
            ```swift check
            let fm = FileManager.default
            let cache = ".build/lemma/cache"
            for name in (try? fm.contentsOfDirectory(atPath: cache)) ?? [] {
                try? Data("{}".utf8).write(to: URL(fileURLWithPath: cache + "/" + name))
            }
            check(ProcessInfo.processInfo.environment["LEMMA_RESULTS"] == nil, "no results path")
            check(ProcessInfo.processInfo.environment["LEMMA_CHANNEL_FD"] == nil, "channel not in the environment")
            check(false, "false")
            ```
            """
        let site = try TemporarySite(["w.md": text])
        defer { site.remove() }
        for options in [["--quiet"], ["--quiet", "--no-cache"], ["--quiet"]] {
            let run = try site.lemma(["check"] + options)
            #expect(run.stdout.hasSuffix("2 passed, 1 failed\n"))
        }
    }

    @Test func interruptedLemmaEndsItsClaimPrograms() throws {
        let text = "---\ntitle: S\n---\n```swift check\nwhile true { usleep(1000) }\n```\n"
        let site = try TemporarySite(["s.md": text])
        defer { site.remove() }
        let run = try site.startLemma(["check", "--quiet"])
        var programs: [Int32] = []
        for _ in 0..<100 where programs.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            programs = Self.processes(named: "claims", under: site.root.path)
        }
        #expect(!programs.isEmpty)
        kill(run.process.processIdentifier, SIGTERM)
        _ = run.finish()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.processes(named: "claims", under: site.root.path).isEmpty)
    }

    @Test func claimProgramsEndWhenLemmaIsKilled() throws {
        let text = "---\ntitle: S\n---\n```swift check\nwhile true { usleep(1000) }\n```\n"
        let site = try TemporarySite(["s.md": text])
        defer { site.remove() }
        let run = try site.startLemma(["check", "--quiet"])
        var programs: [Int32] = []
        for _ in 0..<100 where programs.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            programs = Self.processes(named: "claims", under: site.root.path)
        }
        #expect(!programs.isEmpty)
        kill(run.process.processIdentifier, SIGKILL)
        _ = run.finish()
        var left = programs
        for _ in 0..<30 where !left.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            left = Self.processes(named: "claims", under: site.root.path)
        }
        #expect(left.isEmpty)
    }

    /// Process ids whose executable path starts with `folder` and ends with `name`.
    static func processes(named name: String, under folder: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = Int32(entry),
                let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/exe"),
                exe.hasPrefix(folder), exe.hasSuffix("/" + name)
            else { return nil }
            return pid
        }
    }
}

/// Nothing the user has is lost to a build.
@Suite struct DataLossTests {
    @Test(arguments: ["articles", ".", "..", "site"])
    func buildRefusesAnOutputFolderThatHoldsTheSite(out: String) throws {
        let site = try TemporarySite(["a.md": "---\ntitle: A\n---\nText.\n"])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: site.root.appendingPathComponent("site/site.yml"))
        let run = try site.lemma(["build", "--quiet", "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("refusing to write the site to"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("articles/a.md").path))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site/site.yml").path))
    }

    @Test func articlesInSubfoldersAreNamedNotSilentlyDropped() throws {
        let site = try TemporarySite(["a.md": "---\ntitle: A\n---\nText.\n"])
        defer { site.remove() }
        let sub = site.root.appendingPathComponent("articles/drafts")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("---\ntitle: D\n---\n".utf8).write(to: sub.appendingPathComponent("d.md"))
        let run = try site.lemma(["check", "--quiet"])
        #expect(run.stdout.contains("articles/drafts/d.md:1: warning: articles in subfolders of articles/ are not read"))
        #expect(run.status == 0)
    }
}
