import Articles
import Diagnostics
import SwiftParser
import SwiftSyntax

/// Where one claim's inputs come from, and the claims that did not pass there.
public struct ClaimInputs: Sendable, Codable, Hashable {
    /// The claim's article line.
    public var line: Int
    /// The claim's column, for a number claim of the prose (several can share a line);
    /// nil for claims of a block (claims on one line share their inputs).
    public var column: Int?
    /// First code lines of the `swift check` blocks that hold code its inputs come from,
    /// its own block included when an earlier statement of it feeds the claim.
    public var blocks: [Int]
    /// Lines of the claims it rests on: claims that did not pass (see ``ClaimGraph``).
    public var restsOn: [Int]

    public init(line: Int, column: Int? = nil, blocks: [Int], restsOn: [Int]) {
        self.line = line
        self.column = column
        self.blocks = blocks
        self.restsOn = restsOn
    }
}

/// The claim graph of an article, computed from its claim code (never declared by
/// hand): for each claim, the top-level statements its values come from, followed back
/// through the names they read.
///
/// A claim reads the names of the top-level statement it is written in (a number claim
/// of the prose: the names of its expression). A name read at a statement comes from
/// the last statement before it that declares the name (a function or type declared
/// anywhere, when none is before) and from every statement between the two that writes
/// it (`x += 1`, `&rng`); those statements' own reads are followed in turn. Everything
/// the syntax cannot tell (a name shadowed in a closure, a method that mutates) is taken
/// as a dependency, so the graph may hold an edge too many, never one too few for the
/// names written in the code.
///
/// A claim *rests on* an earlier claim that did not pass (failed, or has no verdict)
/// when that claim is about a value this one uses: it reads a name that one of this
/// claim's source statements declares or writes. A failed `output` block counts for
/// every claim with a source statement in its block.
enum ClaimGraph {
    /// The graph's entries for `claims`; `syntaxes` are the article's claim blocks' (read
    /// here when not given).
    static func inputs(of article: Article, syntaxes given: [BlockSyntax]? = nil, claims: [ClaimRecord]) -> [ClaimInputs] {
        let blocks = article.claimBlocks
        guard !blocks.isEmpty else { return [] }
        let syntaxes = given ?? blocks.map(BlockSyntax.init)
        var statements: [(block: Int, statement: BlockSyntax.Statement)] = []
        for (k, syntax) in syntaxes.enumerated() {
            for statement in syntax.statements { statements.append((k, statement)) }
        }
        // Lines a claim of each block can be on: the block and its output block.
        let spans: [ClosedRange<Int>] = blocks.map { block in
            block.line...max(block.line, article.outputBlock(after: block)?.endLine ?? block.endLine)
        }

        func statementIndex(_ line: Int) -> Int? {
            statements.firstIndex { $0.statement.line <= line && line <= $0.statement.endLine }
        }
        // What each claim that did not pass is about.
        let unsettled: [(claim: ClaimRecord, reads: Set<String>?, block: Int?)] = claims.filter { $0.status != .pass }.map { claim in
            switch claim.kind {
            case .output:
                return (claim, nil, spans.firstIndex { $0.contains(claim.line) })
            case .check, .expectClose, .property:
                return (claim, statementIndex(claim.line).map { statements[$0].statement.names.reads } ?? [], nil)
            case .prose, .identity:
                return (claim, [], nil)
            }
        }

        var result: [ClaimInputs] = []
        var seen: Set<String> = []
        for claim in claims {
            let reads: Set<String>
            let position: Int
            var column: Int?
            switch claim.kind {
            case .prose:
                guard let value = article.inlineValues.first(where: {
                    $0.line == claim.line && $0.textColumn == claim.column && $0.writtenNumber != nil
                }) else { continue }
                reads = Self.reads(ofExpression: value.expression)
                position = statements.count
                column = claim.column
            case .check, .expectClose, .property:
                guard let k = statementIndex(claim.line) else { continue }
                reads = statements[k].statement.names.reads
                position = k
            case .output, .identity:
                continue
            }
            guard seen.insert("\(claim.line):\(column ?? 0)").inserted else { continue }
            let sources = Self.sources(of: reads, at: position, in: statements.map(\.statement))
            let inputBlocks = Set(sources.map { statements[$0].block })
            var produced: Set<String> = []
            for k in sources { produced.formUnion(statements[k].statement.names.declares.union(statements[k].statement.names.writes)) }
            let restsOn = unsettled.filter { other in
                guard other.claim.line < claim.line || (other.claim.line == claim.line && claim.kind == .prose && other.claim.kind != .prose) else { return false }
                if let block = other.block { return inputBlocks.contains(block) }
                return !(other.reads ?? []).isDisjoint(with: produced)
            }.map(\.claim.line)
            result.append(
                ClaimInputs(
                    line: claim.line, column: column, blocks: inputBlocks.sorted().map { blocks[$0].codeLine },
                    restsOn: Array(Set(restsOn)).sorted()))
        }
        return result.sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
    }

    /// Indices of the statements the names `reads`, read at statement `position`, come from.
    static func sources(of reads: Set<String>, at position: Int, in statements: [BlockSyntax.Statement]) -> Set<Int> {
        var found: Set<Int> = []
        var work = reads.map { ($0, position) }
        var asked: Set<String> = []
        while let (name, at) = work.popLast() {
            guard asked.insert("\(name)@\(at)").inserted else { continue }
            let declaration = (0..<min(at, statements.count)).last { statements[$0].names.declares.contains(name) }
                ?? statements.indices.first { statements[$0].isDeclaration && statements[$0].names.declares.contains(name) }
            guard let declaration else { continue }  // a name of the library or of Swift
            var writers = [declaration]
            if declaration < at {
                writers += ((declaration + 1)..<min(at, statements.count)).filter { statements[$0].names.writes.contains(name) }
            }
            for w in writers where found.insert(w).inserted {
                work += statements[w].names.reads.map { ($0, w) }
            }
        }
        return found
    }

    /// The names a Swift expression reads.
    static func reads(ofExpression expression: String) -> Set<String> {
        let tree = Parser.parse(source: "_ = " + expression)
        return tree.statements.first.map { StatementNames($0).reads } ?? []
    }
}
