import Diagnostics

/// A fenced or indented code block of an article, with what its info string asks for.
public struct CodeBlock: Hashable, Sendable {
    /// What the block is for, from its info string (see DESIGN.md, "Authoring format").
    public enum Role: Hashable, Sendable {
        /// `swift check`: claim code, run; `hidden` for `swift check hide`.
        case check(hidden: Bool, timeout: Double?)
        /// `output`: the expected standard output of the `swift check` block before it.
        case output
        /// `math identity`: a formula checked at random points (see ``ArticleIdentity``);
        /// `samples=N` and `seed=N` override the defaults.
        case identity(samples: Int?, seed: UInt64?)
        /// Anything else: shown, never run.
        case display
    }

    /// Line of the opening fence (or of the first line, for indented code).
    public var line: Int
    /// Line of the first line of code.
    public var codeLine: Int
    /// Last line of the block (its closing fence, when it has one).
    public var endLine: Int
    /// The whole info string, as written.
    public var info: String
    /// The first word of the info string (`swift`, `output`, `python`), or "".
    public var language: String
    /// What the block is for.
    public var role: Role
    /// The code, ending with a newline unless empty.
    public var code: String

    /// Whether the block is run by the verifier.
    public var isClaimCode: Bool {
        if case .check = role { return true }
        return false
    }

    /// Whether the reader sees the block.
    public var isShown: Bool {
        if case .check(hidden: true, _) = role { return false }
        return true
    }
}

/// Reads a code block's info string into a role, reporting words it does not know.
enum InfoString {
    static func role(of info: String, at location: SourceLocation) -> (CodeBlock.Role, [Diagnostic]) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let language = words.first else { return (.display, []) }
        if language == "output", words.count == 1 { return (.output, []) }
        if language == "math", words.count >= 2, words[1] == "identity" { return identityRole(words, at: location) }
        guard language == "swift", words.count >= 2, words[1] == "check" else {
            return (.display, nearMiss(words, at: location).map { [$0] } ?? [])
        }
        var hidden = false
        var timeout: Double?
        var diagnostics: [Diagnostic] = []
        for word in words.dropFirst(2) {
            if word == "hide" {
                hidden = true
            } else if word.hasPrefix("timeout=") {
                if let seconds = Double(word.dropFirst("timeout=".count)), seconds > 0 {
                    timeout = seconds
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, id: "block.timeout", at: location,
                            "'\(word)' is not a time limit",
                            explanation: "write timeout=N with N a positive number of seconds"))
                }
            } else {
                diagnostics.append(unknownOption(word, in: "swift check", known: ["hide", "timeout=SECONDS"], at: location))
            }
        }
        return (.check(hidden: hidden, timeout: timeout), diagnostics)
    }

    /// A warning for an option the block does not know, naming the nearest known one.
    /// `known` lists the options as written (`timeout=SECONDS`).
    static func unknownOption(_ word: String, in block: String, known: [String], at location: SourceLocation) -> Diagnostic {
        func name(_ option: String) -> String { option.split(separator: "=").first.map(String.init) ?? option }
        let guess = NearMatch.closest(to: name(word), among: known.map(name)).flatMap { g in known.first { name($0) == g } }
        return Diagnostic(
            .warning, id: "block.option", at: location,
            "unknown option '\(word)' in '\(block)' block, ignored" + (guess.map { "; did you mean '\($0)'?" } ?? ""),
            explanation: "known options: " + known.joined(separator: ", "))
    }

    /// `math identity [samples=N] [seed=N]`.
    static func identityRole(_ words: [String], at location: SourceLocation) -> (CodeBlock.Role, [Diagnostic]) {
        var samples: Int?
        var seed: UInt64?
        var diagnostics: [Diagnostic] = []
        for word in words.dropFirst(2) {
            if word.hasPrefix("samples="), let n = Int(word.dropFirst("samples=".count)), (1...100_000).contains(n) {
                samples = n
            } else if word.hasPrefix("seed="), let n = UInt64(word.dropFirst("seed=".count)) {
                seed = n
            } else if word.hasPrefix("samples=") || word.hasPrefix("seed=") {
                diagnostics.append(
                    Diagnostic(
                        .error, id: "block.option", at: location, "'\(word)' is not a valid option value",
                        explanation: "samples=N takes a whole number from 1 to 100000, seed=N a non-negative whole number"))
            } else {
                diagnostics.append(unknownOption(word, in: "math identity", known: ["samples=N", "seed=N"], at: location))
            }
        }
        return (.identity(samples: samples, seed: seed), diagnostics)
    }

    /// A warning for an info string one typo away from `swift check` or `output`: such a
    /// block is shown as plain code and its claims never run, which nothing else would say.
    static func nearMiss(_ words: [String], at location: SourceLocation) -> Diagnostic? {
        let language = words[0]
        let intended: String
        if words.count == 1, NearMatch.closest(to: language, among: ["output"], maxDistance: 2) != nil {
            intended = "output"
        } else if words.count >= 2, language == "math" || NearMatch.closest(to: language, among: ["math"]) != nil,
            words[1] == "identity" || NearMatch.closest(to: words[1], among: ["identity"]) != nil
        {
            intended = (["math", "identity"] + words.dropFirst(2)).joined(separator: " ")
        } else if words.count >= 2, language == "swift" || NearMatch.closest(to: language, among: ["swift"]) != nil,
            words[1] == "check" || NearMatch.closest(to: words[1], among: ["check"]) != nil
        {
            intended = (["swift", "check"] + words.dropFirst(2)).joined(separator: " ")
        } else {
            return nil
        }
        return Diagnostic(
            .warning, id: "block.typo", at: location,
            "'\(words.joined(separator: " "))' is shown as plain code and not checked; did you mean '\(intended)'?",
            explanation: "only blocks fenced `swift check` run, `output` blocks are compared with what they print, "
                + "and `math identity` blocks are checked at random points")
    }
}
