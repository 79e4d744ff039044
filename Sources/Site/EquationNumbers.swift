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

    /// The formula a span is typeset as: its TeX, with `\\label{name}` turned into
    /// `\\tag{n}`; nil for an inline `\\eqref`/`\\ref`, which becomes a link instead.
    func formula(for span: MathSpan) -> Formula? {
        guard Self.mentionsReference(span.tex) else { return Formula(tex: span.tex, display: span.isDisplay) }
        if reference(span) != nil { return nil }
        if span.isDisplay, let name = Self.argument(of: "\\label", in: span.tex), let n = numbers[name] {
            return Formula(tex: span.tex.replacingOccurrences(of: "\\label{\(name)}", with: "\\tag{\(n)}"), display: true)
        }
        return Formula(tex: span.tex, display: span.isDisplay)
    }

    /// The label an inline `\\eqref{name}` or `\\ref{name}` refers to, and whether it is `\\eqref`.
    private func reference(_ span: MathSpan) -> (name: String, parenthesised: Bool)? {
        guard !span.isDisplay, Self.mentionsReference(span.tex) else { return nil }
        let tex = span.tex.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !span.isDisplay, tex.hasPrefix("\\eqref") || tex.hasPrefix("\\ref"),
            let name = Self.argument(of: "\\eqref", in: tex) ?? Self.argument(of: "\\ref", in: tex)
        else { return nil }
        return (name, tex.hasPrefix("\\eqref"))
    }

    /// The HTML for one formula.
    func render(_ span: MathSpan, math: MathHTML) -> String {
        // Most formulas name no label: one scan decides.
        guard Self.mentionsReference(span.tex) else { return math.render(span) }
        if let (name, parenthesised) = reference(span) {
            guard let n = numbers[name] else {
                return "<span class=\"eqref missing\" title=\"no equation is labelled \(name.htmlEscaped)\">(?)</span>"
            }
            return "<a class=\"eqref\" href=\"#eq-\(Slug.make(name).htmlEscaped)\">\(parenthesised ? "(\(n))" : "\(n)")</a>"
        }
        guard let formula = formula(for: span) else { return math.render(span) }
        if span.isDisplay, Self.mentionsReference(span.tex), let name = Self.argument(of: "\\label", in: span.tex), numbers[name] != nil {
            return math.render(formula, id: "eq-\(Slug.make(name).htmlEscaped)")
        }
        return math.render(formula)
    }

    /// Whether `tex` contains `\\label{`, `\\eqref{` or `\\ref{` (a byte scan).
    static func mentionsReference(_ tex: String) -> Bool {
        var tex = tex
        return tex.withUTF8 { b in
            var i = 0
            while i + 4 < b.count {
                if b[i] == UInt8(ascii: "\\") {
                    for word in referenceWords where i + 1 + word.count <= b.count {
                        var k = 0
                        while k < word.count, b[i + 1 + k] == word[k] { k += 1 }
                        if k == word.count { return true }
                    }
                }
                i += 1
            }
            return false
        }
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
