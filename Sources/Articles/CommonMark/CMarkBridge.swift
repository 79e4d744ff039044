internal import CCMark
import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only door to libcmark. cmark nodes never leave this file: parsing returns Swift
/// values, rendering takes Swift values and returns HTML, and every cmark allocation is
/// freed before a function returns.
enum CMark {
    /// A block-level node, as much of it as the rest of Lemma needs.
    struct Block: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case codeBlock, heading, htmlBlock, inlineValue, malformedProseNumber, other }
        var kind: Kind
        /// 1-based first and last source lines.
        var startLine: Int
        var endLine: Int
        /// Fence info string of a code block (empty for indented code).
        var info: String
        /// Contents of a code block or HTML block.
        var literal: String
        /// A heading's text and formulas.
        var segments: [Heading.Segment] = []
        /// Heading level (1–6), 0 for other blocks.
        var level: Int
        /// Whether a code block is fenced.
        var fenced: Bool
    }

    /// Parses `markdown` and returns its code blocks, headings, HTML blocks and inline
    /// values in document order.
    static func blocks(of markdown: String) -> [Block] {
        withDocument(markdown) { root in
            var builder = DocumentBuilder(math: [])
            _ = builder.blocks(childrenOf: root)
            return builder.flat
        }
    }

    /// Parses `markdown` (the protected text's UTF-8 bytes) once and returns its blocks, for the parser's
    /// bookkeeping, and its ``Document``, with placeholders for the `math` formulas turned
    /// back into formulas (in text) or into their TeX (in code and raw HTML).
    /// Source ranges are given in the source's columns through `columns`.
    static func document(utf8 markdown: [UInt8], math: [MathSpan], columns: ColumnMap = ColumnMap()) -> (blocks: [Block], document: Document) {
        withDocument(utf8: markdown) { root in
            var builder = DocumentBuilder(math: math, columns: columns)
            let blocks = builder.blocks(childrenOf: root)
            return (builder.flat, Document(blocks: blocks))
        }
    }

    /// cmark's own HTML for `markdown` (like `cmark --unsafe`): the reference the site's
    /// renderer is tested against.
    static func referenceHTML(_ markdown: String) -> String {
        withDocument(markdown) { root in
            guard let cString = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return "" }
            defer { free(cString) }
            return String(cString: cString)
        }
    }

    /// One recursive walk over cmark's tree: the ``Document``, and the flat list of code
    /// blocks, headings, HTML blocks and inline values in document order.
    private struct DocumentBuilder {
        let math: [MathSpan]
        var columns = ColumnMap()
        var flat: [Block] = []
        var codeCount = 0, headingCount = 0, valueCount = 0
        /// The code span of each inline value as written.
        var valueLiterals: [String] = []
        /// Buffers of finished math splitters, for the next ones.
        var spareBuffers: [MathTextSplitter.Buffers] = []

        /// Code and raw HTML get their formulas' TeX back: code is never math.
        func plain(_ text: String) -> String {
            text.containsUTF8Byte(0xEE) ? MathRestorer.plainText(text, math: math) : text
        }

        mutating func blocks(childrenOf parent: OpaquePointer) -> [Articles.Block] {
            var result: [Articles.Block] = []
            var child = cmark_node_first_child(parent)
            while let node = child {
                if let block = block(node) { result.append(block) }
                child = cmark_node_next(node)
            }
            return result
        }

        mutating func block(_ node: OpaquePointer) -> Articles.Block? {
            let (startLine, endLine) = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node)))
            let range = SourceRange(
                startLine: startLine, startColumn: columns.sourceColumn(line: startLine, Int(cmark_node_get_start_column(node))),
                endLine: endLine, endColumn: columns.sourceColumn(line: endLine, Int(cmark_node_get_end_column(node)), isEnd: true))
            let kind: Articles.Block.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                kind = .paragraph(inlines(childrenOf: node))
            case CMARK_NODE_HEADING:
                var b = CMark.block(node, kind: .heading)
                b.level = Int(cmark_node_get_heading_level(node))
                let index = headingCount
                headingCount += 1
                let children = inlines(childrenOf: node)
                b.segments = Heading.segments(of: children, values: valueLiterals)
                flat.append(b)
                kind = .heading(level: b.level, index: index, children)
            case CMARK_NODE_BLOCK_QUOTE:
                kind = .blockQuote(blocks(childrenOf: node))
            case CMARK_NODE_LIST:
                let list = List(
                    ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)),
                    tight: cmark_node_get_list_tight(node) != 0)
                kind = .list(list, blocks(childrenOf: node))
            case CMARK_NODE_ITEM:
                kind = .item(blocks(childrenOf: node))
            case CMARK_NODE_CODE_BLOCK:
                flat.append(CMark.block(node, kind: .codeBlock))
                kind = .code(codeCount)
                codeCount += 1
            case CMARK_NODE_HTML_BLOCK:
                let b = CMark.block(node, kind: .htmlBlock)
                flat.append(b)
                kind = .html(plain(b.literal))
            case CMARK_NODE_THEMATIC_BREAK:
                kind = .thematicBreak
            default:
                return nil
            }
            return Articles.Block(kind, range: range)
        }

        mutating func inlines(childrenOf parent: OpaquePointer) -> [Inline] {
            // Room for the children and a few formulas (a formula splits a text node in three).
            var children = 0
            var next = cmark_node_first_child(parent)
            while let node = next {
                children += 1
                next = cmark_node_next(node)
            }
            var splitter = MathTextSplitter(
                mathCount: math.count, expectedCount: children + 4, buffers: spareBuffers.popLast() ?? MathTextSplitter.Buffers())
            var child = cmark_node_first_child(parent)
            while let node = child {
                child = cmark_node_next(node)
                let literal = { cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT:
                    // cmark's bytes as they are (no String made only to be taken apart).
                    if let text = cmark_node_get_literal(node) {
                        splitter.text(bytes: UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
                    }
                case CMARK_NODE_SOFTBREAK:
                    splitter.node(.softBreak)
                case CMARK_NODE_LINEBREAK:
                    splitter.node(.lineBreak)
                case CMARK_NODE_CODE:
                    splitter.node(code(node, literal: literal()))
                case CMARK_NODE_HTML_INLINE:
                    splitter.node(.html(plain(literal())))
                case CMARK_NODE_EMPH:
                    splitter.node(.emphasis(inlines(childrenOf: node)))
                case CMARK_NODE_STRONG:
                    splitter.node(.strong(inlines(childrenOf: node)))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                    let children = inlines(childrenOf: node)
                    splitter.node(
                        cmark_node_get_type(node) == CMARK_NODE_LINK
                            ? .link(destination: url, title: title, children) : .image(source: url, title: title, children))
                default:
                    break
                }
            }
            let (inlines, buffers) = splitter.finish()
            spareBuffers.append(buffers)
            return inlines
        }

        /// A code span: an inline value, a number claim (well formed or not), or code.
        mutating func code(_ node: OpaquePointer, literal: String) -> Inline {
            // Most code spans are code: only one whose first non-blank character is `=`
            // or could start a number is read further.
            guard let first = literal.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                first == UInt8(ascii: "=") || first >= 0x80 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
                    || first == UInt8(ascii: ".") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            else { return .code(plain(literal)) }
            let value: String?
            if let expression = inlineValueExpression(node) {
                value = expression
            } else {
                switch ProseNumber.parse(literal) {
                case let .claim(_, expression): value = expression
                case let .malformed(message):
                    let line = enclosingBlockLine(node)
                    flat.append(Block(kind: .malformedProseNumber, startLine: line, endLine: line, info: literal, literal: message, level: 0, fenced: false))
                    value = nil
                case .notAClaim: value = nil
                }
            }
            guard let value else { return .code(plain(literal)) }
            let line = enclosingBlockLine(node)
            // `info` carries the code span as written, for the default rendering.
            flat.append(Block(kind: .inlineValue, startLine: line, endLine: line, info: literal, literal: value, level: 0, fenced: false))
            valueCount += 1
            valueLiterals.append(literal)
            return .value(valueCount - 1)
        }
    }

    // MARK: - cmark plumbing

    private static func withDocument<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T {
        var text = markdown
        return text.withUTF8 { withDocument(bytes: $0, body) }
    }

    private static func withDocument<T>(utf8 markdown: [UInt8], _ body: (OpaquePointer) -> T) -> T {
        markdown.withUnsafeBufferPointer { withDocument(bytes: $0, body) }
    }

    private static func withDocument<T>(bytes: UnsafeBufferPointer<UInt8>, _ body: (OpaquePointer) -> T) -> T {
        // cmark looks at the first byte even of an empty text: an empty buffer (which may
        // have no address) is given as a NUL byte of length 0.
        var nul: CChar = 0
        let root = bytes.isEmpty
            ? cmark_parse_document(&nul, 0, CMARK_OPT_DEFAULT)
            : bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        guard let root else { fatalError("cmark_parse_document returned no document (out of memory)") }
        defer { cmark_node_free(root) }
        return body(root)
    }

    /// Calls `body` for each node on entering it, in document order.
    private static func forEachNode(_ root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
    }

    fileprivate static func block(_ node: OpaquePointer, kind: Block.Kind) -> Block {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        // cmark 0.30 has no accessor for "fenced": an indented block spans exactly its
        // literal's lines, a fenced one also its fence lines.
        let literalLines = literal.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return Block(
            kind: kind, startLine: startLine, endLine: endLine,
            info: info, literal: literal, level: 0,
            fenced: kind == .codeBlock && endLine - startLine + 1 > literalLines)
    }

    /// The expression of an inline value: a code span whose text starts with `=`.
    fileprivate static func inlineValueExpression(_ node: OpaquePointer) -> String? {
        guard let literal = cmark_node_get_literal(node) else { return nil }
        let text = String(cString: literal).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("="), text.count > 1 else { return nil }
        return String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    /// The start line of the nearest ancestor that has one (inline nodes have none in cmark 0.30).
    fileprivate static func enclosingBlockLine(_ node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 1
    }

}
