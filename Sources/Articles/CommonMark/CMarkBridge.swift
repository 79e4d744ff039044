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
        /// Contents of a code block or HTML block; plain text of a heading.
        var literal: String
        /// Heading level (1–6), 0 for other blocks.
        var level: Int
        /// Whether a code block is fenced.
        var fenced: Bool
    }

    /// Parses `markdown` and returns its code blocks, headings, HTML blocks and inline
    /// values in document order.
    static func blocks(of markdown: String) -> [Block] {
        withDocument(markdown) { collect($0).blocks }
    }

    /// Parses `markdown` once and returns its blocks and its HTML (like `cmark --unsafe`)
    /// in which every code block is a marker comment `<!--lemma:b:LINE-->` and every inline
    /// value a marker `<!--lemma:i:K-->`, for ``HTMLTemplate`` to fill in later; heading `K`
    /// (in document order) starts with a marker `<!--lemma:h:K-->`, so that a heading tag
    /// written in raw HTML is never taken for one of the article's headings.
    static func document(_ markdown: String) -> (blocks: [Block], template: String) {
        withDocument(markdown) { root in
            let found = collect(root)
            for (k, node) in found.valueNodes.enumerated() {
                replace(node, with: CMARK_NODE_HTML_INLINE, literal: "<!--lemma:i:\(k)-->")
            }
            for (node, line) in found.codeNodes {
                replace(node, with: CMARK_NODE_HTML_BLOCK, literal: "<!--lemma:b:\(line)-->")
            }
            for (k, node) in found.headingNodes.enumerated() {
                let marker = cmark_node_new(CMARK_NODE_HTML_INLINE)
                cmark_node_set_literal(marker, "<!--lemma:h:\(k)-->")
                cmark_node_prepend_child(node, marker)
            }
            guard let cString = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return (found.blocks, "") }
            defer { free(cString) }
            return (found.blocks, String(cString: cString))
        }
    }

    /// One walk over the tree: the blocks, and the nodes of code blocks and inline values.
    private static func collect(_ root: OpaquePointer)
        -> (blocks: [Block], codeNodes: [(OpaquePointer, Int)], valueNodes: [OpaquePointer], headingNodes: [OpaquePointer])
    {
        var result: [Block] = []
        var codeNodes: [(OpaquePointer, Int)] = []
        var valueNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        forEachNode(root) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                let b = block(node, kind: .codeBlock)
                result.append(b)
                codeNodes.append((node, b.startLine))
            case CMARK_NODE_HTML_BLOCK:
                result.append(block(node, kind: .htmlBlock))
            case CMARK_NODE_CODE:
                if let value = inlineValueExpression(node) ?? proseNumberExpression(node) {
                    let line = enclosingBlockLine(node)
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    // `info` carries the code span as written, for the default rendering.
                    result.append(
                        Block(kind: .inlineValue, startLine: line, endLine: line, info: literal, literal: value, level: 0, fenced: false))
                    valueNodes.append(node)
                } else if let text = cmark_node_get_literal(node).map({ String(cString: $0) }),
                    case let .malformed(message) = ProseNumber.parse(text)
                {
                    let line = enclosingBlockLine(node)
                    result.append(
                        Block(kind: .malformedProseNumber, startLine: line, endLine: line, info: text, literal: message, level: 0, fenced: false))
                }
            case CMARK_NODE_HEADING:
                var b = block(node, kind: .heading)
                b.level = Int(cmark_node_get_heading_level(node))
                b.literal = plainText(node)
                result.append(b)
                headingNodes.append(node)
            default:
                break
            }
        }
        return (result, codeNodes, valueNodes, headingNodes)
    }

    /// Puts a new node of `type` with `literal` in place of `node`, and frees `node`.
    private static func replace(_ node: OpaquePointer, with type: cmark_node_type, literal: String) {
        let replacement = cmark_node_new(type)
        cmark_node_set_literal(replacement, literal)
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    // MARK: - cmark plumbing

    private static func withDocument<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T {
        var text = markdown
        let root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
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

    private static func block(_ node: OpaquePointer, kind: Block.Kind) -> Block {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        // cmark 0.30 has no accessor for "fenced": an indented block spans exactly its
        // literal's lines, a fenced one also its fence lines.
        let literalLines = literal.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        return Block(
            kind: kind, startLine: startLine, endLine: endLine,
            info: info, literal: literal, level: 0,
            fenced: kind == .codeBlock && endLine - startLine + 1 > literalLines)
    }

    /// The expression of an inline value: a code span whose text starts with `=`.
    private static func inlineValueExpression(_ node: OpaquePointer) -> String? {
        guard let literal = cmark_node_get_literal(node) else { return nil }
        let text = String(cString: literal).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("="), text.count > 1 else { return nil }
        return String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    /// The expression of a number claim in the prose: `` `0.382 ≈ expr` ``.
    private static func proseNumberExpression(_ node: OpaquePointer) -> String? {
        guard let literal = cmark_node_get_literal(node),
            case let .claim(_, expression) = ProseNumber.parse(String(cString: literal))
        else { return nil }
        return expression
    }

    /// The start line of the nearest ancestor that has one (inline nodes have none in cmark 0.30).
    private static func enclosingBlockLine(_ node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 1
    }

    /// The concatenated text and code of a node's inline descendants.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        forEachNode(node) { child in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
