import Articles
import Diagnostics

/// Turns what a claim program wrote (its event stream and standard output) into an
/// ``ArticleResult``: verdicts in order, `output` blocks compared, per-block output and
/// figures, inline values, and — when the program stopped early — the claims it never
/// reached.
struct ResultAssembly {
    let article: Article

    /// How the run ended, when it did not reach its end.
    struct Stop {
        var location: SourceLocation
        var timedOut: Bool
        var summary: String
    }

    func assemble(events: [ClaimEvent], stdout: String, stop: Stop?, into result: inout ArticleResult) {
        let printed = Self.splitByBlock(stdout)
        let blocks = article.claimBlocks
        var byLine: [Int: BlockResult] = [:]
        for block in blocks { byLine[block.codeLine] = BlockResult(line: block.codeLine, stdout: printed[block.codeLine] ?? "") }

        var claims: [ClaimRecord] = []
        var inline = [String?](repeating: nil, count: article.inlineValues.count)
        var current: CodeBlock?
        var started: Set<Int> = []

        func finishBlock() {
            if let block = current, let output = article.outputBlock(after: block) {
                claims.append(compare(output: output, printed: byLine[block.codeLine]?.stdout ?? ""))
            }
        }

        for event in events {
            switch event.event {
            case .block:
                finishBlock()
                current = blocks.first { $0.codeLine == event.line }
                if let line = event.line { started.insert(line) }
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
            case .end:
                finishBlock()
                current = nil
            }
        }

        if let stop {
            claims += unreached(after: current, started: started, reported: Set(claims.map(\.line)), stop: stop)
        }
        result.claims = claims
        result.blocks = blocks.compactMap { byLine[$0.codeLine] }
        result.inlineValues = inline
    }

    /// The claims of the stopped block that did not report, and of every later block,
    /// with the `output` blocks they would have compared.
    private func unreached(after current: CodeBlock?, started: Set<Int>, reported: Set<Int>, stop: Stop) -> [ClaimRecord] {
        let status: ClaimStatus = stop.timedOut ? .timeout : .error
        let detail = "not reached: the claims stopped at \(stop.location) (\(stop.summary))"
        var result: [ClaimRecord] = []
        for block in article.claimBlocks {
            let isStopped = block.codeLine == current?.codeLine
            guard isStopped || !started.contains(block.codeLine) else { continue }
            for (line, label) in ClaimSites.sites(in: block) where !(isStopped && reported.contains(line)) {
                if isStopped, stop.location.line > line { continue }  // ran before the stop, silently
                result.append(ClaimRecord(line: line, kind: "unreached", label: label, status: status, detail: detail))
            }
            if let output = article.outputBlock(after: block) {
                result.append(ClaimRecord(line: output.line, kind: "output", label: "output", status: status, detail: detail))
            }
        }
        return result
    }

    /// The verdict on an `output` block: the block's printed text against the expected
    /// text, both with trailing whitespace trimmed from every line and from the end.
    func compare(output: CodeBlock, printed: String) -> ClaimRecord {
        let actual = Self.normalise(printed), expected = Self.normalise(output.code)
        var detail: String?
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let k = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            let got = k < a.count ? "'\(a[k])'" : "nothing"
            let wanted = k < e.count ? "'\(e[k])'" : "nothing"
            detail = "line \(k + 1) of the output differs: printed \(got), expected \(wanted); "
                + "run `lemma check --promote` to accept the printed output"
        }
        return ClaimRecord(
            line: output.line, kind: "output", label: "output", status: detail == nil ? .pass : .fail,
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

    /// Standard output split at the block markers, by block line.
    static func splitByBlock(_ stdout: String) -> [Int: String] {
        var result: [Int: String] = [:]
        var line: Int?
        var text = ""
        for piece in stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stdout.hasSuffix("\n") ? 1 : 0) {
            if piece.hasPrefix("\u{1}lemma-block "), piece.hasSuffix("\u{1}"),
               let n = Int(piece.dropFirst("\u{1}lemma-block ".count).dropLast()) {
                if let line { result[line] = text }
                line = n
                text = ""
            } else {
                text += piece + "\n"
            }
        }
        if let line { result[line] = text }
        return result
    }
}
