import Diagnostics
import Foundation
import LinearAlgebra

/// The value of `compute`, kept across runs: computed once, then read back from the site's
/// store as long as nothing it could depend on has changed.
///
/// ```swift
/// let trained = try persisted("two-moons RealNVP") { try trainFlow(seed: 7) }
/// ```
///
/// **What decides whether the value is reused.** The verifier gives each top-level
/// statement of the article a key: the hash of the article's claim code from its first
/// block up to the end of that statement, every top-level declaration of the article
/// (functions and types, wherever they are written, since code may call them from
/// anywhere), the data files beside the articles, the claim library's build and the
/// compiler. A call uses its statement's key together with its `name`, its place in the
/// article, how many times that place already ran in the statement (a loop or a function
/// called twice gets one value per call), the value's type, the OpenBLAS kernel family the
/// program runs (`BLASKernels`: another family can round a product differently) and the
/// variant of LinearAlgebra's C kernels (`KernelVariant`: the same build on another
/// processor may round `exp` differently). So editing a claim *after* the statement reuses
/// the value, while any edit to code before it, to a function it may call, to a data file
/// or to the library computes it again. State that is not in the code (the clock, unseeded
/// randomness, files outside the articles folder) is not part of the key: keep such things
/// out of `compute`.
///
/// Claims (`check`, `expectClose`, `property`), `show` and `figure` may not be written
/// inside `compute`: they would run only on the runs that compute the value. The verifier
/// reports them as errors. Write them after the call, on the value it returns.
///
/// When run outside the verifier (no store), or when the call cannot be given a key (it
/// runs while the prose's inline values are evaluated), `compute` runs every time and the
/// page says the value was not stored. `lemma check --no-cache` computes every value again.
/// The page notes, for each call, whether its value was computed or read from the store.
///
/// - Parameters:
///   - name: a name for the value, shown on the page; part of the key.
///   - line: the article line, filled in by the compiler: leave it out.
///   - column: the column, filled in by the compiler: leave it out.
///   - compute: the computation; it runs at most once per key.
/// - Returns: the computed or stored value (which encodes and decodes to equal bits for
///   `Double`, `Matrix`, `Parameters` and the layers of `Learning`).
public func persisted<Value: Codable>(
    _ name: String, line: Int = #line, column: Int = #column, _ compute: () throws -> Value
) rethrows -> Value {
    try PersistedStore.shared.value(name: name, line: line, column: column, compute)
}

/// The claim program's side of the store of persisted values: the folder and statement keys
/// the verifier passed, the top-level statement running now, and the entries on disk.
final class PersistedStore: @unchecked Sendable {
    static let shared = PersistedStore()

    private let lock = NSLock()
    private var directory: URL?
    private var keys: [Int: String] = [:]
    private var refresh = false
    /// Article line of the top-level statement running now (nil between blocks and while
    /// inline values are evaluated).
    private var statement: Int?
    /// How many times each call site already ran in the current statement.
    private var invocations: [String: Int] = [:]

    /// Bump when the entry format changes.
    static let entryFormat = 1

    /// One stored value with what the page says about it.
    private struct Entry<Value: Codable>: Codable {
        var format: Int
        var name: String
        var type: String
        var seconds: Double
        var computedAt: String
        var value: Value
    }

    /// Takes the store's folder, the statement keys and the refresh flag out of the
    /// environment (once, at program start).
    func connect() {
        let environment = ProcessInfo.processInfo.environment
        lock.withLock {
            if let path = environment[PersistedRecord.directoryEnvironmentKey], !path.isEmpty {
                directory = URL(fileURLWithPath: path)
            }
            for pair in (environment[PersistedRecord.keysEnvironmentKey] ?? "").split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, let line = Int(parts[0]) { keys[line] = String(parts[1]) }
            }
            refresh = environment[PersistedRecord.refreshEnvironmentKey] == "1"
        }
        for name in [
            PersistedRecord.directoryEnvironmentKey, PersistedRecord.keysEnvironmentKey,
            PersistedRecord.refreshEnvironmentKey,
        ] {
            unsetenv(name)
        }
    }

    /// The top-level statement at article line `line` starts (nil: none is running).
    func enterStatement(_ line: Int?) {
        lock.withLock {
            statement = line
            invocations = [:]
        }
    }

    func value<Value: Codable>(name: String, line: Int, column: Int, _ compute: () throws -> Value) rethrows -> Value {
        let type = String(reflecting: Value.self)
        let (file, why) = entryFile(name: name, line: line, column: column, type: type)
        if let file, !lock.withLock({ refresh }), let entry = load(Value.self, from: file, name: name, type: type) {
            ClaimRecorder.shared.record(
                ClaimEvent(
                    event: .persisted, line: line,
                    persisted: PersistedRecord(
                        line: line, name: name, source: .loaded, seconds: entry.seconds, computedAt: entry.computedAt)))
            return entry.value
        }
        let started = Date()
        let value = try compute()
        let seconds = Date().timeIntervalSince(started)
        var record = PersistedRecord(line: line, name: name, source: .computed, seconds: seconds)
        if let file {
            let entry = Entry(
                format: Self.entryFormat, name: name, type: type, seconds: seconds,
                computedAt: ISO8601DateFormatter().string(from: started), value: value)
            if let problem = store(entry, to: file) {
                record.source = .unstored
                record.note = problem
            }
        } else {
            record.source = .unstored
            record.note = why
        }
        ClaimRecorder.shared.record(ClaimEvent(event: .persisted, line: line, persisted: record))
        return value
    }

    /// The OpenBLAS kernel family and the C kernel variant of this process, part of every
    /// entry's key.
    private static let kernels = "blas:" + BLASKernels.coreName + " simd:" + KernelVariant.name

    /// The entry's file for this call, or why it has none.
    private func entryFile(name: String, line: Int, column: Int, type: String) -> (URL?, String?) {
        lock.withLock {
            guard let directory else { return (nil, "no store: the program was not started by lemma") }
            guard let statement, let base = keys[statement] else {
                return (nil, "no key: the call ran outside the article's top-level statements")
            }
            let site = "\(line):\(column):\(name)"
            let count = invocations[site, default: 0]
            invocations[site] = count + 1
            var hash = StableHash()
            for part in ["\(Self.entryFormat)", base, site, "\(count)", type, Self.kernels] { hash.combine(part) }
            return (directory.appendingPathComponent(hash.hex + ".json"), nil)
        }
    }

    private func load<Value: Codable>(_: Value.Type, from file: URL, name: String, type: String) -> Entry<Value>? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        guard let entry = try? decoder.decode(Entry<Value>.self, from: data),
            entry.format == Self.entryFormat, entry.name == name, entry.type == type
        else { return nil }
        // Recently used entries are the last to go when the store is trimmed.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
        return entry
    }

    /// Writes the entry (aside, then renamed into place); a problem in words, or nil.
    private func store<Value: Codable>(_ entry: Entry<Value>, to file: URL) -> String? {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        do {
            let data = try encoder.encode(entry)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file, options: .atomic)
            return nil
        } catch {
            return "not stored: \(error)"
        }
    }
}
