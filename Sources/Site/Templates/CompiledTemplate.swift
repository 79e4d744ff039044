/// A theme template turned into a list of steps once, when the theme loads, and rendered
/// from a typed context (``TemplateValue``) without the dynamic casts and name splitting
/// that swift-mustache performs at every lookup.
///
/// swift-mustache stays the definition of the format: ``init(_:)`` follows its parser step
/// by step — which tags are standalone and take their line with them, where whitespace
/// before a tag goes, how `.`-names are looked up — for the tags the default theme uses:
/// text, `{{name}}`, `{{{name}}}`, `{{&name}}`, sections, inverted sections, comments,
/// dotted names, `{{.}}` and the `CONTENT_TYPE` pragma. Anything else (partials, changed
/// delimiters, transforms, inheritance) makes ``init(_:)`` return `nil`, and the theme
/// renders that template with swift-mustache itself. `ThemeTests` renders templates both
/// ways and requires the same bytes.
struct CompiledTemplate: Sendable {
    /// A name as written in a tag: looked up from the top of the context stack down
    /// (`a.b`: `a` anywhere, then `b` inside it only), or only in the top (`.`, `.a`).
    struct Name: Sendable {
        var components: [String]
        var topOnly: Bool
    }

    indirect enum Step: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, [Step])
        case inverted(Name, [Step])
        /// From here on in this list (and in sections after it), escape `{{name}}` or not.
        case escaping(Bool)
    }

    let steps: [Step]

    /// The template `source`, or `nil` when it uses something only swift-mustache renders
    /// (or does not parse).
    init?(_ source: String) {
        var parser = TemplateParser(source)
        guard let steps = try? parser.parse(section: nil, newLine: true) else { return nil }
        self.steps = steps
        textSize = steps.reduce(0) { size, step in
            if case let .text(text) = step { size + text.utf8.count } else { size }
        }
    }

    /// The bytes of the template's own text outside sections: with the context's HTML, what
    /// a rendering is about to hold, reserved at once (pages are tens of kilobytes).
    private var textSize = 0

    /// The template rendered with `context` at the bottom of the stack.
    func render(_ context: TemplateValue) -> String {
        var out = ""
        if case let .object(fields) = context {
            out.reserveCapacity(fields.values.reduce(textSize + 256) { size, value in
                if case let .html(html) = value { size + html.utf8.count } else { size }
            })
        }
        var stack = [context]
        Self.render(steps, stack: &stack, escaping: true, into: &out)
        return out
    }

    private static func render(_ steps: [Step], stack: inout [TemplateValue], escaping: Bool, into out: inout String) {
        var escaping = escaping
        for step in steps {
            switch step {
            case let .text(text):
                out += text
            case let .variable(name, escaped):
                guard let value = lookUp(name, in: stack) else { continue }
                show(value, escaped: escaped && escaping, into: &out)
            case let .section(name, body):
                switch lookUp(name, in: stack) {
                case nil, .flag(false)?: break
                case .flag(true)?: render(body, stack: &stack, escaping: escaping, into: &out)
                case let .list(items)?:
                    for item in items {
                        stack.append(item)
                        render(body, stack: &stack, escaping: escaping, into: &out)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(body, stack: &stack, escaping: escaping, into: &out)
                    stack.removeLast()
                }
            case let .inverted(name, body):
                switch lookUp(name, in: stack) {
                case nil, .flag(false)?: render(body, stack: &stack, escaping: escaping, into: &out)
                case let .list(items)? where items.isEmpty:
                    // swift-mustache puts the empty list on the stack (`{{.}}` shows `[]`).
                    stack.append(.list(items))
                    render(body, stack: &stack, escaping: escaping, into: &out)
                    stack.removeLast()
                default: break
                }
            case let .escaping(on):
                escaping = on
            }
        }
    }

    private static func lookUp(_ name: Name, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.components.first else { return stack.last }
        var value: TemplateValue?
        if name.topOnly {
            value = child(first, of: stack[stack.count - 1])
        } else {
            // By index from the top (an iterator would copy every entry it passes).
            var k = stack.count - 1
            while k >= 0 {
                if let found = child(first, of: stack[k]) {
                    value = found
                    break
                }
                k -= 1
            }
        }
        for component in name.components.dropFirst() {
            guard let current = value else { return nil }
            value = child(component, of: current)
        }
        return value
    }

    /// Only objects have named children (swift-mustache finds none in text, numbers, lists).
    private static func child(_ key: String, of value: TemplateValue) -> TemplateValue? {
        if case let .object(fields) = value { return fields[key] }
        return nil
    }

    private static func show(_ value: TemplateValue, escaped: Bool, into out: inout String) {
        switch value {
        case let .text(s): out += escaped ? s.htmlEscaped : s
        case let .html(s): out += s
        case let .flag(b): out += b ? "true" : "false"
        case let .number(n): out += String(n)
        case .list, .object:
            // What swift-mustache shows (the Swift description), for completeness.
            var unused: [String] = []
            let description = String(describing: value.mustacheValue(html: &unused, marker: { _ in "" }))
            out += escaped ? description.htmlEscaped : description
        }
    }
}

/// swift-mustache's parser (`MustacheTemplate.parse`), for the tags ``CompiledTemplate``
/// renders, on the template's `Character`s. It throws for anything else.
private struct TemplateParser {
    struct Unsupported: Error {}

    let characters: [Character]
    var position = 0

    init(_ source: String) { characters = Array(source) }

    var atEnd: Bool { position >= characters.count }
    /// The current character; `"\0"` at the end (as swift-mustache's parser).
    var current: Character { atEnd ? "\0" : characters[position] }

    /// One list of steps, up to the end of the template (`section == nil`) or to the tag
    /// closing `section`, which it consumes.
    mutating func parse(section: String?, newLine: Bool) throws -> [CompiledTemplate.Step] {
        var steps: [CompiledTemplate.Step] = []
        var newLine = newLine
        var whitespaceBefore = ""
        while !atEnd {
            if newLine { whitespaceBefore = read(while: { $0 == " " || $0 == "\t" }) }
            let text = try readUntilTagOrNewline()
            if current.isNewline {
                steps.append(.text(whitespaceBefore + text + String(current)))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                steps.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            var standalone = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    steps.append(.text(whitespaceBefore))
                    whitespaceBefore = ""
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if newLine && lineFinished() { standalone = true } else { flushWhitespace() }
                let body = try parse(section: name, newLine: standalone)
                let parsed = Self.name(name)
                steps.append(inverted ? .inverted(parsed, body) : .section(parsed, body))
            case "/":
                position += 1
                let name = try readName()
                guard name == section else { throw Unsupported() }
                if !(newLine && lineFinished()) { flushWhitespace() }
                return steps
            case "!":
                position += 1
                try skipComment()
                standalone = newLine && lineFinished()
            case "{":
                flushWhitespace()
                position += 1
                let name = try readName()
                guard !atEnd, current == "}" else { throw Unsupported() }
                position += 1
                steps.append(.variable(Self.name(name), escaped: false))
            case "&":
                flushWhitespace()
                position += 1
                steps.append(.variable(Self.name(try readName()), escaped: false))
            case "%":
                position += 1
                steps.append(.escaping(try readContentType()))
                standalone = newLine && lineFinished()
            case ">", "<", "$", "=":
                throw Unsupported()
            default:
                flushWhitespace()
                steps.append(.variable(Self.name(try readName()), escaped: true))
            }
            newLine = standalone
        }
        guard section == nil else { throw Unsupported() }
        return steps
    }

    static func name(_ text: String) -> CompiledTemplate.Name {
        CompiledTemplate.Name(components: text.split(separator: ".").map(String.init), topOnly: text.first == ".")
    }

    mutating func read(while test: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, test(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// `string` if it is next (and consumed); swift-mustache fails when fewer characters are left.
    mutating func read(_ string: String) throws -> Bool {
        let wanted = Array(string)
        guard characters.count - position >= wanted.count else { throw Unsupported() }
        guard characters[position..<(position + wanted.count)].elementsEqual(wanted) else { return false }
        position += wanted.count
        return true
    }

    /// Text up to a newline (not consumed) or up to and including `{{`.
    mutating func readUntilTagOrNewline() throws -> String {
        var text = ""
        while !atEnd {
            text += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != "{" })
            if current.isNewline { break }
            if current == "{" {
                if try read("{{") { break }
                text.append("{")
                position += 1
            }
        }
        return text
    }

    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")

    /// A tag's name and its closing `}}`; names with transforms (`f(x)`) are not rendered here.
    mutating func readName() throws -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: { Self.nameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard try read("}}") else { throw Unsupported() }
        guard !name.contains("("), !name.contains(")") else { throw Unsupported() }
        return name
    }

    /// Past the comment's `}}` (found as swift-mustache's `read(untilString:)` finds it).
    mutating func skipComment() throws {
        let until: [Character] = ["}", "}"]
        var matched = 0
        while !atEnd {
            if characters[position] == until[matched] {
                matched += 1
                if matched == until.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw Unsupported()
    }

    /// `{{% CONTENT_TYPE: NAME}}`: whether that content type escapes HTML.
    mutating func readContentType() throws -> Bool {
        let word = { (c: Character) in Self.nameCharacters.contains(c) && c != "(" && c != ")" }
        _ = read(while: \.isWhitespace)
        let variable = read(while: word)
        _ = read(while: \.isWhitespace)
        guard !atEnd, current == ":" else { throw Unsupported() }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = read(while: word)
        _ = read(while: \.isWhitespace)
        guard try read("}}"), variable == "CONTENT_TYPE" else { throw Unsupported() }
        switch value {
        case "HTML", ThemeEscaping.name: return true
        case "TEXT": return false
        default: throw Unsupported()
        }
    }

    /// Whether only spaces and tabs are left on the line; if so, they and the line break
    /// are consumed (swift-mustache's `hasLineFinished`).
    mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }
}
