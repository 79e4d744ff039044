import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct NewArticleTests {
    @Test func newWritesAVerifiableArticleAndNeverOverwrites() throws {
        let site = try TemporarySite([:])
        defer { site.remove() }
        let first = try site.lemma(["new", "Rotations: a first look"])
        #expect(first.status == 0)
        #expect(first.stdout == "articles/rotations-a-first-look.md\n")
        let text = try String(contentsOf: site.root.appendingPathComponent("articles/rotations-a-first-look.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Rotations: a first look\"\n"))
        let check = try site.lemma(["check", "--quiet"])
        #expect(check.stdout == "1 passed, 0 failed\n")
        let again = try site.lemma(["new", "Rotations: a first look"])
        #expect(again.status == 1)
        #expect(again.stderr == "lemma: articles/rotations-a-first-look.md already exists; choose another title or edit that file\n")
    }
}

@Suite struct ServeTests {
    /// GETs `path` from 127.0.0.1:`port` over a plain socket (HTTP/1.1, `Connection:
    /// close`); nil when nothing answers within 5 s.
    func fetch(_ port: Int, _ path: String) -> (status: Int, body: String)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n"),
              let status = Int(text.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return (status, String(text[headerEnd.upperBound...]))
    }

    /// A busy port is reported at once, before any build, with a way out.
    @Test func aBusyPortIsNamedBeforeBuilding() throws {
        let site = try TemporarySite(["a.md": "---\ntitle: A\n---\n```swift check\ncheck(true)\n```\n"])
        defer { site.remove() }
        let port = UInt16(19_000 + Int(getpid() % 1000))
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(fd, 1) == 0)
        let run = try site.lemma(["serve", "--port", "\(port)"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("port \(port) on 127.0.0.1 is already in use"))
        #expect(run.stderr.contains("--port"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site/public").path))
    }

    @Test(.timeLimit(.minutes(3)))
    func servesRebuildsOnChangeAndInjectsReload() throws {
        let site = try TemporarySite(["a.md": "---\ntitle: First title\n---\n```swift check\ncheck(true, \"a\")\n```\n"])
        defer { site.remove() }
        let port = 18_000 + Int(getpid() % 1000)
        let executable = try TemporarySite.lemmaExecutable()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--root", site.root.path, "serve", "--port", "\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            for _ in 0..<20 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        var version: String?
        for _ in 0..<60 where version == nil {  // up to 30 s for the first build
            Thread.sleep(forTimeInterval: 0.5)
            version = fetch(port, "/__lemma/version")?.body
        }
        #expect(version == "1")
        let page = fetch(port, "/a.html")
        #expect(page?.status == 200)
        #expect(page?.body.contains("First title") == true)
        #expect(page?.body.contains("/__lemma/version") == true)
        #expect(fetch(port, "/missing.html")?.status == 404)
        #expect(fetch(port, "/a")?.body.contains("First title") == true)  // as a static host serves it
        #expect(fetch(port, "/missing")?.status == 404)

        try Data("---\ntitle: Second title\n---\n".utf8).write(to: site.root.appendingPathComponent("articles/a.md"))
        var rebuilt = false
        for _ in 0..<60 where !rebuilt {
            Thread.sleep(forTimeInterval: 0.5)
            rebuilt = fetch(port, "/__lemma/version")?.body == "2"
        }
        #expect(rebuilt)
        #expect(fetch(port, "/a.html")?.body.contains("Second title") == true)
    }
}
