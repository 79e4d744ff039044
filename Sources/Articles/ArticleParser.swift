import Diagnostics

/// Turns the text of a Markdown article into an ``Article``.
public enum ArticleParser {
    /// Parses `text`, the contents of the file at `path` (relative to the site root).
    /// Windows line endings are accepted. With `frontMatter: false` the whole text is
    /// Markdown (a leading `---` is a thematic break, as in CommonMark).
    public static func parse(_ text: String, path: String, frontMatter: Bool = true) -> Article {
        parse(text, path: path, frontMatter: frontMatter, digest: nil)
    }

    /// ``parse(_:path:frontMatter:)`` for a caller that already computed the text's
    /// ``digest(_:path:frontMatter:)`` (the parse cache's lookup key), so it is not hashed twice.
    static func parse(_ text: String, path: String, frontMatter: Bool = true, digest known: String?) -> Article {
        let source = text.replacingCRLF()
        let front = frontMatter
            ? FrontMatterParser.parse(source, file: path)
            : FrontMatterParser.Result(frontMatter: FrontMatter(), body: source, diagnostics: [])

        // Formulas are protected before cmark sees them, but never inside code blocks,
        // which only cmark can find. First protect as if there were none, and parse that
        // once; when a formula or code span turned out to touch a code or HTML
        // block, parse the original text for its code lines and protect and parse again.
        var protected = MathProtector(file: path, codeLines: []).protect(front.body)
        var (blocks, document) = CMark.document(utf8: protected.bytes, math: protected.spans, columns: protected.columns)
        if !protected.isUnaffected(byCodeBlocks: codeLineRanges(blocks)) {
            let codeLines = Set(codeLineRanges(CMark.blocks(of: front.body)).joined())
            protected = MathProtector(file: path, codeLines: codeLines).protect(front.body)
            (blocks, document) = CMark.document(utf8: protected.bytes, math: protected.spans, columns: protected.columns)
        }
        var diagnostics = front.diagnostics + protected.diagnostics
        var codeBlocks: [CodeBlock] = []
        var headings: [Heading] = []
        var inlineValues: [InlineValue] = []
        for block in blocks {
            // Code is never math: a code block or code span (info string included) that
            // protection took for math gets its source text back.
            func code(_ text: String) -> String { MathRestorer.plainText(text, math: protected.spans) }
            switch block.kind {
            case .codeBlock:
                let info = code(block.info)
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                let (role, problems) = InfoString.role(of: info, at: SourceLocation(file: path, line: block.startLine))
                diagnostics += problems
                codeBlocks.append(
                    CodeBlock(
                        line: block.startLine, codeLine: block.fenced ? block.startLine + 1 : block.startLine,
                        endLine: block.endLine, info: info, language: language, role: role, code: code(block.literal)))
            case .heading:
                headings.append(
                    Heading(
                        level: block.level, text: Heading.text(of: block.segments, math: protected.spans),
                        line: block.startLine, segments: block.segments))
            case .inlineValue:
                inlineValues.append(
                    InlineValue(
                        index: inlineValues.count, expression: code(block.literal), line: block.startLine,
                        source: code(block.info)))
            case .malformedProseNumber:
                diagnostics.append(
                    Diagnostic(
                        .error, id: "prose.number", at: ProseNumberLocation.find(block.info, from: block.startLine, in: source, path: path),
                        block.literal))
            case .htmlBlock, .other:
                break
            }
        }
        InlineValuePositions.locate(&inlineValues, in: source)
        let identities = ArticleIdentity.all(in: codeBlocks, source: source)
        for identity in identities { diagnostics += identity.diagnostics(path: path) }
        diagnostics += orphanOutputDiagnostics(codeBlocks, path: path)
        diagnostics += unclosedFenceDiagnostics(blocks, source: source, path: path)

        var article = Article(
            path: path, slug: slug(of: path), frontMatter: front.frontMatter,
            math: protected.spans, codeBlocks: codeBlocks,
            headings: headings, inlineValues: inlineValues, diagnostics: diagnostics, document: document)
        article.identities = identities
        article.sourceDigest = known ?? digest(text, path: path, frontMatter: frontMatter)
        return article
    }

    /// The ``Article/sourceDigest`` of the article that `text` at `path` parses to.
    public static func digest(_ text: String, path: String, frontMatter: Bool = true) -> String {
        var digest = ContentDigest()
        digest.combine(path)
        digest.combine(frontMatter ? "front matter" : "plain")
        digest.combine(text)
        return digest.hex
    }

    /// An `output` block must follow a `swift check` block directly.
    private static func orphanOutputDiagnostics(_ blocks: [CodeBlock], path: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (k, block) in blocks.enumerated() where block.role == .output {
            if k == 0 || !blocks[k - 1].isClaimCode {
                result.append(
                    Diagnostic(
                        .warning, id: "block.orphan-output", at: SourceLocation(file: path, line: block.line),
                        "'output' block does not follow a 'swift check' block, so nothing is compared with it",
                        explanation: "put it right after the swift check block whose output it shows"))
            }
        }
        return result
    }

    /// A fenced block whose last line is not a closing fence ran to the end of the file
    /// (or of its list item or quote): everything after the opening fence became code.
    private static func unclosedFenceDiagnostics(_ blocks: [CMark.Block], source: String, path: String) -> [Diagnostic] {
        let fenced = blocks.filter { $0.kind == .codeBlock && $0.fenced }
        guard !fenced.isEmpty else { return [] }
        let starts = source.lineStarts()
        var result: [Diagnostic] = []
        for block in fenced where block.endLine >= 1 && block.endLine <= starts.count {
            guard let openingLine = source.line(block.startLine, starts: starts), let closingLine = source.line(block.endLine, starts: starts) else { continue }
            let opening = openingLine.drop { $0 == " " || $0 == ">" || $0 == "\t" || $0 == "-" || $0 == "*" || $0 == "+" || $0.isNumber || $0 == "." || $0 == ")" }
            let closing = closingLine.drop { $0 == " " || $0 == ">" || $0 == "\t" }
            guard let fenceChar = opening.first, fenceChar == "`" || fenceChar == "~" else { continue }
            let openRun = opening.prefix { $0 == fenceChar }.count
            let closeRun = closing.prefix { $0 == fenceChar }.count
            let closes = block.endLine > block.startLine && closeRun >= openRun
                && closing.dropFirst(closeRun).allSatisfy { $0 == " " || $0 == "\t" }
            if !closes {
                result.append(
                    Diagnostic(
                        .warning, id: "block.unclosed-fence", at: SourceLocation(file: path, line: block.startLine),
                        "this code block's fence is never closed: everything after it, to line \(block.endLine), is code",
                        explanation: "add a line with \(String(repeating: fenceChar, count: openRun)) where the block ends"))
            }
        }
        return result
    }

    /// `articles/orthogonal-map.md` → `orthogonal-map`.
    static func slug(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".md") { name.removeLast(3) }
        return name
    }

    /// The lines of each code and HTML block (fences included).
    private static func codeLineRanges(_ blocks: [CMark.Block]) -> [ClosedRange<Int>] {
        blocks.filter { $0.kind == .codeBlock || $0.kind == .htmlBlock }.map { $0.startLine...max($0.startLine, $0.endLine) }
    }
}

extension String {
    /// `\r\n` and lone `\r` become `\n` (on UTF-8 bytes; `\r\n` is one Character).
    func replacingCRLF() -> String {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard containsUTF8Byte(cr) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for byte in utf8 {
            if previousCR, byte != lf { out.append(lf) }
            previousCR = byte == cr
            if !previousCR { out.append(byte) }
        }
        if previousCR { out.append(lf) }
        return String(decoding: out, as: UTF8.self)
    }
}
