import ArgumentParser
import FlyingFox
import Foundation
import Site
import Verifier

/// `lemma serve`: build, serve `site/public` on localhost, rebuild when an article or the
/// theme changes, and reload the open page.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the site on localhost, rebuilding and reloading the page on every change.",
        discussion: """
            Watches articles/ and site/ (not site/public). A failed rebuild keeps serving the \
            last good site and prints why. Stop with Ctrl-C.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Port on 127.0.0.1.")
    var port: UInt16 = 8000

    @OptionGroup var verify: VerifyOptions

    /// Why `port` on 127.0.0.1 cannot be listened on (already taken, not allowed), or nil.
    static func portProblem(_ port: UInt16) -> String? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound != 0 else { return nil }
        let reason = errno == EADDRINUSE ? "is already in use (another lemma serve, or another server)" : String(cString: strerror(errno))
        return "port \(port) on 127.0.0.1 \(reason); pick another with --port, e.g. lemma serve --port \(port == 65535 ? 8001 : port + 1)"
    }

    func run() throws {
        // Find out before a whole build whether the port can be had.
        if let problem = Self.portProblem(port) {
            throw CommandFailure(problem)
        }
        let root = global.rootURL
        let publicDir = root.appendingPathComponent("site/public")
        let builder = SiteBuilder(session: SiteSession(root: root, quiet: false), destination: publicDir, options: verify)
        let version = BuildCounter()
        rebuild(builder, version)

        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        let files = StaticFiles(folder: publicDir)
        Task {
            await server.appendRoute("GET /__lemma/version") { _ in
                HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain"], body: Data("\(version.value)".utf8))
            }
            await server.appendRoute("GET *") { request in files.response(for: request.path) }
            do {
                try await server.run()
            } catch {
                FileHandle.standardError.write(Data("lemma: the server stopped: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        print("serving \(publicDir.path) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
        fflush(nil)

        var seen = Self.fingerprint(root)
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = Self.fingerprint(root)
            if now != seen {
                seen = now
                rebuild(builder, version)
            }
        }
    }

    private func rebuild(_ builder: SiteBuilder, _ version: BuildCounter) {
        do {
            let results = try builder.build()
            _ = builder.session.report(results)
            fflush(nil)
            version.increment()
        } catch {
            FileHandle.standardError.write(Data("lemma: build failed, still serving the previous site: \(error)\n".utf8))
        }
    }

    /// Names, sizes and modification times of everything under articles/ and site/ except
    /// site/public.
    static func fingerprint(_ root: URL) -> [String] {
        var entries: [String] = []
        for folder in ["articles", "site"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in walker {
                let path = url.path
                if path.contains("/site/public") || path.contains("/site/.public") { continue }
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                entries.append("\(path)|\(values?.fileSize ?? 0)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
            }
        }
        return entries.sorted()
    }
}

/// Counts successful builds; the page script reloads when the number changes.
final class BuildCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

/// Files of the built site, with `index.html` for folders, the site's 404 page for missing
/// files, and the live-reload script added to every HTML page.
struct StaticFiles: Sendable {
    let folder: URL

    static let reloadScript = """
        <script>(function(){var v=null;setInterval(function(){fetch("/__lemma/version").then(function(r){return r.text();}).then(function(t){if(v!==null&&t!==v){location.reload();}v=t;}).catch(function(){});},700);})();</script>
        """

    func response(for requestPath: String) -> HTTPResponse {
        var path = requestPath.removingPercentEncoding ?? requestPath
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.hasSuffix("/") { path += "index.html" }
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !parts.contains("..") else { return HTTPResponse(statusCode: .forbidden) }
        let exact = folder.appendingPathComponent(parts.joined(separator: "/"))
        // `/name` is the page `name.html`, as static hosts serve it.
        let candidates = parts.last?.contains(".") ?? true ? [exact] : [exact, exact.appendingPathExtension("html")]
        for url in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: url.path) {
                return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(url.pathExtension)], body: inject(data, url))
            }
        }
        let notFound = folder.appendingPathComponent("404.html")
        let body = FileManager.default.contents(atPath: notFound.path) ?? Data("not found".utf8)
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: inject(body, notFound))
    }

    private func inject(_ data: Data, _ url: URL) -> Data {
        guard url.pathExtension == "html", let html = String(data: data, encoding: .utf8),
              let end = html.range(of: "</body>", options: .backwards) else { return data }
        return Data((html[..<end.lowerBound] + Self.reloadScript + html[end.lowerBound...]).utf8)
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "woff2": "font/woff2"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }
}
