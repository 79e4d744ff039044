import Diagnostics

/// What verifying one article found: its claims' verdicts, its diagnostics (parse and
/// compile problems, a crash or time-out) and what its blocks printed.
public struct ArticleResult: Sendable, Codable, Hashable {
    /// Path from the site root, e.g. `articles/orthogonal-map.md`.
    public var path: String
    /// Verdicts in the order the claims ran.
    public var claims: [ClaimRecord]
    /// Problems with file:line, parse and compile ones included.
    public var diagnostics: [Diagnostic]
    /// Everything the claim program printed on standard output.
    public var stdout: String
    /// Wall-clock seconds spent compiling and running.
    public var seconds: Double

    public init(path: String, claims: [ClaimRecord] = [], diagnostics: [Diagnostic] = [], stdout: String = "", seconds: Double = 0) {
        self.path = path
        self.claims = claims
        self.diagnostics = diagnostics
        self.stdout = stdout
        self.seconds = seconds
    }

    /// Claims that passed.
    public var passed: Int { claims.count { $0.status == .pass } }
    /// Claims that failed.
    public var failed: Int { claims.count { $0.status == .fail } }
    /// Claims that errored or timed out, plus error diagnostics (a compile error counts once each).
    public var errors: Int {
        claims.count { $0.status == .error || $0.status == .timeout }
            + diagnostics.count { $0.severity == .error }
    }
    /// Whether everything about the article is fine.
    public var isClean: Bool { failed == 0 && errors == 0 }
}
