import Articles
import Diagnostics
import Verifier

/// The HTML that replaces a `swift check` block on its page: the code (unless hidden)
/// and the verdict of every claim written in it.
enum ClaimBlockHTML {
    /// - Parameter showsPrintedOutput: whether to show what the block printed (when no
    ///   `output` block follows it to show the expected text).
    static func render(
        _ block: CodeBlock, claims: [ClaimRecord], result: BlockResult?, showsPrintedOutput: Bool, source: SourceLink,
        text: InterfaceText = .english, math: MathHTML = MathHTML(), graph: ClaimGraphHTML? = nil
    ) -> String {
        let verdict = blockVerdict(claims)
        var html = "<div class=\"claim-block \(verdict)\" id=\"L\(block.line)\">\n"
        if block.isShown {
            html += "<pre><code class=\"language-swift\">\(SwiftHighlighter.html(block.code))</code></pre>\n"
        }
        if !claims.isEmpty {
            html += "<ul class=\"claims\">\n"
            for claim in claims { html += item(claim, source: source, text: text, note: graph?.note(claim) ?? "") }
            html += "</ul>\n"
        }
        if let result {
            for value in result.persisted { html += persistedNote(value, text: text) }
            if showsPrintedOutput, !result.stdout.isEmpty {
                html += "<pre class=\"printed\"><code>\(result.stdout.htmlEscaped)</code></pre>\n"
            }
            for shown in result.shows {
                // A shown value is a small figure: the value, its label as the caption below.
                html += "<figure class=\"shown\">" + math.render(Formula(tex: shown.content, display: true))
                if !shown.label.isEmpty { html += "<figcaption>\(shown.label.htmlEscaped)</figcaption>" }
                html += "</figure>\n"
            }
            for figure in result.figures {
                // The SVG came from the claim program: only the parts plots are made of pass.
                let svg = SVGSanitizer.sanitize(figure.content)
                    ?? "<p class=\"figure-removed\">This figure was left out: its SVG holds markup that plots do not use.</p>"
                html += "<figure class=\"plot\">\(svg)<figcaption>\(figure.label.htmlEscaped)</figcaption></figure>\n"
            }
        }
        return html + "</div>"
    }

    /// One line saying where a `persisted` value came from in the run behind this page.
    static func persistedNote(_ value: PersistedRecord, text words: InterfaceText = .english) -> String {
        let name = "<code>\(value.name.htmlEscaped)</code>"
        let took = String(format: "%.1f s", value.seconds)
        let text: String
        switch value.source {
        case .loaded:
            let when = value.computedAt.map { $0.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC") } ?? ""
            text = words.persistedLoaded(name, took, when.htmlEscaped)
        case .computed:
            text = words.persistedComputed(name, took)
        case .unstored:
            text = words.persistedUnstored(name, took, (value.note ?? "").htmlEscaped)
        }
        return "<p class=\"persisted \(value.source.rawValue)\" data-line=\"\(value.line)\">\(text)</p>\n"
    }

    /// An `output` block with the verdict of comparing it with what was printed.
    static func renderOutput(
        _ block: CodeBlock, claim: ClaimRecord?, source: SourceLink, text: InterfaceText = .english, graph: ClaimGraphHTML? = nil
    ) -> String {
        let verdict = claim.map { blockVerdict([$0]) } ?? "unverified"
        var html = "<div class=\"output-block \(verdict)\" id=\"L\(block.line)\">\n"
        html += "<pre><code>\(block.code.htmlEscaped)</code></pre>\n"
        if let claim {
            html += "<ul class=\"claims\">\n\(item(claim, source: source, text: text, note: graph?.note(claim) ?? ""))</ul>\n"
        }
        return html + "</div>"
    }

    /// The overall class of a block: the worst verdict of its claims, or `unverified`.
    static func blockVerdict(_ claims: [ClaimRecord]) -> String {
        if claims.isEmpty { return "unverified" }
        if claims.contains(where: { $0.status == .error || $0.status == .timeout }) { return "error" }
        if claims.contains(where: { $0.status == .fail }) { return "fail" }
        return "pass"
    }

    /// One claim's line: its mark, its label (or `labelHTML`, already HTML), a link to its
    /// source line, its details, and `note` (HTML: what it rests on).
    static func item(_ claim: ClaimRecord, source: SourceLink, text: InterfaceText, labelHTML: String? = nil, note: String = "") -> String {
        let mark = switch claim.status {
        case .pass: "✓"
        case .fail: "✗"
        case .error, .timeout: "!"
        }
        let label = claim.label.isEmpty ? claim.kind.rawValue : claim.label
        var html = "<li class=\"claim \(claim.status.rawValue)\" title=\"\(claim.status.rawValue)\">"
        html += "<span class=\"mark\" aria-label=\"\(claim.status.rawValue)\">\(mark)</span> "
        html += "<span class=\"label\">\(labelHTML ?? label.htmlEscaped)</span> "
        html += source.html(line: claim.line)
        // A passing identity's details say at how many points it held.
        if claim.status != .pass || claim.kind.comparesValues || claim.kind == .identity {
            var parts: [String] = []
            if let actual = claim.actual, claim.kind.comparesValues { parts.append("actual \(actual)") }
            if let expected = claim.expected, claim.kind.comparesValues { parts.append("expected \(expected)") }
            if let detail = claim.detail { parts.append(detail) }
            if !parts.isEmpty {
                // A claim that did not pass shows why without a click.
                let open = claim.status == .pass ? "" : " open"
                html += "<details\(open)><summary>\(text.details)</summary><pre>\(parts.joined(separator: "\n").htmlEscaped)</pre></details>"
            }
        }
        return html + note + "</li>\n"
    }
}
