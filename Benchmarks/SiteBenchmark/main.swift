// Renders a folder of Markdown articles to HTML pages in memory (no verification: every
// article counts as unverified) and prints the seconds it took, for Benchmarks/site_render.py.
//
//     SiteBenchmark DIR [REPEATS] [--parse-only]
//
// `--parse-only` reads and parses once and prints wall and process CPU seconds (the
// parse stage alone, to see how much of a render it is).
import Articles
import Foundation
import Parallelism
import Site

AllocatorSettings.applyForBuilds()  // as lemma does
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: SiteBenchmark DIR [REPEATS]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
let renderer = try SiteRenderer()
if arguments.contains("--parse-only") {
    let start = Date()
    let articles = ArticleCatalog.loadAll(names, root: folder)
    let cpu = clock()
    withExtendedLifetime(articles) { print("parse only: \(Date().timeIntervalSince(start)) s wall, \(Double(cpu) / Double(CLOCKS_PER_SEC)) s CPU (process)") }
    exit(0)
}

var times: [(total: Double, parse: Double)] = []
var bytes = 0
for _ in 0..<repeats {
    let start = Date()
    let articles = ArticleCatalog.loadAll(names, root: folder)
    let parsed = Date()
    let output = try renderer.site(articles, results: [])
    bytes = output.pages.values.reduce(0) { $0 + $1.utf8.count }
    // The clock stops before the articles and pages are freed (ARC may free them right
    // after their last use): a build keeps them until its pages are written.
    withExtendedLifetime((articles, output)) {
        times.append((Date().timeIntervalSince(start), parsed.timeIntervalSince(start)))
    }
}
times.sort { $0.total < $1.total }
let median = times[times.count / 2]
print("{\"articles\": \(names.count), \"seconds\": \(median.total), \"parse\": \(median.parse), \"bytes\": \(bytes)}")
