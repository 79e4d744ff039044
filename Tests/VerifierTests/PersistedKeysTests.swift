import Articles
import Foundation
import Testing
@testable import Verifier

/// What goes into the key of a persisted value: the code up to the statement that runs it,
/// every declaration, the context — and nothing after the statement.
@Suite struct PersistedKeysTests {
    static func keys(_ first: String, _ second: String, context: String = "c") -> [Int: String] {
        let text = "---\ntitle: T\n---\n```swift check\n\(first)\n```\n\n```swift check\n\(second)\n```\n"
        return PersistedKeys.make(for: ArticleParser.parse(text, path: "articles/t.md"), context: context)
    }

    static let first = "let a = 1\nlet v = persisted(\"v\") { a + 1 }"

    @Test func laterCodeLeavesEarlierKeysAlone() {
        let one = Self.keys(Self.first, "check(v == 2)\nlet w = 3")
        let two = Self.keys(Self.first, "check(v > 1)\nlet w = 4")
        #expect(one[5] != nil && one[6] != nil)
        #expect(one[5] == two[5] && one[6] == two[6])
        #expect(one[10] != two[10])
    }

    @Test func earlierCodeDeclarationsAndContextChangeTheKey() {
        let base = Self.keys(Self.first, "check(v == 2)")
        #expect(Self.keys("let a = 2\nlet v = persisted(\"v\") { a + 1 }", "check(v == 2)")[6] != base[6])
        #expect(Self.keys(Self.first, "check(v == 2)\nfunc f() -> Int { 1 }")[6] != base[6])
        #expect(Self.keys(Self.first, "check(v == 2)", context: "other library")[6] != base[6])
    }

    /// Statements after the call on its own line run before the next report: they are in
    /// the key of the line.
    @Test func statementsOnTheSameLineBelongToTheKey() {
        let one = Self.keys("let v = persisted(\"v\") { 1 }; let u = v", "check(u == 1)")
        let two = Self.keys("let v = persisted(\"v\") { 1 }; let u = v + 1", "check(u == 2)")
        #expect(one[5] != nil && one[5] != two[5])
    }

    @Test func articlesWithoutPersistedValuesHaveNoKeys() {
        #expect(Self.keys("let a = 1", "check(a == 1)").isEmpty)
    }

    @Test func trimmingDropsTheLeastRecentlyUsedEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (i, name) in ["old", "middle", "new"].enumerated() {
            let file = folder.appendingPathComponent("\(name).json")
            try Data(repeating: 0x20, count: 100).write(to: file)
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: Double(i - 10) * 60)], ofItemAtPath: file.path)
        }
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        PersistedStoreFolder(url: folder).trim(toBytes: 250)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["middle.json", "new.json", "notes.txt"])
    }
}
