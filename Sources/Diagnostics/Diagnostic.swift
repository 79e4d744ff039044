/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A message for the user about their input, anchored at a source location.
///
/// Printed as `articles/x.md:12:5: error: summary [id]`, followed by the explanation
/// (what to do about it) on an indented line when there is one.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// How serious it is.
    public var severity: Severity
    /// A stable identifier such as `frontmatter.title` or `math.unclosed-display`,
    /// for tests and for readers searching the documentation.
    public var id: String
    /// One line saying what is wrong.
    public var summary: String
    /// What to do about it, when that is not obvious from the summary.
    public var explanation: String?

    public init(
        _ severity: Severity, id: String, at location: SourceLocation,
        _ summary: String, explanation: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.location = location
        self.summary = summary
        self.explanation = explanation
    }

    /// The compiler-style one-line form, plus the explanation on a second line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(summary) [\(id)]"
        if let explanation { text += "\n    \(explanation)" }
        return text
    }
}

extension Sequence where Element == Diagnostic {
    /// Whether any element is an error.
    public var containsError: Bool { contains { $0.severity == .error } }
}
