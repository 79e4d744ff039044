import Diagnostics
import Foundation

/// Where the built ClaimKit library lives and how `swiftc` compiles a claim program
/// against it.
///
/// Claim programs link the `libClaimKit` of the same build that produced the running
/// `lemma` (or test runner): its folder holds the library and `Modules/`. The C module
/// maps that the Swift modules refer to (CLAPACK, swift-numerics' shims) are found in this
/// package's sources and in the build's package checkouts.
public struct ClaimLibrary: Sendable, Hashable {
    /// Folder with `libClaimKit.so` and `Modules/`.
    public var libraryDirectory: URL
    /// `module.modulemap` files of the C modules that ClaimKit's dependencies import.
    public var moduleMaps: [URL]
    /// The compiler.
    public var swiftc: URL

    public init(libraryDirectory: URL, moduleMaps: [URL], swiftc: URL) {
        self.libraryDirectory = libraryDirectory
        self.moduleMaps = moduleMaps
        self.swiftc = swiftc
    }

    /// Finds the library claim programs link: the folder named by `LEMMA_LIBRARY_DIR`, else
    /// the optimized build beside a debug `lemma` (`.build/release` next to `.build/debug`,
    /// when it is at least as new as the debug library), else the folder of the running
    /// executable (a release build, or an installed `lemma` in `PREFIX/lib/lemma`).
    ///
    /// Claim programs do their work in the library, so its build mode is what decides how
    /// fast they run: a training step measured 24–52× slower against a debug build.
    ///
    /// - Throws: a ``VerifierError`` that says how to build the library when it is missing.
    public static func locate() throws -> ClaimLibrary {
        let environment = ProcessInfo.processInfo.environment
        let directory: URL
        if let override = environment["LEMMA_LIBRARY_DIR"] {
            directory = URL(fileURLWithPath: override)
        } else {
            directory = preferredDirectory(beside: executableDirectory())
        }
        let library = directory.appendingPathComponent(libraryFileName)
        guard FileManager.default.fileExists(atPath: library.path) else {
            throw VerifierError.libraryMissing(directory.path)
        }
        return ClaimLibrary(
            libraryDirectory: directory,
            moduleMaps: cModuleMaps(buildDirectory: directory),
            swiftc: try findSwiftc(environment))
    }

    /// `…/release` when `executable` is a `…/debug` build folder whose sibling release
    /// folder holds a library at least as new as the debug one; else `executable` itself.
    static func preferredDirectory(beside executable: URL) -> URL {
        guard executable.lastPathComponent == "debug" || executable.path.hasSuffix("/debug") else { return executable }
        let release = executable.deletingLastPathComponent().appendingPathComponent("release")
        let fm = FileManager.default
        func modified(_ folder: URL) -> Date? {
            (try? fm.attributesOfItem(atPath: folder.appendingPathComponent(libraryFileName).resolvingSymlinksInPath().path))?[
                .modificationDate] as? Date
        }
        guard let optimized = modified(release) else { return executable }
        if let debug = modified(executable), debug > optimized { return executable }
        return release
    }

    /// The `swiftc` arguments that compile `source` into `output` against ClaimKit:
    /// unoptimized (the work happens in the library) and with line tables (`-gline-tables-only`),
    /// so a crash's backtrace names the article line that trapped.
    func arguments(sources: [String], output: String) -> [String] {
        var args = [
            "-swift-version", "5", "-diagnostic-style", "llvm", "-gline-tables-only",
            "-I", libraryDirectory.appendingPathComponent("Modules").path,
            "-L", libraryDirectory.path, "-lClaimKit",
            "-Xlinker", "-rpath", "-Xlinker", libraryDirectory.path,
        ]
        for map in moduleMaps { args += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        return args + sources + ["-o", output]
    }

    /// Changes whenever the library is rebuilt.
    var fingerprint: String {
        VerificationCache.fingerprint(of: libraryDirectory.appendingPathComponent(Self.libraryFileName))
    }

    static var libraryFileName: String {
        #if os(macOS)
        "libClaimKit.dylib"
        #else
        "libClaimKit.so"
        #endif
    }

    /// The folder of the running executable (for a test runner, the build folder that
    /// holds its bundle): where the `lemma` of the same build is.
    public static func executableDirectory() -> URL {
        let path = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = path.resolvingSymlinksInPath().deletingLastPathComponent()
        // Test bundles on macOS sit one level deeper than executables.
        if directory.path.contains(".xctest/") {
            while directory.pathExtension != "xctest", directory.path != "/" {
                directory.deleteLastPathComponent()
            }
            directory.deleteLastPathComponent()
        }
        return directory
    }

    /// The C module maps the library's modules refer to: those installed beside it
    /// (`include/*/module.modulemap`, see `make install`), else this package's own (from the
    /// path this file was compiled at) and those of the package checkouts of the build that
    /// holds `buildDirectory`.
    private static func cModuleMaps(buildDirectory: URL) -> [URL] {
        let fm = FileManager.default
        let include = buildDirectory.appendingPathComponent("include")
        let installed = ((try? fm.contentsOfDirectory(atPath: include.path)) ?? []).sorted().map {
            include.appendingPathComponent($0).appendingPathComponent("module.modulemap")
        }.filter { fm.fileExists(atPath: $0.path) }
        if !installed.isEmpty { return installed }
        var maps: [URL] = []
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for own in ["Sources/CLAPACK/module.modulemap", "Sources/CKernels/include/module.modulemap"] {
            let map = packageRoot.appendingPathComponent(own)
            if fm.fileExists(atPath: map.path) { maps.append(map) }
        }

        // The scratch folder (.build, .build-x) is the nearest ancestor with `checkouts/`.
        var scratch = buildDirectory
        while scratch.path != "/" {
            let checkouts = scratch.appendingPathComponent("checkouts")
            if fm.fileExists(atPath: checkouts.path) {
                let shim = checkouts.appendingPathComponent(
                    "swift-numerics/Sources/_NumericsShims/include/module.modulemap")
                if fm.fileExists(atPath: shim.path) { maps.append(shim) }
                break
            }
            scratch.deleteLastPathComponent()
        }
        return maps
    }

    private static func findSwiftc(_ environment: [String: String]) throws -> URL {
        if let explicit = environment["SWIFTC"] { return URL(fileURLWithPath: explicit) }
        let candidates = (environment["PATH"] ?? "").split(separator: ":").map {
            URL(fileURLWithPath: String($0)).appendingPathComponent("swiftc")
        } + [URL(fileURLWithPath: "/opt/swift/usr/bin/swiftc"), URL(fileURLWithPath: "/usr/bin/swiftc")]
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw VerifierError.compilerMissing
    }
}
