import Foundation
import Testing

/// The code in the API reference's articles (`Sources/ClaimKit/ClaimKit.docc`) is real:
/// the `swift` blocks of each article, run as the claim blocks of one Lemma article, pass
/// every claim they make.
@Suite struct DocumentationExampleTests {
    static let catalog = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ClaimKit/ClaimKit.docc")

    static var articles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: catalog.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    /// The ```swift blocks of a Markdown text, in order.
    static func swiftBlocks(_ text: String) -> [String] {
        fencedBlocks(in: text, opening: "```swift", closing: "```")
    }

    @Test func theCatalogHasItsTaskArticles() {
        #expect(Self.articles.count >= 6)
    }

    @Test(arguments: articles)
    func examplesPass(article: String) throws {
        let text = try String(contentsOf: Self.catalog.appendingPathComponent(article), encoding: .utf8)
        let blocks = Self.swiftBlocks(text)
        #expect(!blocks.isEmpty, "\(article) has no example")
        let markdown = "---\ntitle: \(article)\n---\n" + blocks.map { "```swift check\n\($0)\n```\n" }.joined(separator: "\nText.\n\n")
        let site = try TemporarySite(["example.md": markdown])
        defer { site.remove() }
        let run = try site.lemma(["check", "--quiet"])
        #expect(run.status == 0, "\(article): \(run.stdout)")
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n") && !run.stdout.hasPrefix("0 passed"), "\(article): \(run.stdout)")
    }
}
