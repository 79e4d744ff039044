import Foundation

/// The 652 examples of the CommonMark 0.30 spec (`Fixtures/commonmark-spec-0.30.json`).
enum CommonMarkExamples {
    struct Example: Decodable, Sendable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
    }

    static let all: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/commonmark-spec-0.30.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Example].self, from: data)) ?? []
    }()
}
