import Diagnostics
import Foundation
import Testing
import Verifier

/// `persisted(name) { … }` keeps a value across runs, and recomputes it whenever anything
/// it could depend on changed. Each computation appends one line to `computed.txt` in the
/// site folder, so the tests can count them.
@Suite struct PersistedTests {
    /// Appends `name` to `computed.txt` (the claim code's way of saying "I ran").
    static let counter = """
        func noteComputed(_ name: String) {
            let old = (try? String(contentsOfFile: "computed.txt", encoding: .utf8)) ?? ""
            try! (old + name + "\\n").write(toFile: "computed.txt", atomically: true, encoding: .utf8)
        }
        """

    static func article(_ blocks: String...) -> String {
        "---\ntitle: P\n---\n" + blocks.map { "```swift check\n\($0)\n```\n" }.joined(separator: "\nText.\n\n")
    }

    static func computed(_ site: TemporarySite) -> [String] {
        let text = (try? String(contentsOf: site.root.appendingPathComponent("computed.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    static func persistedSources(_ result: ArticleResult) -> [PersistedRecord.Source] {
        result.blocks.flatMap(\.persisted).map(\.source)
    }

    @Test func anEditAfterTheCallReusesTheValue() throws {
        let first = Self.article(Self.counter + "\nlet seed = 3.0\nlet v = persisted(\"square\") { noteComputed(\"square\"); return seed * seed }\ncheck(v == 9, \"nine\")", "check(v > 1, \"later\")")
        let site = try TemporarySite(["p.md": first])
        defer { site.remove() }
        let run1 = try #require(site.verify().first)
        #expect(run1.claims.map(\.status) == [.pass, .pass])
        #expect(Self.persistedSources(run1) == [.computed])

        try site.write("p.md", first.replacingOccurrences(of: "v > 1", with: "v > 2"))
        let run2 = try #require(site.verify().first)
        #expect(!run2.cached)
        #expect(run2.claims.map(\.status) == [.pass, .pass])
        #expect(Self.persistedSources(run2) == [.loaded])
        #expect(Self.computed(site) == ["square"])

        // A false later claim still fails on the stored value.
        try site.write("p.md", first.replacingOccurrences(of: "v > 1", with: "v > 10"))
        let run3 = try #require(site.verify().first)
        #expect(run3.claims.map(\.status) == [.pass, .fail])
        #expect(Self.computed(site) == ["square"])
    }

    @Test func anEditBeforeTheCallRecomputes() throws {
        let text = Self.article(Self.counter + "\nlet seed = 3.0\nlet v = persisted(\"square\") { noteComputed(\"s\"); return seed * seed }\ncheck(v == 9, \"value\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        _ = try site.verify()
        try site.write("p.md", text.replacingOccurrences(of: "seed = 3.0", with: "seed = 4.0").replacingOccurrences(of: "v == 9", with: "v == 16"))
        let result = try #require(site.verify().first)
        #expect(result.claims.map(\.status) == [.pass])
        #expect(Self.computed(site) == ["s", "s"])
    }

    /// The call sits in a function; which value it computes is decided by the statement that
    /// calls the function, later in the article. Changing that argument must recompute.
    @Test func aCallInsideAFunctionIsKeyedByTheStatementThatRunsIt() throws {
        let text = Self.article(
            Self.counter + "\nfunc model(_ s: Double) -> Double { persisted(\"m\") { noteComputed(\"m\"); return s * s } }",
            "let a = model(2)\ncheck(a == 4, \"a\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        #expect(try #require(site.verify().first).claims.map(\.status) == [.pass])
        try site.write("p.md", text.replacingOccurrences(of: "model(2)", with: "model(3)").replacingOccurrences(of: "a == 4", with: "a == 9"))
        #expect(try #require(site.verify().first).claims.map(\.status) == [.pass])
        #expect(Self.computed(site) == ["m", "m"])
    }

    /// A helper declared after the call (top-level functions are visible everywhere) is
    /// part of every key: editing it recomputes.
    @Test func aHelperDeclaredLaterIsPartOfTheKey() throws {
        let text = Self.article(
            Self.counter + "\nlet v = persisted(\"h\") { noteComputed(\"h\"); return helper() }",
            "func helper() -> Double { 2 }\ncheck(v == 2, \"helper\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        #expect(try #require(site.verify().first).claims.map(\.status) == [.pass])
        try site.write("p.md", text.replacingOccurrences(of: "{ 2 }", with: "{ 3 }").replacingOccurrences(of: "v == 2", with: "v == 3"))
        #expect(try #require(site.verify().first).claims.map(\.status) == [.pass])
        #expect(Self.computed(site) == ["h", "h"])
    }

    #if arch(x86_64)
    /// Other OpenBLAS kernels can round a product differently: a value computed under one
    /// family is not read back under another.
    @Test func anotherBLASKernelFamilyRecomputes() throws {
        let text = Self.article(Self.counter + "\nlet v = persisted(\"k\") { noteComputed(\"k\"); return 2.0 }\ncheck(v == 2, \"two\")", "check(v > 1, \"later\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        let families = ["Prescott", "Prescott", "Core2"]
        for (k, family) in families.enumerated() {
            // An edit after the call makes the article run again with the same key.
            try site.write("p.md", text.replacingOccurrences(of: "v > 1", with: "v > \(-k)"))
            let run = try site.lemma(["check", "--quiet"], environment: ["OPENBLAS_CORETYPE": family])
            #expect(run.stdout == "2 passed, 0 failed\n", "\(run.stdout)\(run.stderr)")
        }
        #expect(Self.computed(site) == ["k", "k"])
    }
    #endif

    @Test func aLoopGetsOneValuePerCall() throws {
        let text = Self.article(
            Self.counter + "\nvar xs: [Int] = []\nfor i in 0..<3 { xs.append(persisted(\"i\") { noteComputed(\"i\"); return i * i }) }\ncheck(xs == [0, 1, 4], \"squares\")",
            "check(xs.count == 3, \"count\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        #expect(try #require(site.verify().first).claims.map(\.status) == [.pass, .pass])
        try site.write("p.md", text.replacingOccurrences(of: "count == 3", with: "count >= 3"))
        let again = try #require(site.verify().first)
        #expect(again.claims.map(\.status) == [.pass, .pass])
        #expect(Self.persistedSources(again) == [.loaded, .loaded, .loaded])
        #expect(Self.computed(site).count == 3)
    }

    @Test func aClaimInsideTheComputationIsAnError() throws {
        let text = Self.article("let v = persisted(\"c\") { () -> Int in\n  check(true, \"inside\")\n  return 1\n}\ncheck(v == 1, \"after\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        let run = try site.lemma(["check"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("articles/p.md:6:3: error: `check` inside `persisted { … }` runs only when the value is computed"))
    }

    /// A claim hidden in a helper that only the computation calls runs when the value is
    /// computed and not when it is read back: the second run reports it as not run (an
    /// error), never as a silent pass.
    @Test func aClaimReachedOnlyThroughTheComputationIsNotRunWhenLoaded() throws {
        let text = Self.article(
            "func helper() -> Int {\n  check(1 + 1 == 3, \"hidden\")\n  return 1\n}\nlet v = persisted(\"h\") { helper() }",
            "check(v == 1, \"after\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        let first = try site.lemma(["check", "--quiet"])
        #expect(first.status == 1 && first.stdout.hasSuffix("1 passed, 1 failed\n"))
        try site.write("p.md", text.replacingOccurrences(of: "v == 1", with: "v >= 1"))
        let loaded = try site.lemma(["check"])
        #expect(loaded.status == 1)
        #expect(loaded.stdout.contains("ERROR hidden (not run"))
    }

    @Test func noCacheComputesAgain() throws {
        let text = Self.article(Self.counter + "\nlet v = persisted(\"n\") { noteComputed(\"n\"); return 1 }\ncheck(v == 1, \"one\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        #expect(try site.lemma(["check", "--quiet"]).status == 0)
        #expect(try site.lemma(["check", "--quiet", "--no-cache"]).status == 0)
        #expect(Self.computed(site) == ["n", "n"])
    }

    /// Data files beside the articles are part of every key: of the cached verdicts and of
    /// persisted values.
    @Test func aDataFileEditRecomputesAndReruns() throws {
        let read = "let text = try! String(contentsOfFile: \"articles/d.txt\", encoding: .utf8)"
        let text = Self.article(
            Self.counter + "\n" + read + "\nlet v = persisted(\"d\") { noteComputed(\"d\"); return text }\ncheck(v == \"1\", \"stored\")",
            read.replacingOccurrences(of: "let text", with: "let again") + "\ncheck(again == \"1\", \"direct\")")
        let site = try TemporarySite(["p.md": text, "d.txt": "1"])
        defer { site.remove() }
        #expect(try site.lemma(["check", "--quiet"]).stdout == "2 passed, 0 failed\n")
        try site.write("d.txt", "2")
        let edited = try site.lemma(["check", "--quiet"])
        #expect(edited.status == 1)
        #expect(edited.stdout.hasSuffix("0 passed, 2 failed\n"))
        #expect(Self.computed(site) == ["d", "d"])
    }

    @Test func thePageSaysWhereTheValueCameFrom() throws {
        let text = Self.article("let v = persisted(\"answer\") { 42 }", "check(v == 42, \"answer\")")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        #expect(try site.lemma(["build"]).status == 0)
        let page1 = try String(contentsOf: site.root.appendingPathComponent("site/public/p.html"), encoding: .utf8)
        #expect(page1.contains("<code>answer</code> was computed in this run"))
        try site.write("p.md", text.replacingOccurrences(of: "v == 42", with: "v > 41"))
        #expect(try site.lemma(["build"]).status == 0)
        let page2 = try String(contentsOf: site.root.appendingPathComponent("site/public/p.html"), encoding: .utf8)
        #expect(page2.contains("<code>answer</code> was read from the store of persisted values"))
    }

    /// On a `lang: zh` page the note is in Chinese too.
    @Test func theNoteIsInThePagesLanguage() throws {
        let text = Self.article("let v = persisted(\"答案\") { 42 }", "check(v == 42, \"answer\")")
            .replacingOccurrences(of: "title: P\n", with: "title: P\nlang: zh\n")
        let site = try TemporarySite(["p.md": text])
        defer { site.remove() }
        #expect(try site.lemma(["build"]).status == 0)
        let page = try String(contentsOf: site.root.appendingPathComponent("site/public/p.html"), encoding: .utf8)
        #expect(page.contains("<code>答案</code> 在本次运行中计算"))
        #expect(!page.contains("was computed in this run"))
    }
}

/// The cache keeps several versions of an article: undoing an edit needs no compile.
@Suite struct CacheHistoryTests {
    @Test func undoingAnEditIsAnsweredFromTheCache() throws {
        let a = "---\ntitle: A\n---\n```swift check\ncheck(1 + 1 == 2, \"a\")\n```\n"
        let b = a.replacingOccurrences(of: "1 + 1 == 2", with: "2 + 2 == 4")
        let site = try TemporarySite(["a.md": a, "a-b.md": a.replacingOccurrences(of: "title: A", with: "title: AB")])
        defer { site.remove() }
        _ = try site.lemma(["check", "--quiet"])
        try site.write("a.md", b)
        #expect(try site.lemma(["check"]).stderr.contains("  a.md: compiling"))
        try site.write("a.md", a)
        let undone = try site.lemma(["check"])
        #expect(undone.stderr.contains("] a.md: 1 passed, 0 failed (cached)"))
        #expect(undone.stderr.contains("] a-b.md: 1 passed, 0 failed (cached)"))  // a's entries never took a-b's
        #expect(undone.stdout.hasSuffix("2 passed, 0 failed\n"))
    }
}
