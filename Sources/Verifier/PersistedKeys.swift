import Articles
import Diagnostics
import Foundation

/// The keys of an article's persisted values (see ClaimKit's `persisted`), one per
/// top-level statement that reports its start, by that statement's article line.
///
/// A statement's key is the hash of: the context (the claim library's build, the compiler,
/// the data files beside the articles), every top-level declaration of the article that is
/// not a variable (functions and types can be called from anywhere, so an edit to one
/// anywhere changes every key), and the article's claim code from its first block up to
/// the end of that statement — including the statements written after it on its own line,
/// which run before the next report. Nothing after the statement is in the key: editing a
/// later claim keeps the values, editing anything before recomputes them.
enum PersistedKeys {
    /// Bump when what goes into a key changes.
    static let version = "1"

    static func make(for article: Article, context: String) -> [Int: String] {
        let blocks = article.claimBlocks
        guard blocks.contains(where: { $0.code.contains("persisted") }) else { return [:] }
        let syntaxes = blocks.map(BlockSyntax.init)

        var declarations = StableHash()
        for (block, syntax) in zip(blocks, syntaxes) {
            let code = Array(block.code.utf8)
            for statement in syntax.statements where statement.isDeclaration {
                declarations.combine(String(decoding: code[statement.start..<statement.end], as: UTF8.self))
            }
        }
        let fixed = [version, context, declarations.hex]

        var keys: [Int: String] = [:]
        var before = ""
        for (block, syntax) in zip(blocks, syntaxes) {
            let code = Array(block.code.utf8)
            let reported = syntax.reportedStatements
            for (n, k) in reported.enumerated() {
                let groupEnd = n + 1 < reported.count ? syntax.statements[reported[n + 1] - 1].end : code.count
                var hash = StableHash()
                for part in fixed + [before, String(decoding: code[..<groupEnd], as: UTF8.self)] { hash.combine(part) }
                keys[syntax.statements[k].line] = hash.hex
            }
            before += block.code + "\u{0}"
        }
        return keys
    }

    /// `LINE=KEY;…`, the form the claim program reads from its environment.
    static func environmentValue(_ keys: [Int: String]) -> String {
        keys.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }
}
