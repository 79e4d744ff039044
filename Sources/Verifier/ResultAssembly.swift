import Articles
import Diagnostics

/// Draws an article's verdicts from what its claim program did (a ``RunOutcome``, fresh or
/// cached) and from the article as it is now: verdicts in the order they were reported,
/// `output` blocks compared with what their block printed, per-block output and figures,
/// inline values, and a verdict for every claim site that reported nothing.
///
/// Every call of `check`, `expectClose` or `property` written in the article (found in its
/// syntax, see ``BlockSyntax``) must report at least once. One that did not is an error at
/// its line: *not reached* when the program stopped before it, *not run* otherwise (a
/// function never called, a loop that ran no times, a closure that ran on another thread
/// after the program's end). A claim is never passed by saying nothing.
struct ResultAssembly {
    let article: Article
    /// The syntax of each claim block, read once for every use below.
    let syntaxes: [BlockSyntax]

    init(article: Article) {
        self.article = article
        syntaxes = article.claimBlocks.map(BlockSyntax.init)
    }

    func assemble(_ outcome: RunOutcome) -> ArticleResult {
        var result = ArticleResult(path: article.path)
        result.diagnostics = outcome.compileDiagnostics
        let blocks = article.claimBlocks
        guard outcome.compiled else { return result }

        var byLine: [Int: BlockResult] = [:]
        for block in blocks {
            var printed = outcome.outputs[block.codeLine]?.text ?? ""
            if let dropped = outcome.outputs[block.codeLine]?.droppedBytes, dropped > 0 {
                printed += "\n[output truncated: \(dropped) more bytes were printed and not kept]\n"
            }
            byLine[block.codeLine] = BlockResult(line: block.codeLine, stdout: printed)
        }

        var claims: [ClaimRecord] = []
        var inline = [String?](repeating: nil, count: article.inlineValues.count)
        var current: CodeBlock?
        var finished: Set<Int> = []

        func finishBlock() {
            guard let block = current else { return }
            finished.insert(block.codeLine)
            if let output = article.outputBlock(after: block) {
                claims.append(compare(output: output, printed: outcome.outputs[block.codeLine]))
            }
        }

        for event in outcome.events {
            switch event.event {
            case .block:
                finishBlock()
                current = blocks.first { $0.codeLine == event.line }
            case .claim:
                if let claim = event.claim { claims.append(claim) }
            case .show:
                if let line = current?.codeLine {
                    byLine[line]?.shows.append(.init(content: event.text ?? "", label: event.label ?? ""))
                }
            case .figure:
                if let line = current?.codeLine {
                    byLine[line]?.figures.append(.init(content: event.text ?? "", label: event.label ?? ""))
                }
            case .inline:
                if let index = event.index, index < inline.count { inline[index] = event.text }
            case .persisted:
                if let line = current?.codeLine, let record = event.persisted {
                    byLine[line]?.persisted.append(record)
                }
            case .statement:
                break
            case .end:
                finishBlock()
                current = nil
            }
        }

        if let stop = outcome.stop {
            result.diagnostics.append(
                Diagnostic(
                    .error, id: stop.id, at: SourceLocation(file: article.path, line: stop.line), stop.summary,
                    explanation: stop.explanation))
        }
        result.diagnostics += recordingInsidePersisted()
        claims += silentSites(reported: claims, finished: finished, stopped: current, outcome.stop)
        claims += silentNonCodeClaims(reported: claims, outcome.stop)
        result.claims = claims
        result.inputs = ClaimGraph.inputs(of: article, syntaxes: syntaxes, claims: claims)
        result.blocks = blocks.compactMap { byLine[$0.codeLine] }
        result.inlineValues = inline
        return result
    }

    /// An error for each claim, `show` or `figure` written inside a `persisted` call: it
    /// would run only when the value is computed, and say nothing when it is loaded.
    private func recordingInsidePersisted() -> [Diagnostic] {
        syntaxes.flatMap(\.sitesInsidePersisted).map { site in
            Diagnostic(
                .error, id: "claim.in-persisted", at: SourceLocation(file: article.path, line: site.line, column: site.column),
                "`\(site.name)` inside `persisted { … }` runs only when the value is computed, not when it is read back",
                explanation: "return what you want to check from the closure and write the `\(site.name)` after the call")
        }
    }

    /// An error for each claim outside the blocks that reported nothing — the prose's
    /// number claims (run after the last block) and the identities' links (run before the
    /// first): *not reached* when the program stopped, *not run* otherwise.
    private func silentNonCodeClaims(reported: [ClaimRecord], _ stop: RunOutcome.Stop?) -> [ClaimRecord] {
        struct Site { var line: Int; var column: Int?; var kind: ClaimKind; var label: String; var whenRun: String }
        var sites: [Site] = article.identities.flatMap { identity in
            identity.identity.claimSites.map {
                Site(line: $0.line, column: $0.column, kind: .identity, label: $0.label, whenRun: "the identity reported no verdict")
            }
        }
        for value in article.inlineValues {
            guard let written = value.writtenNumber else { continue }
            sites.append(
                Site(
                    line: value.line, column: value.textColumn, kind: .prose, label: "the text says \(written)",
                    whenRun: "the number claims of the prose run after the last block, which did not finish"))
        }
        let done = Set(reported.map { "\($0.kind.rawValue):\($0.line):\($0.column ?? 0)" })
        return sites.compactMap { site -> ClaimRecord? in
            guard !done.contains("\(site.kind.rawValue):\(site.line):\(site.column ?? 0)") else { return nil }
            let detail = stop.map { "not reached: the claims stopped at \(article.path):\($0.line) (\($0.summary))" }
                ?? "not run: \(site.whenRun)"
            return ClaimRecord(
                line: site.line, column: site.column, kind: site.kind, label: site.label,
                status: stop?.timedOut == true ? .timeout : .error, detail: detail)
        }
    }

    /// A verdict for each claim site that reported nothing, and for each `output` block
    /// whose block did not finish, in article order.
    private func silentSites(
        reported: [ClaimRecord], finished: Set<Int>, stopped: CodeBlock?, _ stop: RunOutcome.Stop?
    ) -> [ClaimRecord] {
        var result: [ClaimRecord] = []
        let blocks = article.claimBlocks
        let stoppedIndex = stopped.flatMap { b in blocks.firstIndex { $0.codeLine == b.codeLine } }
        var columnsByLine: [Int: Set<Int?>] = [:]
        for claim in reported { columnsByLine[claim.line, default: []].insert(claim.column) }
        for (index, block) in blocks.enumerated() {
            for site in Self.silent(syntaxes[index].claimSites, columnsByLine: columnsByLine) {
                let afterStop: Bool
                if let stop, let stoppedIndex {
                    afterStop = index > stoppedIndex || (index == stoppedIndex && site.line >= stop.line)
                } else {
                    afterStop = stop != nil && !finished.contains(block.codeLine)
                }
                if let stop, afterStop {
                    result.append(
                        ClaimRecord(
                            line: site.line, kind: site.kind, label: site.label, status: stop.timedOut ? .timeout : .error,
                            detail: "not reached: the claims stopped at \(article.path):\(stop.line) (\(stop.summary))"))
                } else {
                    result.append(
                        ClaimRecord(
                            line: site.line, kind: site.kind, label: site.label, status: .error,
                            detail: "not run: this claim reported no verdict. It is in code that never ran "
                                + "(a function never called, a loop that ran no times, a closure that ran on "
                                + "another thread after the program's end, a forked process)"))
                }
            }
            if !finished.contains(block.codeLine), let output = article.outputBlock(after: block) {
                let detail = stop.map { "not reached: the claims stopped at \(article.path):\($0.line) (\($0.summary))" }
                    ?? "not run: the block before it did not finish"
                result.append(
                    ClaimRecord(
                        line: output.line, kind: .output, label: "output",
                        status: stop?.timedOut == true ? .timeout : .error, detail: detail))
            }
        }
        return result
    }

    /// The sites that reported nothing. On a line with one site, any report from that line
    /// counts; on a line with several, each needs a report of its own column — when fewer
    /// distinct columns reported than there are sites, the sites not matched by column are
    /// silent (the last ones, if columns cannot be matched at all).
    static func silent(_ sites: [BlockSyntax.ClaimSite], columnsByLine: [Int: Set<Int?>]) -> [BlockSyntax.ClaimSite] {
        var result: [BlockSyntax.ClaimSite] = []
        for (line, onLine) in Dictionary(grouping: sites, by: \.line).sorted(by: { $0.key < $1.key }) {
            let columns = columnsByLine[line] ?? []
            let missing = onLine.count - columns.count
            guard missing > 0 else { continue }
            let unmatched = onLine.filter { !columns.contains($0.column) }
            result += unmatched.suffix(missing)
        }
        return result
    }

    /// The verdict on an `output` block: the block's printed text against the expected
    /// text, both with trailing whitespace trimmed from every line and from the end. Output
    /// cut at the size limit never matches.
    func compare(output: CodeBlock, printed: BlockOutput?) -> ClaimRecord {
        let actual = Self.normalise(printed?.text ?? ""), expected = Self.normalise(output.code)
        var detail: String?
        if let dropped = printed?.droppedBytes, dropped > 0 {
            detail = "the block printed more than \(BlockOutputSplitter.defaultBlockLimit >> 20) MB "
                + "(\(dropped) bytes beyond that were not kept), so its output cannot be compared"
        } else if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let k = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            let got = k < a.count ? "'\(a[k])'" : "nothing"
            let wanted = k < e.count ? "'\(e[k])'" : "nothing"
            detail = "line \(k + 1) of the output differs: printed \(got), expected \(wanted); "
                + "run `lemma check --promote` to accept the printed output"
        }
        return ClaimRecord(
            line: output.line, kind: .output, label: "output", status: detail == nil ? .pass : .fail,
            actual: actual, expected: expected, detail: detail)
    }

    static func normalise(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while let c = l.last, c == " " || c == "\t" || c == "\r" { l = l.dropLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
