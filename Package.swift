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
        .testTarget(name: "EscalationKitTests", dependencies: ["EscalationKit"]),
        .testTarget(name: "EscalationStoreTests", dependencies: ["EscalationStore", "EscalationKit"]),
    ],
    swiftLanguageModes: [.v6]
)
