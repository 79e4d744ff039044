import Foundation
import Testing
@testable import Articles

/// The parse cache gives back exactly the article that parsing gives — or nothing.
@Suite struct ParseCacheTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every article the package ships, every end-to-end fixture article, and the
    /// CommonMark examples with formulas put in: (path, text).
    static func corpus() -> [(String, String)] {
        var result: [(String, String)] = []
        let folders = [packageRoot.appendingPathComponent("articles")]
            + ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").path)) ?? [])
                .map { packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/\($0)/articles") }
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".md") {
                if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) {
                    result.append(("articles/\(name)", text))
                }
            }
        }
        for e in CommonMarkExamples.all {
            result.append(("articles/e\(e.example).md", e.markdown))
            result.append(("articles/f\(e.example).md", "---\ntitle: F\n---\n" + e.markdown.replacingOccurrences(of: "foo", with: "$f_1$ `= x` `0.5 ≈ y`")))
        }
        return result
    }

    @Test func everyArticleComesBackEqual() throws {
        let corpus = Self.corpus()
        #expect(corpus.count > 1300)
        #expect(corpus.contains { $0.0 == "articles/orthogonal-map.md" })
        let articles = corpus.map { ArticleParser.parse($0.1, path: $0.0) }
        #expect(articles.contains { !$0.identities.isEmpty })
        #expect(articles.contains { !$0.claimBlocks.isEmpty })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-parse-\(UUID().uuidString)/articles.cache")
        ParseCache.save(articles, to: file, context: "test")
        let cache = ParseCache(contentsOf: file, context: "test")
        #expect(cache.holdsExactly(articles))
        var different = 0
        for ((path, text), article) in zip(corpus, articles) {
            let back = cache.article(path, digest: article.sourceDigest, text: text)
            if back != article {
                different += 1
                if different <= 3 { Issue.record("\(path) came back different") }
            }
        }
        #expect(different == 0)
    }

    @Test func anotherBuildOrAnotherTextOrADamagedEntryIsParsedAgain() throws {
        let text = "---\ntitle: T\n---\n```swift check\ncheck(1 + 1 == 2)\n```\n"
        let article = ArticleParser.parse(text, path: "articles/t.md")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-parse-\(UUID().uuidString)")
        let file = folder.appendingPathComponent("articles.cache")
        ParseCache.save([article], to: file, context: "build A")
        #expect(ParseCache(contentsOf: file, context: "build A").article("articles/t.md", digest: article.sourceDigest, text: text) == article)
        #expect(ParseCache(contentsOf: file, context: "build B").article("articles/t.md", digest: article.sourceDigest, text: text) == nil)
        #expect(ParseCache(contentsOf: file, context: "build A").article("articles/t.md", digest: "other", text: text) == nil)
        // Any one byte changed in the entry: never a different article.
        let bytes = try [UInt8](Data(contentsOf: file))
        let headerLength = "lemma-parse-cache 1 build A\n".utf8.count
        for k in stride(from: headerLength + 60, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[k] ^= 0x5A
            try Data(damaged).write(to: file)
            let back = ParseCache(contentsOf: file, context: "build A").article("articles/t.md", digest: article.sourceDigest, text: text)
            #expect(back == nil || back == article, "byte \(k)")
        }
    }

    /// A build that changed one article appends its record; a file whose end cannot be read
    /// (a build killed while appending) or that lost an article is written anew.
    @Test func changedArticlesAreAppendedAndABadEndIsWrittenAnew() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-parse-\(UUID().uuidString)/articles.cache")
        let texts = (0..<6).map { "---\ntitle: A\($0)\n---\nText $x_\($0)$ and `= \($0)`.\n" }
        let articles = texts.enumerated().map { ArticleParser.parse($1, path: "articles/a\($0).md") }
        ParseCache.save(articles, to: file, context: "c")
        let size = try Data(contentsOf: file).count
        var edited = texts
        edited[2] += "More.\n"
        let second = edited.enumerated().map { ArticleParser.parse($1, path: "articles/a\($0).md") }
        ParseCache.save(second, to: file, context: "c", reusing: ParseCache(contentsOf: file, context: "c"))
        let grown = try Data(contentsOf: file)
        #expect(grown.count > size && grown.count < size + size / 4, "one record appended")
        let cache = ParseCache(contentsOf: file, context: "c")
        #expect(cache.holdsExactly(second))
        for (k, article) in second.enumerated() {
            #expect(cache.article(article.path, digest: article.sourceDigest, text: edited[k]) == article)
        }
        #expect(cache.article(articles[2].path, digest: articles[2].sourceDigest, text: texts[2]) == nil)
        // A record cut short: the next save writes the whole file again, readable to its end.
        try grown.prefix(grown.count - 5).write(to: file)
        let cut = ParseCache(contentsOf: file, context: "c")
        #expect(!cut.holdsExactly(second))
        ParseCache.save(second, to: file, context: "c", reusing: cut)
        #expect(ParseCache(contentsOf: file, context: "c").holdsExactly(second))
        // An article removed: written anew without it.
        let fewer = Array(second.dropLast())
        ParseCache.save(fewer, to: file, context: "c", reusing: ParseCache(contentsOf: file, context: "c"))
        #expect(ParseCache(contentsOf: file, context: "c").holdsExactly(fewer))
    }

    /// The catalog takes an unchanged article from the cache (here a doctored entry shows
    /// that it did) and parses a changed one.
    @Test func theCatalogUsesTheCacheOnlyForUnchangedFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        let text = "---\ntitle: Real\n---\nText.\n"
        try text.write(to: root.appendingPathComponent("articles/a.md"), atomically: true, encoding: .utf8)
        var doctored = ArticleParser.parse(text, path: "articles/a.md")
        doctored.frontMatter.title = "From the cache"
        let file = root.appendingPathComponent(".build/lemma/articles.cache")
        ParseCache.save([doctored], to: file, context: "c")
        #expect(ArticleCatalog.loadAll(["articles/a.md"], root: root, cache: ParseCache(contentsOf: file, context: "c"))[0].title == "From the cache")
        try (text + "More.\n").write(to: root.appendingPathComponent("articles/a.md"), atomically: true, encoding: .utf8)
        #expect(ArticleCatalog.loadAll(["articles/a.md"], root: root, cache: ParseCache(contentsOf: file, context: "c"))[0].title == "Real")
    }
}

@Suite struct ArchiveTests {
    @Test func integersDoublesAndStringsRoundTrip() throws {
        let ints = [0, 1, -1, 63, 64, -64, -65, 127, 128, 300, Int(Int32.max), Int.max, Int.min, Int.min + 1]
        let doubles = [0.0, -0.0, 1.5, -2.25e-300, .infinity, .greatestFiniteMagnitude]
        var w = ArchiveWriter()
        for n in ints { w.int(n) }
        for d in doubles { w.double(d) }
        w.string("")
        w.string("线性代数 \u{0}\n")
        w.optional(nil as Int?) { $0.int($1) }
        w.array([true, false]) { $0.bool($1) }
        try w.bytes.withUnsafeBytes { raw throws in
            var r = ArchiveReader(raw)
            var readInts: [Int] = []
            for _ in ints { readInts.append(try r.int()) }
            #expect(readInts == ints)
            var readDoubles: [Double] = []
            for _ in doubles { readDoubles.append(try r.double()) }
            #expect(readDoubles == doubles)
            let empty = try r.string(), chinese = try r.string()
            #expect(empty == "")
            #expect(chinese == "线性代数 \u{0}\n")
            let none = try r.optional { try $0.int() }
            #expect(none == nil)
            let flags = try r.array { try $0.bool() }
            #expect(flags == [true, false])
            #expect(r.isAtEnd)
            #expect(throws: ArchiveReader.Damaged.self) { try r.int() }
        }
    }
}
