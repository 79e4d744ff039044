import Articles

/// Numbers the display equations that carry `\label{name}` (1, 2, … in order) and turns
/// inline `$\eqref{name}$` into a link "(n)" to that equation.
struct EquationNumbers {
    /// Label → number.
    private(set) var numbers: [String: Int] = [:]

    init(_ math: [MathSpan]) {
        var n = 0
        for span in math where span.isDisplay && Self.mentionsReference(span.tex) {
            if let label = Self.argument(of: "\\label", in: span.tex) {
                n += 1
                numbers[label] = n
            }
        }
    }

    /// The HTML for one formula.
    func render(_ span: MathSpan) -> String {
        // Most formulas have neither \\label nor \\eqref nor \\ref: skip the searches.
        guard Self.mentionsReference(span.tex) else { return MathHTML.render(span) }
        let tex = span.tex.trimmingCharacters(in: .whitespacesAndNewlines)
        if !span.isDisplay, let name = Self.argument(of: "\\eqref", in: tex) ?? Self.argument(of: "\\ref", in: tex),
           tex.hasPrefix("\\eqref") || tex.hasPrefix("\\ref") {
            guard let n = numbers[name] else {
                return "<span class=\"eqref missing\" title=\"no equation is labelled \(name.htmlEscaped)\">(?)</span>"
            }
            let text = tex.hasPrefix("\\eqref") ? "(\(n))" : "\(n)"
            return "<a class=\"eqref\" href=\"#eq-\(Slug.make(name).htmlEscaped)\">\(text)</a>"
        }
        if span.isDisplay, let name = Self.argument(of: "\\label", in: span.tex), let n = numbers[name] {
            let numbered = span.tex.replacingOccurrences(of: "\\label{\(name)}", with: "\\tag{\(n)}")
            return "<span class=\"math display\" id=\"eq-\(Slug.make(name).htmlEscaped)\">\(numbered.htmlEscaped)</span>"
        }
        return MathHTML.render(span)
    }

    /// Whether `tex` contains `\\label{`, `\\eqref{` or `\\ref{` (a byte scan).
    static func mentionsReference(_ tex: String) -> Bool {
        var found = false
        tex.utf8.withContiguousStorageIfAvailable { b in
            var i = 0
            while i < b.count, !found {
                if b[i] == UInt8(ascii: "\\") {
                    for word in referenceWords where i + 1 + word.count <= b.count {
                        if b[(i + 1)..<(i + 1 + word.count)].elementsEqual(word) { found = true }
                    }
                }
                i += 1
            }
        }
        return found
    }

    private static let referenceWords = [Array("label{".utf8), Array("eqref{".utf8), Array("ref{".utf8)]

    /// The braced argument of the first `command{...}` in `tex`.
    static func argument(of command: String, in tex: String) -> String? {
        guard let start = tex.range(of: command + "{") else { return nil }
        guard let end = tex[start.upperBound...].firstIndex(of: "}") else { return nil }
        return String(tex[start.upperBound..<end])
    }
}

import Foundation
