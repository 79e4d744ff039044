import ArgumentParser
import Foundation
import Site

/// `lemma new "Title"`: a new article from a template.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new article, articles/<slug>.md, from a template.",
        discussion: "The file name comes from the title. An existing file is never overwritten.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article's title.")
    var title: String

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty") }
    }

    func run() throws {
        let folder = global.rootURL.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = "articles/\(Slug.make(title)).md"
        let url = global.rootURL.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure("\(path) already exists; choose another title or edit that file")
        }
        try Data(Self.template(title: title, date: Self.today()).utf8).write(to: url, options: .withoutOverwriting)
        print(path)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    static func template(title: String, date: String) -> String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
            ---
            title: \(quoted)
            date: \(date)
            tags: []
            summary: One sentence on what this article shows.
            ---

            State the claim in words and in math, for example that the trace of a rotation by
            $\\theta$ in one plane of $\\mathbb{R}^n$ is $n - 2 + 2\\cos\\theta$.

            ```swift check
            let theta = 0.3
            let r = Matrix([[cos(theta), -sin(theta), 0], [sin(theta), cos(theta), 0], [0, 0, 1]])
            expectClose(r.trace, 1 + 2 * cos(theta), tolerance: 1e-12, "trace of a rotation")
            ```

            Run `lemma check` to verify, `lemma serve` to see the page.

            """
    }
}
