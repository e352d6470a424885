import EscalationKit
import EscalationStore
import Foundation
import Logging
import PostgresNIO
import Testing
@testable import PostgresStore
import Invocation

/// The private cluster `make test` starts (.ci/postgres), named by ESCALATOR_TEST_PG; each test
/// gets a database of its own, dropped afterwards. Without the variable the PostgreSQL tests skip.
enum TestCluster {
    static let uri = ProcessInfo.processInfo.environment["ESCALATOR_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    static var available: Bool { uri != nil }
    static let skipReason: Comment = "ESCALATOR_TEST_PG is not set: run through `make test` (or .ci/postgres) to test against a private PostgreSQL cluster"

    /// The superuser the cluster was made with.
    static var admin: ConnectionName {
        try! ConnectionName.parse(uri!, environment: [:], passwordFile: PasswordFile(path: "/nonexistent"))
    }

    static let logger = Logger(label: "pgtest", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Roles are the cluster's, shared by every database: creating them races between tests.
    static let initLock = NSLock()

    /// Runs SQL as `name` and returns the rows' first columns as text (nil for NULL).
    @discardableResult
    static func sql(_ name: ConnectionName, _ statements: String...) throws -> [[String?]] {
        let connection = try PostgresStore.connect(name)
        defer { try? connection.close().wait() }
        var result: [[String?]] = []
        for statement in statements {
            result = []
            for row in try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait() {
                result.append(try row.map { cell in try text(cell) })
            }
        }
        return result
    }

    /// A cell as text, whatever its type's binary format.
    static func text(_ cell: PostgresCell) throws -> String? {
        guard cell.bytes != nil else { return nil }
        switch cell.dataType {
        case .int2, .int4, .int8: return String(try cell.decode(Int.self))
        case .bool: return String(try cell.decode(Bool.self))
        default: return try cell.decode(String.self)
        }
    }

    /// A database of its own, with or without the store's schema.
    static func database(initialised: Bool = true) throws -> TestDatabase {
        let database = "pgtest_" + UUID().uuidString.prefix(8).lowercased()
        try sql(admin, "CREATE DATABASE \(database)")
        var name = admin
        name.database = database
        let test = TestDatabase(name: name)
        if initialised {
            try initLock.withLock { _ = try PostgresStore.create(name, policy: .standard) }
        }
        return test
    }
}

struct TestDatabase {
    let name: ConnectionName

    /// The same database as another (LOGIN) role; trust authentication on the private socket.
    func `as`(_ user: String) -> ConnectionName {
        var other = name
        other.user = user
        return other
    }

    /// Creates a LOGIN role in `group` (escalator_reader or escalator_writer) for this test.
    func login(_ prefix: String, in group: String?) throws -> ConnectionName {
        let role = "pg\(prefix)_" + UUID().uuidString.prefix(6).lowercased()
        try TestCluster.sql(TestCluster.admin, "CREATE ROLE \(role) LOGIN" + (group.map { " IN ROLE \($0)" } ?? ""))
        roles.append(role)
        return self.as(role)
    }

    private let box = Roles()
    private var roles: [String] {
        get { box.names }
        nonmutating set { box.names = newValue }
    }

    func drop() {
        _ = try? TestCluster.sql(TestCluster.admin, "DROP DATABASE IF EXISTS \(name.database) WITH (FORCE)")
        for role in roles { _ = try? TestCluster.sql(TestCluster.admin, "DROP ROLE IF EXISTS \(role)") }
    }

    func open(_ connection: ConnectionName? = nil, focus: Set<EscalationID>? = nil) throws(StoreError) -> PostgresStore {
        try PostgresStore.open(connection ?? name, policy: .standard, focus: focus)
    }
}

private final class Roles: @unchecked Sendable {
    var names: [String] = []
}

enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_773_133_200) // 2026-03-10T09:00:00Z

    static func draft(_ title: String = "Export truncates at 10k rows") -> Draft {
        Draft(title: title, account: Account(name: "Acme Corp", arr: Money(85_000)), category: .productDefect, severity: .high, team: "engineering")
    }

    static func context(_ actor: String = "alice", _ offset: TimeInterval = 0) -> Context {
        Context(actor: actor, now: t0.addingTimeInterval(offset))
    }
}
