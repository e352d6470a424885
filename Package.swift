// swift-tools-version: 6.0
import PackageDescription

// `make test` builds the tests in release, beside the optimized code they test (one build for the
// tests and the shipped binary); the test code itself need not be optimized, and -O on it cost
// about half of their compile time (EndToEndTests: 46 s of 61 s).
let testSettings: [SwiftSetting] = [.unsafeFlags(["-Onone"], .when(configuration: .release))]

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
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Both already come with postgres-nio (see Package.resolved); named for the Delivery module.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The domain, pure: Foundation only, no I/O, "now" always a parameter.
        .target(name: "EscalationKit"),
        // Who is acting and when "now" is, and how a person writes a time (ISO 8601, checked).
        .target(name: "Invocation", dependencies: ["EscalationKit"]),
        // The sentences that tell people what a change did and who changed an escalation meanwhile.
        .target(name: "ChangeMessages", dependencies: ["EscalationKit"]),
        // Persistence only: the JSON store, its formats, journal, locking, recovery, watching, doctor.
        .target(name: "EscalationStore", dependencies: ["EscalationKit", "Invocation", "ChangeMessages"]),
        // The configuration files (routing rules, people, chains, board keys, themes) read into
        // policy and settings, only when no one untrusted can have written them.
        .target(
            name: "Configuration",
            dependencies: [
                "EscalationKit",
                "Invocation",
                "EscalationStore",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The PostgreSQL store: the same events in a database that enforces the trail (issue 12).
        .target(
            name: "PostgresStore",
            dependencies: [
                "EscalationKit",
                "Invocation",
                "ChangeMessages",
                "EscalationStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The ready-made HTTP deliveries (Slack, PagerDuty): a small HTTP/1.1 client on swift-nio, which
        // postgres-nio brings in already; not URLSession, which would link libcurl dynamically.
        .target(
            name: "Delivery",
            dependencies: [
                "EscalationKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // arc4random inside the binary, so the static libstdc++ asks no glibc newer than 2.35 (arc4random.c).
        .target(name: "CArc4Random"),
        // ncursesw through a module map; the shim header wraps what Swift cannot import (macros, wide-char helpers).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The board's brain, pure: state, actions, reducer, layout and views on an in-memory grid. No ncurses.
        .target(name: "Board", dependencies: ["EscalationKit"]),
        // The only module that touches ncurses: draws Board's grid, reads keys, restores the terminal.
        .target(name: "Terminal", dependencies: ["Board", "CNcurses"]),
        // A store-less board on an in-memory ledger: proves the run loop in tmux before the store is wired.
        .executableTarget(name: "board-preview", dependencies: ["Board", "Terminal", "EscalationKit"]),
        .executableTarget(
            name: "escalator",
            dependencies: [
                "EscalationKit",
                "Invocation",
                "Configuration",
                "EscalationStore",
                "PostgresStore",
                "Delivery",
                "Board",
                "Terminal",
                "CArc4Random",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helper: writes to, crashes in and watches a store from another process.
        .executableTarget(name: "store-torture", dependencies: ["EscalationKit", "Invocation", "EscalationStore"]),
        // The store benchmark (`swift run -c release store-bench [--large]`); not a test.
        .executableTarget(name: "store-bench", dependencies: ["EscalationKit", "Invocation", "EscalationStore"], path: "Benchmarks/store", exclude: ["README.md", "compare.sh", "compare-perf2.sh"]),
        // The PostgreSQL store at 1M escalations (`Benchmarks/postgres/run`): open view and one commit; not a test.
        .executableTarget(name: "pg-bench", dependencies: ["EscalationKit", "Invocation", "EscalationStore", "PostgresStore"], path: "Benchmarks/postgres", exclude: ["run"]),
        // The board benchmark (`swift run -c release board-bench`): reducer + render per key press; not a test.
        .executableTarget(name: "board-bench", dependencies: ["Board", "EscalationKit"], path: "Benchmarks/board", exclude: ["README.md"]),
        .testTarget(name: "EscalationKitTests", dependencies: ["EscalationKit"], swiftSettings: testSettings),
        .testTarget(name: "EscalationStoreTests", dependencies: ["EscalationStore", "EscalationKit", "Invocation", "store-torture"], swiftSettings: testSettings),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "EscalationStore", "EscalationKit", "Invocation"], swiftSettings: testSettings),
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "EscalationStore", "EscalationKit", "Invocation",
                                                            .product(name: "PostgresNIO", package: "postgres-nio")], swiftSettings: testSettings),
        .testTarget(name: "BoardTests", dependencies: ["Board", "EscalationKit", "Configuration"], exclude: ["Snapshots"], swiftSettings: testSettings),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Board", "board-preview", "escalator", "PostgresStore", "EscalationStore", "Invocation"], swiftSettings: testSettings),
        // The built `escalator` run as a user would, in temporary stores and in tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["escalator", "EscalationKit", "store-torture"], swiftSettings: testSettings),
        .testTarget(name: "DeliveryTests", dependencies: ["Delivery", "EscalationKit"], swiftSettings: testSettings),
    ],
    swiftLanguageModes: [.v6]
)

// Our modules name concrete generic types (a `[Category: CategoryRule]`, a `Set<String>`) through
// direct metadata accessors instead of mangled names in release: a mangled name is decoded at
// its first use, and each generic requirement it carries (`Category: Hashable`) is a scan of all
// 9,600 protocol conformances in the binary, about 20 of them in one `update` (issue 14).
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
    ]
}
