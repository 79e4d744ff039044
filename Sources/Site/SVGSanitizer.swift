/// Lets through only the SVG that ClaimKit's plots are made of, so a figure — text that a
/// claim program sent — cannot carry script or other raw HTML into a page.
///
/// The SVG is read as a sequence of tags and text. Allowed: the elements and attributes of
/// ``allowedElements`` and ``allowedAttributes``, attribute values without `<`, `>`,
/// `javascript:` or `url(`, text and the five predefined entities (text is escaped again on
/// the way out). Anything else — another element, an event handler attribute, a comment, a
/// CDATA section, a processing instruction, unbalanced tags — rejects the whole figure:
/// ``sanitize(_:)`` returns nil and the page shows a notice instead.
enum SVGSanitizer {
    static let allowedElements: Set<String> = [
        "svg", "g", "line", "polyline", "polygon", "path", "rect", "circle", "ellipse", "text", "tspan", "title",
    ]
    static let allowedAttributes: Set<String> = [
        "xmlns", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
        "points", "d", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity",
        "opacity", "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline", "transform",
        "role", "aria-label", "class", "shape-rendering", "preserveAspectRatio",
    ]

    /// The SVG rebuilt from its allowed parts, or nil when it holds anything else.
    static func sanitize(_ svg: String) -> String? {
        var out = ""
        var open: [String] = []
        var rootClosed = false
        var rest = Substring(svg)
        while !rest.isEmpty {
            guard let lt = rest.firstIndex(of: "<") else {
                guard let text = unescapedText(rest) else { return nil }
                out += text
                break
            }
            guard let text = unescapedText(rest[..<lt]) else { return nil }
            out += text
            rest = rest[lt...]
            guard let gt = rest.firstIndex(of: ">") else { return nil }
            var tag = rest[rest.index(after: rest.startIndex)..<gt]
            rest = rest[rest.index(after: gt)...]
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                guard open.last == name else { return nil }
                open.removeLast()
                rootClosed = open.isEmpty
                out += "</\(name)>"
                continue
            }
            let selfClosing = tag.hasSuffix("/")
            if selfClosing { tag = tag.dropLast() }
            guard let (name, attributes) = parseTag(tag), allowedElements.contains(name) else { return nil }
            if rootClosed || (name == "svg" ? !open.isEmpty : open.isEmpty) { return nil }  // one root svg
            out += "<\(name)"
            for (key, value) in attributes { out += " \(key)=\"\(value)\"" }
            out += selfClosing ? "/>" : ">"
            if !selfClosing { open.append(name) } else if open.isEmpty { rootClosed = true }
        }
        let afterRoot = out.reversed().prefix { $0 != ">" }
        return open.isEmpty && out.hasPrefix("<svg") && afterRoot.allSatisfy(\.isWhitespace) ? out : nil
    }

    /// `name a="1" b="2"` → the name and its allowed, checked attributes.
    private static func parseTag(_ tag: Substring) -> (String, [(String, String)])? {
        var rest = tag.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        let name = String(rest.prefix { $0.isLetter || $0.isNumber })
        guard !name.isEmpty else { return nil }
        rest = rest.dropFirst(name.count)
        var attributes: [(String, String)] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            if rest.isEmpty { break }
            let key = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" })
            guard !key.isEmpty, allowedAttributes.contains(key) else { return nil }
            rest = rest.dropFirst(key.count)
            guard rest.hasPrefix("=\"") else { return nil }
            rest = rest.dropFirst(2)
            guard let close = rest.firstIndex(of: "\"") else { return nil }
            let value = rest[..<close]
            let lower = value.lowercased()
            guard !value.contains("<"), !value.contains(">"), !lower.contains("javascript:"), !lower.contains("url("),
                let checked = unescapedText(value)
            else { return nil }
            attributes.append((key, checked))
            rest = rest[rest.index(after: close)...]
        }
        return (name, attributes)
    }

    /// Text with only the predefined entities, escaped again; nil for any other `&…;`.
    private static func unescapedText(_ text: Substring) -> String? {
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += escape(rest[..<amp])
            let tail = rest[amp...]
            guard let entity = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].first(where: { tail.hasPrefix($0) }) else {
                return nil
            }
            out += entity
            rest = tail.dropFirst(entity.count)
        }
        return out + escape(rest)
    }

    /// `& < > "` as entities (the apostrophe stays, as ClaimKit writes it).
    private static func escape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
