/// A fully parenthesised form of the tree, `(+ a (· 2 b))`, so that a reader (and a test)
/// sees exactly how a formula was read.
extension IdentityExpression: CustomStringConvertible {
    public var description: String {
        switch kind {
        case let .number(x): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .pi: return "π"
        case .euler: return "e"
        case let .variable(name): return name
        case let .element(name, indices): return "\(name)[\(indices.map(\.description).joined(separator: ","))]"
        case let .identityMatrix(size): return size.map { "I\($0)" } ?? "I"
        case let .negate(a): return "(- \(a))"
        case let .binary(op, a, b): return "(\(op.rawValue) \(a) \(b))"
        case let .power(a, b): return "(^ \(a) \(b))"
        case let .transpose(a): return "(ᵀ \(a))"
        case let .call(f, arguments): return "(\(f.rawValue) \(arguments.map(\.description).joined(separator: " ")))"
        case let .factorial(a): return "(! \(a))"
        case let .norm(a, p): return "(norm\(p == .two ? "" : "-" + p.rawValue) \(a))"
        case let .aggregate(kind, index, from, to, body): return "(\(kind.rawValue) \(index) \(from) \(to) \(body))"
        case let .matrix(rows): return "[" + rows.map { $0.map(\.description).joined(separator: " ") }.joined(separator: "; ") + "]"
        }
    }
}
