import Diagnostics

/// A digest of a template context — the values a Mustache template can show (strings,
/// numbers, booleans, arrays and dictionaries of them, nested) — so that a page whose
/// context did not change need not be rendered again. Dictionaries count in key order;
/// every value is tagged with its kind, so `"1"` and `1`, or `[a, b]` and `[a] [b]`, differ.
enum ContextDigest {
    static func combine(_ value: Any, into hash: inout StableHash) {
        switch value {
        case let s as String:
            hash.combine("s")
            hash.combine(s)
        case let b as Bool:
            hash.combine(b ? "t" : "f")
        case let n as Int:
            hash.combine("i\(n)")
        case let d as Double:
            hash.combine("d\(d.bitPattern)")
        case let list as [Any]:
            hash.combine("[\(list.count)")
            for item in list { combine(item, into: &hash) }
        case let dictionary as [String: Any]:
            hash.combine("{\(dictionary.count)")
            for key in dictionary.keys.sorted() {
                hash.combine(key)
                combine(dictionary[key]!, into: &hash)
            }
        default:
            // Anything else is described; a value without a stable description would only
            // make the page render again.
            hash.combine("?")
            hash.combine(String(describing: value))
        }
    }
}
