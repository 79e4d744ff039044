import Articles
import SwiftParser
import SwiftSyntax

/// What the verifier reads from a block's Swift syntax (with swift-syntax, not text
/// patterns): where its claims are written and where its top-level statements start.
struct BlockSyntax {
    /// A call of `check`, `expectClose` or `property` written in the block. Each such call
    /// must report at least one verdict when the program runs; one that reports none is a
    /// claim that never ran.
    struct ClaimSite: Hashable {
        /// Article line of the called name (what `#line` gives the call).
        var line: Int
        /// Column of the called name in the block's code (what `#column` gives the call).
        var column: Int
        /// The first plain string literal among the arguments (the label, by convention).
        var label: String
        /// `check`, `expectClose` or `property`.
        var name: String
    }

    /// A top-level statement: where it starts and where its code ends.
    struct Statement {
        /// Article line of its first token.
        var line: Int
        /// Article line of its last token.
        var endLine: Int
        /// UTF-8 offset in the block's code just after its last token.
        var end: Int
        /// What may follow it on the same line: nothing after a compiler directive
        /// (`#endif`), no second `;` after a semicolon.
        var endsWithDirective: Bool
        var endsWithSemicolon: Bool
    }

    static let claimFunctions: Set<String> = ["check", "expectClose", "property"]

    var claimSites: [ClaimSite] = []
    var statements: [Statement] = []
    /// Whether the block did not parse (the compiler will say why).
    var hasErrors = false

    init(_ block: CodeBlock) {
        let tree = Parser.parse(source: block.code)
        hasErrors = tree.hasError
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        func line(_ position: AbsolutePosition) -> Int {
            block.codeLine + converter.location(for: position).line - 1
        }
        let finder = ClaimCallFinder(viewMode: .sourceAccurate)
        finder.walk(tree)
        claimSites = finder.calls.map {
            let position = $0.calledExpression.positionAfterSkippingLeadingTrivia
            return ClaimSite(
                line: line(position), column: converter.location(for: position).column, label: Self.label(of: $0),
                name: $0.calledExpression.trimmedDescription)
        }
        statements = tree.statements.map { item in
            let last = item.lastToken(viewMode: .sourceAccurate)
            return Statement(
                line: line(item.positionAfterSkippingLeadingTrivia),
                endLine: line(item.endPositionBeforeTrailingTrivia),
                end: item.endPositionBeforeTrailingTrivia.utf8Offset,
                endsWithDirective: last?.tokenKind == .poundEndif || item.item.is(IfConfigDeclSyntax.self)
                    || item.item.is(MacroExpansionDeclSyntax.self),
                endsWithSemicolon: last?.tokenKind == .semicolon)
        }
    }

    private static func label(of call: FunctionCallExprSyntax) -> String {
        for argument in call.arguments {
            guard let literal = argument.expression.as(StringLiteralExprSyntax.self) else { continue }
            let parts = literal.segments.compactMap { $0.as(StringSegmentSyntax.self)?.content.text }
            if parts.count == literal.segments.count { return parts.joined() }
        }
        return ""
    }
}

/// Collects calls of the claim functions by their plain name (`check(…)`, not
/// `x.check(…)`), leaving out calls that pass `line:` themselves: those forward another
/// call site's line (a helper of the author's), so their own line never reports.
private final class ClaimCallFinder: SyntaxVisitor {
    var calls: [FunctionCallExprSyntax] = []

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if let name = node.calledExpression.as(DeclReferenceExprSyntax.self),
            BlockSyntax.claimFunctions.contains(name.baseName.text),
            !node.arguments.contains(where: { $0.label?.text == "line" })
        {
            calls.append(node)
        }
        return .visitChildren
    }
}
