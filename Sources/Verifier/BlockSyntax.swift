import Articles
import Diagnostics
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
        /// `check`, `expectClose` or `property` (`show`/`figure` among sites inside `persisted`).
        var name: String
        /// The claim kind of a claim call (every entry of ``BlockSyntax/claimSites``).
        var kind: ClaimKind { ClaimKind(rawValue: name) ?? .check }
    }

    /// A top-level statement: where it starts and where its code ends.
    struct Statement {
        /// Article line of its first token.
        var line: Int
        /// UTF-8 offset in the block's code of its first token.
        var start: Int
        /// Article line of its last token.
        var endLine: Int
        /// UTF-8 offset in the block's code just after its last token.
        var end: Int
        /// What may follow it on the same line: nothing after a compiler directive
        /// (`#endif`), no second `;` after a semicolon.
        var endsWithDirective: Bool
        var endsWithSemicolon: Bool
        /// Whether it declares a function, type, extension, operator or the like (not a
        /// variable): such a declaration can be used from anywhere in the program.
        var isDeclaration: Bool
        /// The names it declares, writes and reads (for the claim graph).
        var names: StatementNames
    }

    static let claimFunctions: Set<String> = Set([ClaimKind.check, .expectClose, .property].map(\.rawValue))
    /// Calls that record something on the page and so may not run inside `persisted`.
    static let recordingFunctions: Set<String> = claimFunctions.union(["show", "figure"])

    var claimSites: [ClaimSite] = []
    /// Claims, `show` and `figure` written inside the arguments of a `persisted` call: they
    /// would run only on runs that compute the value.
    var sitesInsidePersisted: [ClaimSite] = []
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
        func site(_ call: FunctionCallExprSyntax) -> ClaimSite {
            let position = call.calledExpression.positionAfterSkippingLeadingTrivia
            return ClaimSite(
                line: line(position), column: converter.location(for: position).column, label: Self.label(of: call),
                name: call.calledExpression.trimmedDescription)
        }
        claimSites = finder.calls.map(site)
        sitesInsidePersisted = finder.insidePersisted.map(site)
        statements = tree.statements.map { item in
            let last = item.lastToken(viewMode: .sourceAccurate)
            return Statement(
                line: line(item.positionAfterSkippingLeadingTrivia),
                start: item.positionAfterSkippingLeadingTrivia.utf8Offset,
                endLine: line(item.endPositionBeforeTrailingTrivia),
                end: item.endPositionBeforeTrailingTrivia.utf8Offset,
                endsWithDirective: last?.tokenKind == .poundEndif || item.item.is(IfConfigDeclSyntax.self)
                    || item.item.is(MacroExpansionDeclSyntax.self),
                endsWithSemicolon: last?.tokenKind == .semicolon,
                isDeclaration: item.item.is(DeclSyntax.self) && !item.item.is(VariableDeclSyntax.self),
                names: StatementNames(item))
        }
    }

    /// Indices of the statements that report their start when the program runs
    /// (`_LemmaRun.statement(line)`): the first, and each that starts on a later line than
    /// the one before it ends, unless that one ends with a compiler directive. None when
    /// the block does not parse.
    var reportedStatements: [Int] {
        guard !hasErrors else { return [] }
        return statements.indices.filter { k in
            k == 0 || (statements[k].line > statements[k - 1].endLine && !statements[k - 1].endsWithDirective)
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
///
/// Also collects the recording calls (claims, `show`, `figure`) nested inside a
/// `persisted(…) { … }` call.
private final class ClaimCallFinder: SyntaxVisitor {
    var calls: [FunctionCallExprSyntax] = []
    var insidePersisted: [FunctionCallExprSyntax] = []
    private var persistedDepth = 0

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        let name = node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text
        if let name, BlockSyntax.claimFunctions.contains(name),
            !node.arguments.contains(where: { $0.label?.text == "line" })
        {
            calls.append(node)
        }
        if let name, persistedDepth > 0, BlockSyntax.recordingFunctions.contains(name) {
            insidePersisted.append(node)
        }
        if name == "persisted" { persistedDepth += 1 }
        return .visitChildren
    }

    override func visitPost(_ node: FunctionCallExprSyntax) {
        if node.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "persisted" { persistedDepth -= 1 }
    }
}
