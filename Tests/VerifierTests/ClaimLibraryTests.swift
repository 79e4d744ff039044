import Foundation
import Testing
@testable import Verifier

/// Which claim library a debug `lemma` picks: a stale optimized build must never be used
/// in place of a newer debug one (its claims would run against old ClaimKit code).
@Suite struct ClaimLibraryTests {
    func build(_ folders: [String: Date]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lemma-lib-\(UUID().uuidString)")
        for (name, date) in folders {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let library = folder.appendingPathComponent(ClaimLibrary.libraryFileName)
            try Data("lib".utf8).write(to: library)
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: library.path)
        }
        return root
    }

    @Test func releaseLibraryIsPreferredOnlyWhenNotOlder() throws {
        let now = Date()
        let newerRelease = try build(["debug": now.addingTimeInterval(-60), "release": now])
        defer { try? FileManager.default.removeItem(at: newerRelease) }
        #expect(ClaimLibrary.preferredDirectory(beside: newerRelease.appendingPathComponent("debug")).lastPathComponent == "release")

        let staleRelease = try build(["debug": now, "release": now.addingTimeInterval(-60)])
        defer { try? FileManager.default.removeItem(at: staleRelease) }
        #expect(ClaimLibrary.preferredDirectory(beside: staleRelease.appendingPathComponent("debug")).lastPathComponent == "debug")

        let debugOnly = try build(["debug": now])
        defer { try? FileManager.default.removeItem(at: debugOnly) }
        #expect(ClaimLibrary.preferredDirectory(beside: debugOnly.appendingPathComponent("debug")).lastPathComponent == "debug")

        // A release or installed lemma uses its own folder.
        let installed = try build(["lib": now, "release": now])
        defer { try? FileManager.default.removeItem(at: installed) }
        #expect(ClaimLibrary.preferredDirectory(beside: installed.appendingPathComponent("lib")).lastPathComponent == "lib")
    }
}
