/// The verdict of one claim.
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    case pass, fail, error, timeout
}

/// What made a claim. The raw values are the wire format's (and the JSON report's) strings.
public enum ClaimKind: String, Sendable, Codable, CaseIterable {
    /// `check(condition, label)`: a condition, no values to compare.
    case check
    /// `expectClose(actual, expected, tolerance:, label)`.
    case expectClose
    /// `property(label, cases:) { … }`.
    case property
    /// An `output` block compared with what its block printed.
    case output
    /// A number written in the prose, `` `0.382 ≈ expr` ``.
    case prose
    /// A link `LHS = RHS` of a `math identity` block, checked at random points.
    case identity

    /// Whether the claim compares two values (shown as actual and expected). An identity
    /// compares its sides at many points; its detail names the point and both values.
    public var comparesValues: Bool { self != .check && self != .identity }
}

/// One claim's result, as a claim program reports it to the verifier.
///
/// This is the wire format between `ClaimKit` (inside claim programs) and `Verifier`,
/// which never import each other: the program writes one JSON object per line
/// (see ``ClaimEvent``) to a pipe that the verifier opened for it (see
/// ``ClaimEvent/channelEnvironmentKey``).
public struct ClaimRecord: Hashable, Sendable, Codable {
    /// Line in the article where the claim call is written.
    public var line: Int
    /// Column of the call's name on that line (`#column`), when the claim program reports
    /// it; tells two claims written on one line apart.
    public var column: Int?
    /// Which call made it.
    public var kind: ClaimKind
    /// The author's label, or the empty string.
    public var label: String
    /// Pass, fail, error or timeout.
    public var status: ClaimStatus
    /// The computed value, formatted for people.
    public var actual: String?
    /// The value it was compared with, formatted for people.
    public var expected: String?
    /// Why it failed, or the largest difference and the tolerance.
    public var detail: String?
    /// Seconds since the previous claim (or the start of its block) finished.
    public var seconds: Double?

    public init(
        line: Int, column: Int? = nil, kind: ClaimKind, label: String, status: ClaimStatus,
        actual: String? = nil, expected: String? = nil, detail: String? = nil, seconds: Double? = nil
    ) {
        self.line = line
        self.column = column
        self.kind = kind
        self.label = label
        self.status = status
        self.actual = actual
        self.expected = expected
        self.detail = detail
        self.seconds = seconds
    }

    /// A stable identifier: `article:line` plus `:label` when there is one.
    public func id(article: String) -> String {
        label.isEmpty ? "\(article):\(line)" : "\(article):\(line):\(label)"
    }
}

/// One line of a claim program's result stream.
public struct ClaimEvent: Hashable, Sendable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Codable {
        /// A `swift check` block starts running; `line` is its first code line.
        case block
        /// A claim was decided; `claim` holds it.
        case claim
        /// `show(value, label:)`: `text` holds TeX, `label` the label.
        case show
        /// `figure(caption) { ... }`: `text` holds SVG, `label` the caption.
        case figure
        /// An inline value of the prose: `index` says which, `text` is the formatted value.
        case inline
        /// A top-level statement of a block starts; `line` is its first article line.
        /// Tells where a program stopped when it dies without a usable report.
        case statement
        /// A `persisted(name) { … }` call produced its value; `persisted` says how.
        case persisted
        /// The program ran to its end.
        case end
    }

    /// Version of this format; bump it when a field changes meaning.
    public static let formatVersion = 3

    public var event: Kind
    public var line: Int?
    public var claim: ClaimRecord?
    /// TeX of a `show`, SVG of a `figure`, the formatted value of an `inline`.
    public var text: String?
    /// Label of a `show`, caption of a `figure`.
    public var label: String?
    /// Which inline value.
    public var index: Int?
    /// How a persisted value was obtained.
    public var persisted: PersistedRecord?
    /// The process that wrote the event. The verifier counts only events of the process it
    /// started: a forked child's reports are not the article's verdicts.
    public var pid: Int32?

    public init(
        event: Kind, line: Int? = nil, claim: ClaimRecord? = nil, text: String? = nil,
        label: String? = nil, index: Int? = nil, persisted: PersistedRecord? = nil, pid: Int32? = nil
    ) {
        self.persisted = persisted
        self.event = event
        self.line = line
        self.claim = claim
        self.text = text
        self.label = label
        self.index = index
        self.pid = pid
    }

    /// What a claim program prints to standard output when a block starts, so the
    /// verifier can split the output by block: a newline (so the marker starts a line even
    /// when the previous block's output did not end with one; the splitter removes it),
    /// then `\u{1}lemma-block LINE\u{1}` and a newline. Authors never print it.
    public static func stdoutMarker(line: Int) -> String { "\n\u{1}lemma-block \(line)\u{1}\n" }

    /// Name of the environment variable that holds the number of the file descriptor the
    /// claim program writes its events to (a pipe the verifier reads). The program removes
    /// it from its environment at start, so processes it starts do not see it.
    public static let channelEnvironmentKey = "LEMMA_CHANNEL_FD"
}
