// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Escalator",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "escalator", targets: ["escalator"]),
        .library(name: "EscalationKit", targets: ["EscalationKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The domain, pure: Foundation only, no I/O, "now" always a parameter.
        .target(name: "EscalationKit"),
        // Persistence: the JSON store, locking, recovery, change watching, configuration files.
        .target(
            name: "EscalationStore",
            dependencies: [
                "EscalationKit",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "escalator",
            dependencies: [
                "EscalationKit",
                "EscalationStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helper: writes to, crashes in and watches a store from another process.
        .executableTarget(name: "store-torture", dependencies: ["EscalationKit", "EscalationStore"]),
        // The store benchmark (`swift run -c release store-bench [--large]`); not a test.
        .executableTarget(name: "store-bench", dependencies: ["EscalationKit", "EscalationStore"], path: "Benchmarks/store", exclude: ["README.md", "compare.sh"]),
        .testTarget(name: "EscalationKitTests", dependencies: ["EscalationKit"]),
        .testTarget(name: "EscalationStoreTests", dependencies: ["EscalationStore", "EscalationKit", "store-torture"]),
        // The built `escalator` run as a user would, in temporary stores.
        .testTarget(name: "EndToEndTests", dependencies: ["escalator", "EscalationKit"]),
    ],
    swiftLanguageModes: [.v6]
)
