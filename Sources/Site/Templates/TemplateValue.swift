import Diagnostics

/// A value a theme template can show: the context of a Mustache template, typed.
///
/// Truthiness follows swift-mustache, the engine that defines the theme format: in a section
/// `{{#name}}`, `false`, an empty list and a missing name are false; a list repeats the
/// section once per item (each item on top of the context stack); `true` renders it once;
/// anything else — text (even empty), a number, an object, HTML — renders it once with the
/// value on top of the stack. `{{name}}` shows text HTML-escaped, numbers in decimal and
/// flags as `true`/`false`.
enum TemplateValue: Sendable, Hashable {
    /// Text, escaped by `{{name}}` and shown as it is by `{{{name}}}`.
    case text(String)
    /// Ready-made HTML: shown as it is by `{{name}}` and `{{{name}}}` alike.
    case html(String)
    case flag(Bool)
    case number(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// `text`, or `false` when there is none (so that `{{#name}}` skips it).
    static func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .flag(false)
    }

    /// The value as swift-mustache takes it: `String`, `Bool`, `Int`, `[Any]`,
    /// `[String: Any]`. HTML becomes `html(index)`'s text, so that the caller can splice
    /// it in after rendering; `html` collects the pieces in order.
    func mustacheValue(html: inout [String], marker: (Int) -> String) -> Any {
        switch self {
        case let .text(s): return s
        case let .html(s):
            html.append(s)
            return marker(html.count - 1)
        case let .flag(b): return b
        case let .number(n): return n
        case let .list(items): return items.map { $0.mustacheValue(html: &html, marker: marker) }
        case let .object(fields): return fields.mapValues { $0.mustacheValue(html: &html, marker: marker) }
        }
    }

    /// Adds the value to `hash`: objects in key order, every value tagged with its kind,
    /// so `"1"` and `1`, or `[a, b]` and `[a] [b]`, differ. A page whose context did not
    /// change need not be rendered again.
    func combine(into hash: inout StableHash) {
        switch self {
        case let .text(s):
            hash.combine("s")
            hash.combine(s)
        case let .html(s):
            hash.combine("h")
            hash.combine(s)
        case let .flag(b): hash.combine(b ? "t" : "f")
        case let .number(n): hash.combine("i\(n)")
        case let .list(items):
            hash.combine("[\(items.count)")
            for item in items { item.combine(into: &hash) }
        case let .object(fields):
            hash.combine("{\(fields.count)")
            for key in fields.keys.sorted() {
                hash.combine(key)
                fields[key]!.combine(into: &hash)
            }
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    init(stringLiteral value: String) { self = .text(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    init(booleanLiteral value: Bool) { self = .flag(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    init(integerLiteral value: Int) { self = .number(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
