import Articles
import Diagnostics
import Foundation
import Parallelism

/// A formula as the page shows it: its TeX and whether it is display math.
public struct Formula: Hashable, Sendable {
    public var tex: String
    public var display: Bool

    public init(tex: String, display: Bool) {
        self.tex = tex
        self.display = display
    }
}

/// Formulas typeset at build: formula → KaTeX's HTML, or KaTeX's error.
public struct TypesetMath: Sendable {
    var answers: [Formula: KaTeXWorker.Answer] = [:]

    public init() {}

    /// How many formulas were typeset (or rejected).
    public var count: Int { answers.count }

    /// Whether KaTeX rejected any formula.
    public var hasErrors: Bool { answers.values.contains { if case .error = $0 { true } else { false } } }

    /// The error KaTeX gave for `formula`: its message and the UTF-8 offset into the TeX
    /// where it stopped (nil: unknown, or no error).
    public func error(_ formula: Formula) -> (message: String, utf8Offset: Int?)? {
        guard case let .error(message, utf16Offset)? = answers[formula] else { return nil }
        let offset = utf16Offset.map { u -> Int in
            let utf16 = formula.tex.utf16
            let end = utf16.index(utf16.startIndex, offsetBy: min(u, utf16.count))
            return formula.tex.utf8.distance(from: formula.tex.utf8.startIndex, to: end.samePosition(in: formula.tex.utf8) ?? end)
        }
        return (message, offset)
    }

    subscript(_ formula: Formula) -> KaTeXWorker.Answer? { answers[formula] }
}

/// Typesets every formula of a build with KaTeX under Node, each distinct formula once,
/// and keeps the results across builds in a cache file keyed by the formula, the site's
/// macros and the KaTeX installed (its file's size and date). A build that changed nothing
/// starts no Node process at all.
///
/// New formulas are split among up to `workers` processes (one per core by default).
/// Errors are not cached: they are rare and cheap to find again.
public struct MathTypesetter {
    /// Site-wide macros (`\R` → `\mathbb{R}`), from `site.yml`.
    public var macros: [String: String]
    /// The cache file; nil: no cache.
    public var cacheFile: URL?
    public var workers: Int

    public init(macros: [String: String] = [:], cacheFile: URL? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.macros = macros
        self.cacheFile = cacheFile
        self.workers = max(1, workers)
    }

    /// How many formulas the last call typeset anew (the rest came from the cache).
    public private(set) var typesetCount = 0

    public mutating func typeset(_ formulas: Set<Formula>) throws -> TypesetMath {
        var table = TypesetMath()
        let context = contextKey()
        var cache = cacheFile.map { MathCache.load($0, context: context) } ?? [:]
        var missing: [Formula] = []
        // Each formula's cache key once, for the lookup and for keeping a new answer.
        var keys: [Formula: String] = [:]
        for formula in formulas {
            let key = MathCache.key(formula)
            if let html = cache[key] {
                table.answers[formula] = .html(html)
            } else {
                missing.append(formula)
                keys[formula] = key
            }
        }
        typesetCount = missing.count
        guard !missing.isEmpty else { return table }
        // Chunks of at least 400 formulas: a Node process costs about 0.1 s to start. Dealt
        // longest first, in turn, so that every process gets about the same work (the time
        // KaTeX takes grows with a formula's length); in a fixed order, build to build.
        let chunks = max(1, min(workers, missing.count / 400))
        missing.sort { ($0.tex.utf8.count, $1.tex, $0.display ? 1 : 0) > ($1.tex.utf8.count, $0.tex, $1.display ? 1 : 0) }
        var parts = [[Formula]](repeating: [], count: chunks)
        for (k, formula) in missing.enumerated() { parts[k % chunks].append(formula) }
        let macros = self.macros
        let results = ParallelMap.map(parts) { part in
            Result { try KaTeXWorker.typeset(part.map { ($0.tex, $0.display) }, macros: macros) }
        }
        var added = false
        for (part, result) in zip(parts, results) {
            let answers = try result.get()
            for (formula, answer) in zip(part, answers) {
                table.answers[formula] = answer
                if case let .html(html) = answer {
                    cache[keys[formula] ?? MathCache.key(formula)] = html
                    added = true
                }
            }
        }
        // Written while the build goes on (``BackgroundWrites``); a later load of the same
        // file waits for it.
        if added, let cacheFile { MathCache.saveInBackground(cache, to: cacheFile, context: context) }
        return table
    }

    /// What every cached result depends on besides the formula itself.
    public func contextKey() -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: KaTeXWorker.library.resolvingSymlinksInPath().path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        var hash = StableHash()
        hash.combine("katex \(size) \(date)")
        for (name, value) in macros.sorted(by: { $0.key < $1.key }) { hash.combine(name); hash.combine(value) }
        return hash.hex
    }
}

/// The cache file: a header line with the context key, then records of
/// `key length, key, html length, html` (lengths as 4 little-endian bytes). A file with
/// another context, or damaged, counts as empty. Written aside, then renamed.
enum MathCache {
    static func key(_ formula: Formula) -> String {
        var hash = StableHash()
        hash.combine(formula.display ? "d" : "i")
        hash.combine(formula.tex)
        return hash.hex
    }

    static func saveInBackground(_ entries: [String: String], to url: URL, context: String) {
        BackgroundWrites.shared.start(url.path) { save(entries, to: url, context: context) }
    }

    static func load(_ url: URL, context: String) -> [String: String] {
        BackgroundWrites.shared.wait(url.path)
        guard let data = try? Data(contentsOf: url) else { return [:] }
        let header = Array("lemma-math-cache \(context)\n".utf8)
        guard data.count >= header.count, data.prefix(header.count).elementsEqual(header) else { return [:] }
        var entries: [String: String] = [:]
        let ok = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            var i = header.count
            func field() -> String? {
                guard i + 4 <= raw.count else { return nil }
                let n = Int(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian)
                i += 4
                guard i + n <= raw.count else { return nil }
                defer { i += n }
                return String(decoding: UnsafeRawBufferPointer(rebasing: raw[i..<(i + n)]), as: UTF8.self)
            }
            while i < raw.count {
                guard let key = field(), let html = field() else { return false }
                entries[key] = html
            }
            return true
        }
        return ok ? entries : [:]
    }

    static func save(_ entries: [String: String], to url: URL, context: String) {
        var data: [UInt8] = []
        data.reserveCapacity(64 + entries.reduce(0) { $0 + 8 + $1.key.utf8.count + $1.value.utf8.count })
        data.append(contentsOf: "lemma-math-cache \(context)\n".utf8)
        func append(_ s: String) {
            let n = UInt32(s.utf8.count)
            for shift in stride(from: 0, to: 32, by: 8) { data.append(UInt8(truncatingIfNeeded: n >> UInt32(shift))) }
            data.append(contentsOf: s.utf8)
        }
        for key in entries.keys.sorted() {
            append(key)
            append(entries[key] ?? "")
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(data).write(to: url, options: .atomic)
    }
}
