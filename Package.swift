// swift-tools-version:6.0
// Lemma: Markdown math articles whose claims are checked by running Swift code.
import PackageDescription

let package = Package(
    name: "Lemma",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lemma", targets: ["lemma"]),
        // Claim programs link this dynamic library (ClaimKit re-exports Models, Learning and LinearAlgebra).
        .library(name: "ClaimKit", type: .dynamic, targets: ["ClaimKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", .upToNextMinor(from: "0.27.1")),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        // `swift package generate-documentation`: the API reference for claim authors (make api).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian packages.
        .systemLibrary(
            name: "CCMark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(
            name: "CLAPACK", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        // Vector kernels in C (AVX2/FMA variants chosen at load time).
        .target(
            name: "CKernels", path: "Sources/CKernels", cSettings: [.unsafeFlags(["-O3"])]),

        // Shared vocabulary: source locations, diagnostics, the claim-record wire format.
        .target(name: "Diagnostics"),
        // `map` over all cores, for the document side's independent work.
        .target(name: "Parallelism"),

        // The `math identity` block format: a TeX subset and `where` domains, read (not evaluated).
        .target(name: "Identities"),

        // Numeric side: LinearAlgebra → Learning → Models → ClaimKit.
        .target(
            name: "LinearAlgebra",
            dependencies: ["CLAPACK", "CKernels", .product(name: "Numerics", package: "swift-numerics")]),
        .target(
            name: "Learning",
            dependencies: ["LinearAlgebra", .product(name: "Numerics", package: "swift-numerics")]),
        .target(name: "Models", dependencies: ["Learning", "LinearAlgebra"]),
        .target(name: "ClaimKit", dependencies: ["Models", "Learning", "LinearAlgebra", "Diagnostics", "Identities"]),

        // Document side: Articles → Verifier → Site → lemma.
        .target(name: "Articles", dependencies: ["CCMark", "Diagnostics", "Identities", "Parallelism", "Yams"]),
        .target(
            name: "Verifier",
            dependencies: [
                "Articles", "Diagnostics", "Identities", "Parallelism",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]),
        .target(
            name: "Site",
            dependencies: [
                "Verifier", "Articles", "Diagnostics", "Identities", "Parallelism", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]),
        .executableTarget(
            name: "lemma",
            dependencies: [
                "Site", "Verifier", "Articles", "Diagnostics", "Parallelism",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]),

        // Benchmarks (run through Benchmarks/*.py, built in release mode).
        .executableTarget(
            name: "LinearAlgebraBenchmark", dependencies: ["LinearAlgebra"],
            path: "Benchmarks/LinearAlgebraBenchmark"),
        .executableTarget(
            name: "AttentionBenchmark", dependencies: ["Models", "LinearAlgebra"],
            path: "Benchmarks/AttentionBenchmark"),
        .executableTarget(
            name: "TrainingBenchmark", dependencies: ["Learning", "LinearAlgebra"],
            path: "Benchmarks/TrainingBenchmark"),
        .executableTarget(
            name: "SiteBenchmark", dependencies: ["Site", "Articles", "Parallelism"],
            path: "Benchmarks/SiteBenchmark"),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "IdentitiesTests", dependencies: ["Identities"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models"]),
        .testTarget(name: "ClaimKitTests", dependencies: ["ClaimKit"]),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles"], exclude: ["Fixtures"]),
        .testTarget(name: "VerifierTests", dependencies: ["Verifier"]),
        .testTarget(
            name: "SiteTests", dependencies: ["Site", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["Verifier", "Site", "Articles"],
            exclude: ["Fixtures"]),
    ]
)
