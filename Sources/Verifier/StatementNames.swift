import SwiftSyntax

/// The names a top-level statement of claim code declares, writes and reads, read from
/// its syntax: what the claim graph (``ClaimGraph``) follows from a claim back to the
/// code its inputs come from.
///
/// - *Declares*: the names bound by `let`/`var` (every identifier of the pattern) and
///   `guard let`, and the names of functions, types and type aliases.
/// - *Writes*: names assigned (`x = …`, `x += …`) or passed `inout` (`&rng`): a later
///   read of the name sees this statement's effect.
/// - *Reads*: every name referred to (member names after a dot excepted) and every type
///   named. Shadowing inside closures and functions is not modelled: a local that
///   shares an outer name counts as a read of it, which can only add inputs, never hide
///   one.
struct StatementNames {
    var declares: Set<String> = []
    var writes: Set<String> = []
    var reads: Set<String> = []

    init(_ item: CodeBlockItemSyntax) {
        switch item.item {
        case let .decl(decl):
            if let variable = decl.as(VariableDeclSyntax.self) {
                for binding in variable.bindings { declares.formUnion(Self.identifiers(in: Syntax(binding.pattern))) }
            } else if let function = decl.as(FunctionDeclSyntax.self) {
                declares.insert(function.name.text)
            } else if let s = decl.as(StructDeclSyntax.self) {
                declares.insert(s.name.text)
            } else if let c = decl.as(ClassDeclSyntax.self) {
                declares.insert(c.name.text)
            } else if let e = decl.as(EnumDeclSyntax.self) {
                declares.insert(e.name.text)
            } else if let a = decl.as(ActorDeclSyntax.self) {
                declares.insert(a.name.text)
            } else if let p = decl.as(ProtocolDeclSyntax.self) {
                declares.insert(p.name.text)
            } else if let t = decl.as(TypeAliasDeclSyntax.self) {
                declares.insert(t.name.text)
            }
        case let .stmt(stmt):
            if let guardStmt = stmt.as(GuardStmtSyntax.self) {
                for condition in guardStmt.conditions {
                    if let binding = condition.condition.as(OptionalBindingConditionSyntax.self) {
                        declares.formUnion(Self.identifiers(in: Syntax(binding.pattern)))
                    }
                }
            }
        case .expr:
            break
        }
        let walker = NameWalker(viewMode: .sourceAccurate)
        walker.walk(item)
        reads = walker.reads
        writes = walker.writes
    }

    private static func identifiers(in pattern: Syntax) -> Set<String> {
        final class Patterns: SyntaxVisitor {
            var names: Set<String> = []
            override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
                names.insert(node.identifier.text)
                return .visitChildren
            }
        }
        let p = Patterns(viewMode: .sourceAccurate)
        p.walk(pattern)
        return p.names
    }
}

private final class NameWalker: SyntaxVisitor {
    var reads: Set<String> = []
    var writes: Set<String> = []

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        // `a.b`: `b` is a member, not a name of the article.
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .visitChildren }
        reads.insert(node.baseName.text)
        return .visitChildren
    }

    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
        reads.insert(node.name.text)
        return .visitChildren
    }

    override func visit(_ node: InOutExprSyntax) -> SyntaxVisitorContinueKind {
        if let name = Self.root(of: node.expression) { writes.insert(name) }
        return .visitChildren
    }

    override func visit(_ node: InfixOperatorExprSyntax) -> SyntaxVisitorContinueKind {
        if Self.assigns(node.operator), let name = Self.root(of: node.leftOperand) { writes.insert(name) }
        return .visitChildren
    }

    override func visit(_ node: SequenceExprSyntax) -> SyntaxVisitorContinueKind {
        // Unfolded `a = b` (the parser leaves operator sequences unfolded).
        let elements = Array(node.elements)
        for (k, element) in elements.enumerated() where k > 0 {
            if Self.assigns(element), let name = Self.root(of: elements[k - 1]) { writes.insert(name) }
        }
        return .visitChildren
    }

    /// Whether `op` is `=` or a compound assignment (`+=`, `*=` …), not a comparison.
    static func assigns(_ op: ExprSyntax) -> Bool {
        if op.is(AssignmentExprSyntax.self) { return true }
        guard let text = op.as(BinaryOperatorExprSyntax.self)?.operator.text else { return false }
        return text.hasSuffix("=") && !["==", "!=", "<=", ">=", "===", "!=="].contains(text)
    }

    /// `x`, `x.field`, `x[i]` → `x`.
    static func root(of expression: ExprSyntax) -> String? {
        if let reference = expression.as(DeclReferenceExprSyntax.self) { return reference.baseName.text }
        if let member = expression.as(MemberAccessExprSyntax.self), let base = member.base { return root(of: base) }
        if let subscriptCall = expression.as(SubscriptCallExprSyntax.self) { return root(of: subscriptCall.calledExpression) }
        return nil
    }
}
