import Foundation
import Testing

/// `escalator init --store postgresql://…` against the private cluster `make test` starts.
@Suite(.enabled(if: PostgresCluster.uri != nil, "ESCALATOR_TEST_PG is not set: run through `make test` (or .ci/postgres) to test against a private PostgreSQL cluster"))
struct PostgresInitTests {
    @Test func initCreatesTheSchemaThenSaysItExists() throws {
        let cli = CLI(); defer { cli.remove() }
        let uri = try PostgresCluster.database()
        defer { PostgresCluster.psql("DROP DATABASE IF EXISTS \(PostgresCluster.name(uri)) WITH (FORCE)") }
        let first = try cli.run("init", "--store", uri)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.contains("Created a store in postgresql://"))
        #expect(first.out.contains("escalator_reader") && first.out.contains("escalator_writer"))
        let second = try cli.run("init", "--store", uri)
        #expect(second.code == 65)
        #expect(second.err.contains("already exists"), "\(second.err)")
    }

    @Test func aLoginWithoutTheRightIsRefusedWithExit77() throws {
        let cli = CLI(); defer { cli.remove() }
        let uri = try PostgresCluster.database()
        let role = "pgnobody_" + UUID().uuidString.prefix(6).lowercased()
        PostgresCluster.psql("CREATE ROLE \(role) LOGIN")
        defer {
            PostgresCluster.psql("DROP DATABASE IF EXISTS \(PostgresCluster.name(uri)) WITH (FORCE)")
            PostgresCluster.psql("DROP ROLE IF EXISTS \(role)")
        }
        let result = try cli.run("init", "--store", uri.replacingOccurrences(of: "user=postgres", with: "user=\(role)"))
        #expect(result.code == 77, "\(result.err)")
        #expect(result.err.contains("permission denied"), "\(result.err)")
    }

    @Test func anUnreachableServerIsExit69WithoutThePassword() throws {
        let cli = CLI(); defer { cli.remove() }
        let result = try cli.run("init", "--store", "postgresql://alice:hunter2secret@/db?host=\(cli.root.path)")
        #expect(result.code == 69, "\(result.err)")
        #expect(result.err.contains(cli.root.path + "/.s.PGSQL.5432"), "\(result.err)")
        #expect(!result.err.contains("hunter2secret") && !result.out.contains("hunter2secret"))
    }
}

/// The cluster's URI and psql, for making and dropping databases around a test.
enum PostgresCluster {
    static let uri = ProcessInfo.processInfo.environment["ESCALATOR_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    static let psqlPath = (ProcessInfo.processInfo.environment["ESCALATOR_TEST_PG_BIN"] ?? "/usr/bin") + "/psql"

    /// A new database; returns its URI (the cluster's, with the database name replaced).
    static func database() throws -> String {
        let name = "pgtest_" + UUID().uuidString.prefix(8).lowercased()
        psql("CREATE DATABASE \(name)")
        return uri!.replacingOccurrences(of: "postgresql:///postgres?", with: "postgresql:///\(name)?")
    }

    static func name(_ uri: String) -> String {
        String(uri.dropFirst("postgresql:///".count).prefix { $0 != "?" })
    }

    static func psql(_ statement: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psqlPath)
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", uri!, "-c", statement]
        process.standardOutput = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }
}
