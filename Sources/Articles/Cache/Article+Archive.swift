import Diagnostics
import Foundation

// The parse cache's binary form of an article and everything it holds, field by field in
// declaration order. A field added to one of these types must be added here too: the
// round-trip test (`ParseCacheTests`) compares every article of the test corpus with
// its decoded copy, and the cache is keyed by the tool's build, so a new build never
// reads an old form.

extension Article {
    func archive(_ w: inout ArchiveWriter) {
        w.string(path)
        w.string(slug)
        frontMatter.archive(&w)
        w.array(math) { $1.archive(&$0) }
        w.array(codeBlocks) { $1.archive(&$0) }
        w.array(headings) { $1.archive(&$0) }
        w.array(inlineValues) { $1.archive(&$0) }
        w.array(diagnostics) { $1.archive(&$0) }
        w.string(sourceDigest)
        // The document last, with its length: a reader can leave it for later.
        var blocks = ArchiveWriter()
        blocks.array(document.blocks) { $1.archive(&$0) }
        w.int(blocks.bytes.count)
        w.bytes.append(contentsOf: blocks.bytes)
    }

    /// The article archived from `source` (the file's text): its identities are read again
    /// from their blocks, which needs the source lines. `r` reads `data` (offsets are
    /// positions in it); the document is decoded from `data` when first asked for — should
    /// that ever fail, it is the document of `source` parsed again.
    init(archive r: inout ArchiveReader, source: String, data: Data) throws {
        let path = try r.string()
        let slug = try r.string()
        let frontMatter = try FrontMatter(archive: &r)
        let math = try r.array { try MathSpan(archive: &$0) }
        let codeBlocks = try r.array { try CodeBlock(archive: &$0) }
        let headings = try r.array { try Heading(archive: &$0) }
        let inlineValues = try r.array { try InlineValue(archive: &$0) }
        let diagnostics = try r.array { try Diagnostic(archive: &$0) }
        let digest = try r.string()
        let length = try r.count()
        let range = r.offset..<(r.offset + length)
        r.offset += length
        let document = Document(lazily: {
            data.withUnsafeBytes { raw in
                var r = ArchiveReader(UnsafeRawBufferPointer(rebasing: raw[..<range.upperBound]), offset: range.lowerBound)
                if let blocks = try? r.array({ try Block(archive: &$0) }), r.isAtEnd { return blocks }
                return ArticleParser.parse(source, path: path).document.blocks
            }
        })
        self.init(
            path: path, slug: slug, frontMatter: frontMatter, math: math, codeBlocks: codeBlocks, headings: headings,
            inlineValues: inlineValues, diagnostics: diagnostics, document: document)
        sourceDigest = digest
        identities = ArticleIdentity.all(in: codeBlocks, source: source.replacingCRLF())
    }
}

extension FrontMatter {
    func archive(_ w: inout ArchiveWriter) {
        w.optional(title) { $0.string($1) }
        w.optional(date) { $0.string($1) }
        w.array(tags) { $0.string($1) }
        w.optional(lang) { $0.string($1) }
        w.optional(summary) { $0.string($1) }
        w.optional(timeout) { $0.double($1) }
    }

    init(archive r: inout ArchiveReader) throws {
        self.init(title: try r.optional { try $0.string() })
        date = try r.optional { try $0.string() }
        tags = try r.array { try $0.string() }
        lang = try r.optional { try $0.string() }
        summary = try r.optional { try $0.string() }
        timeout = try r.optional { try $0.double() }
    }
}

extension SourceLocation {
    func archive(_ w: inout ArchiveWriter) {
        w.string(file)
        w.int(line)
        w.optional(column) { $0.int($1) }
    }

    init(archive r: inout ArchiveReader) throws {
        self.init(file: try r.string(), line: try r.int(), column: try r.optional { try $0.int() })
    }
}

extension Diagnostic {
    func archive(_ w: inout ArchiveWriter) {
        location.archive(&w)
        w.string(severity.rawValue)
        w.string(id)
        w.string(summary)
        w.optional(explanation) { $0.string($1) }
    }

    init(archive r: inout ArchiveReader) throws {
        let location = try SourceLocation(archive: &r)
        guard let severity = Severity(rawValue: try r.string()) else { throw ArchiveReader.Damaged() }
        self.init(severity, id: try r.string(), at: location, try r.string(), explanation: try r.optional { try $0.string() })
    }
}

extension MathSpan {
    func archive(_ w: inout ArchiveWriter) {
        w.int(index)
        w.string(tex)
        w.bool(isDisplay)
        location.archive(&w)
        texLocation.archive(&w)
        endLocation.archive(&w)
    }

    init(archive r: inout ArchiveReader) throws {
        self.init(
            index: try r.int(), tex: try r.string(), isDisplay: try r.bool(), location: try SourceLocation(archive: &r),
            texLocation: try SourceLocation(archive: &r))
        endLocation = try SourceLocation(archive: &r)
    }
}

extension CodeBlock {
    func archive(_ w: inout ArchiveWriter) {
        w.int(line)
        w.int(codeLine)
        w.int(endLine)
        w.string(info)
        w.string(language)
        switch role {
        case let .check(hidden, timeout):
            w.int(0)
            w.bool(hidden)
            w.optional(timeout) { $0.double($1) }
        case .output: w.int(1)
        case let .identity(samples, seed):
            w.int(2)
            w.optional(samples) { $0.int($1) }
            w.optional(seed) { $0.int(Int(bitPattern: UInt(truncatingIfNeeded: $1))) }
        case .display: w.int(3)
        }
        w.string(code)
    }

    init(archive r: inout ArchiveReader) throws {
        let (line, codeLine, endLine) = (try r.int(), try r.int(), try r.int())
        let (info, language) = (try r.string(), try r.string())
        let role: Role
        switch try r.int() {
        case 0: role = .check(hidden: try r.bool(), timeout: try r.optional { try $0.double() })
        case 1: role = .output
        case 2:
            role = .identity(
                samples: try r.optional { try $0.int() }, seed: try r.optional { UInt64(UInt(bitPattern: try $0.int())) })
        case 3: role = .display
        default: throw ArchiveReader.Damaged()
        }
        self.init(line: line, codeLine: codeLine, endLine: endLine, info: info, language: language, role: role, code: try r.string())
    }
}

extension Heading {
    func archive(_ w: inout ArchiveWriter) {
        w.int(level)
        w.string(text)
        w.int(line)
        w.array(segments) { w, segment in
            switch segment {
            case let .text(text):
                w.int(0)
                w.string(text)
            case let .math(k):
                w.int(1)
                w.int(k)
            }
        }
    }

    init(archive r: inout ArchiveReader) throws {
        let (level, text, line) = (try r.int(), try r.string(), try r.int())
        let segments = try r.array { r -> Segment in
            switch try r.int() {
            case 0: return .text(try r.string())
            case 1: return .math(try r.int())
            default: throw ArchiveReader.Damaged()
            }
        }
        self.init(level: level, text: text, line: line, segments: segments)
    }
}

extension InlineValue {
    func archive(_ w: inout ArchiveWriter) {
        w.int(index)
        w.string(expression)
        w.int(line)
        w.optional(column) { $0.int($1) }
        w.optional(textColumn) { $0.int($1) }
        w.string(source)
    }

    init(archive r: inout ArchiveReader) throws {
        let (index, expression, line) = (try r.int(), try r.string(), try r.int())
        let column = try r.optional { try $0.int() }
        let textColumn = try r.optional { try $0.int() }
        self.init(index: index, expression: expression, line: line, column: column, source: try r.string())
        self.textColumn = textColumn
    }
}

extension Block {
    func archive(_ w: inout ArchiveWriter) {
        for n in [range.startLine, range.startColumn, range.endLine, range.endColumn] { w.int(n) }
        switch kind {
        case let .paragraph(inlines):
            w.int(0)
            w.array(inlines) { $1.archive(&$0) }
        case let .heading(level, index, inlines):
            w.int(1)
            w.int(level)
            w.int(index)
            w.array(inlines) { $1.archive(&$0) }
        case let .blockQuote(blocks):
            w.int(2)
            w.array(blocks) { $1.archive(&$0) }
        case let .list(list, items):
            w.int(3)
            w.bool(list.ordered)
            w.int(list.start)
            w.bool(list.tight)
            w.array(items) { $1.archive(&$0) }
        case let .item(blocks):
            w.int(4)
            w.array(blocks) { $1.archive(&$0) }
        case let .code(k):
            w.int(5)
            w.int(k)
        case let .html(html):
            w.int(6)
            w.string(html)
        case .thematicBreak:
            w.int(7)
        }
    }

    init(archive r: inout ArchiveReader) throws {
        let range = SourceRange(startLine: try r.int(), startColumn: try r.int(), endLine: try r.int(), endColumn: try r.int())
        let blocks = { (r: inout ArchiveReader) in try r.array { try Block(archive: &$0) } }
        let inlines = { (r: inout ArchiveReader) in try r.array { try Inline(archive: &$0) } }
        let kind: Kind
        switch try r.int() {
        case 0: kind = .paragraph(try inlines(&r))
        case 1: kind = .heading(level: try r.int(), index: try r.int(), try inlines(&r))
        case 2: kind = .blockQuote(try blocks(&r))
        case 3: kind = .list(List(ordered: try r.bool(), start: try r.int(), tight: try r.bool()), try blocks(&r))
        case 4: kind = .item(try blocks(&r))
        case 5: kind = .code(try r.int())
        case 6: kind = .html(try r.string())
        case 7: kind = .thematicBreak
        default: throw ArchiveReader.Damaged()
        }
        self.init(kind, range: range)
    }
}

extension Inline {
    func archive(_ w: inout ArchiveWriter) {
        switch self {
        case let .text(text):
            w.int(0)
            w.string(text)
        case let .code(code):
            w.int(1)
            w.string(code)
        case let .math(k):
            w.int(2)
            w.int(k)
        case let .value(k):
            w.int(3)
            w.int(k)
        case let .emphasis(children):
            w.int(4)
            w.array(children) { $1.archive(&$0) }
        case let .strong(children):
            w.int(5)
            w.array(children) { $1.archive(&$0) }
        case let .link(destination, title, children):
            w.int(6)
            w.string(destination)
            w.string(title)
            w.array(children) { $1.archive(&$0) }
        case let .image(source, title, children):
            w.int(7)
            w.string(source)
            w.string(title)
            w.array(children) { $1.archive(&$0) }
        case let .html(html):
            w.int(8)
            w.string(html)
        case .softBreak: w.int(9)
        case .lineBreak: w.int(10)
        }
    }

    init(archive r: inout ArchiveReader) throws {
        let children = { (r: inout ArchiveReader) in try r.array { try Inline(archive: &$0) } }
        switch try r.int() {
        case 0: self = .text(try r.string())
        case 1: self = .code(try r.string())
        case 2: self = .math(try r.int())
        case 3: self = .value(try r.int())
        case 4: self = .emphasis(try children(&r))
        case 5: self = .strong(try children(&r))
        case 6: self = .link(destination: try r.string(), title: try r.string(), try children(&r))
        case 7: self = .image(source: try r.string(), title: try r.string(), try children(&r))
        case 8: self = .html(try r.string())
        case 9: self = .softBreak
        case 10: self = .lineBreak
        default: throw ArchiveReader.Damaged()
        }
    }
}
