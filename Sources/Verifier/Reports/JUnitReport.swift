import Diagnostics

/// `lemma check --junit FILE`: JUnit XML with one test suite per article and one test case
/// per claim, named `article:line label`; article-level errors (a compile error) are a
/// test case of their own.
public enum JUnitReport {
    public static func make(_ results: [ArticleResult]) -> String {
        let summary = Summary(results)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let errored = summary.withoutVerdict + summary.errors
        xml += "<testsuites name=\"lemma\" tests=\"\(summary.passed + summary.failed + errored)\" "
        xml += "failures=\"\(summary.failed)\" errors=\"\(errored)\">\n"
        for r in results {
            let articleErrors = r.diagnostics.filter { $0.severity == .error }
            xml += "  <testsuite name=\"\(escape(r.path))\" tests=\"\(r.claims.count + articleErrors.count)\" "
            xml += "failures=\"\(r.failed)\" errors=\"\(r.withoutVerdict + articleErrors.count)\" time=\"\(r.seconds)\">\n"
            for c in r.claims {
                let name = "\(r.path):\(c.line)" + (c.label.isEmpty ? "" : " \(c.label)")
                xml += "    <testcase classname=\"\(escape(r.path))\" name=\"\(escape(name))\" time=\"\(c.seconds ?? 0)\""
                switch c.status {
                case .pass:
                    xml += "/>\n"
                case .fail:
                    xml += ">\n      <failure message=\"\(escape(c.detail ?? "failed"))\">\(escape(failureText(c)))</failure>\n    </testcase>\n"
                case .error, .timeout:
                    xml += ">\n      <error type=\"\(c.status.rawValue)\" message=\"\(escape(c.detail ?? c.status.rawValue))\"/>\n    </testcase>\n"
                }
            }
            for d in articleErrors {
                xml += "    <testcase classname=\"\(escape(r.path))\" name=\"\(escape("\(r.path):\(d.location.line) \(d.id)"))\">\n"
                xml += "      <error type=\"\(escape(d.id))\" message=\"\(escape(d.summary))\">\(escape(d.description))</error>\n    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func failureText(_ c: ClaimRecord) -> String {
        var lines: [String] = []
        if let actual = c.actual { lines.append("actual: \(actual)") }
        if let expected = c.expected { lines.append("expected: \(expected)") }
        if let detail = c.detail { lines.append(detail) }
        return lines.joined(separator: "\n")
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": out += "?"  // not allowed in XML 1.0
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
