import Diagnostics

/// What one `swift check` block produced besides verdicts.
public struct BlockResult: Sendable, Codable, Hashable {
    /// First code line of the block.
    public var line: Int
    /// What the block printed on standard output.
    public var stdout: String
    /// `show` values: TeX and label.
    public var shows: [Shown]
    /// `figure` plots: SVG and caption.
    public var figures: [Shown]
    /// `persisted` values: computed in the run or read from the store.
    public var persisted: [PersistedRecord]

    /// A TeX value or an SVG figure with its label or caption.
    public struct Shown: Sendable, Codable, Hashable {
        public var content: String
        public var label: String
    }

    public init(
        line: Int, stdout: String = "", shows: [Shown] = [], figures: [Shown] = [], persisted: [PersistedRecord] = []
    ) {
        self.line = line
        self.persisted = persisted
        self.stdout = stdout
        self.shows = shows
        self.figures = figures
    }
}

/// What verifying one article found: its claims' verdicts, its diagnostics (parse and
/// compile problems, a crash or time-out), what its blocks printed and showed, and the
/// values of its inline expressions.
public struct ArticleResult: Sendable, Codable, Hashable {
    /// Path from the site root, e.g. `articles/orthogonal-map.md`.
    public var path: String
    /// Verdicts in the order the claims ran; claims a crash or time-out kept from running
    /// come last with status `error` or `timeout`.
    public var claims: [ClaimRecord]
    /// Problems with file:line, parse and compile ones included.
    public var diagnostics: [Diagnostic]
    /// Per block: printed output, shown values, figures.
    public var blocks: [BlockResult]
    /// Formatted inline values, by index (nil where the program did not get that far).
    public var inlineValues: [String?]
    /// Wall-clock seconds spent compiling and running (0 when taken from the cache).
    public var seconds: Double
    /// Whether this result was taken from the cache.
    public var cached: Bool
    /// The claim graph: for each claim of a block or of the prose, the blocks its inputs
    /// come from and the claims it rests on that did not pass (see ``ClaimGraph``).
    public var inputs: [ClaimInputs] = []

    public init(
        path: String, claims: [ClaimRecord] = [], diagnostics: [Diagnostic] = [], blocks: [BlockResult] = [],
        inlineValues: [String?] = [], seconds: Double = 0, cached: Bool = false
    ) {
        self.path = path
        self.claims = claims
        self.diagnostics = diagnostics
        self.blocks = blocks
        self.inlineValues = inlineValues
        self.seconds = seconds
        self.cached = cached
    }

    /// The claim graph's entry for `claim` (a prose claim's by its column too).
    public func inputs(of claim: ClaimRecord) -> ClaimInputs? {
        inputs.first { $0.line == claim.line && ($0.column == nil || $0.column == claim.column) }
    }

    /// Lines of the claims that did not pass on which `claim` rests (empty when none).
    public func restsOn(_ claim: ClaimRecord) -> [Int] { inputs(of: claim)?.restsOn ?? [] }

    /// Claims that passed.
    public var passed: Int { claims.count { $0.status == .pass } }
    /// Claims that failed.
    public var failed: Int { claims.count { $0.status == .fail } }
    /// Claims without a verdict: not reached (the program stopped before them), not run,
    /// or out of time.
    public var withoutVerdict: Int { claims.count { $0.status == .error || $0.status == .timeout } }
    /// Error diagnostics: front matter, compile errors, a program that stopped.
    public var errorDiagnostics: Int { diagnostics.count { $0.severity == .error } }

    /// How many things went wrong, for the page's status: claims that errored or timed out, plus error diagnostics of the article itself
    /// (parse and compile errors) — a crash counts through its unreached claims, or once
    /// when none were left.
    public var errors: Int {
        claims.count { $0.status == .error || $0.status == .timeout }
            + diagnostics.count { $0.severity == .error && !$0.id.hasPrefix("run.") }
            + (claims.contains { $0.status == .error || $0.status == .timeout } ? 0
                : diagnostics.count { $0.severity == .error && $0.id.hasPrefix("run.") })
    }
}
