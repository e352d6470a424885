#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The two stores every command must behave the same on: a JSON directory, and a PostgreSQL
/// database in the private cluster `make test` starts (ESCALATOR_TEST_PG).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case directory
    case postgresql

    var testDescription: String { rawValue }

    /// Why this backend cannot run here, or nil.
    var unavailable: String? {
        self == .postgresql && PostgresCluster.uri == nil ? "ESCALATOR_TEST_PG is not set: run through `make test` (or .ci/postgres)" : nil
    }
}

/// A fresh, initialised store of one backend, with a CLI pointed at it.
struct BackendStore {
    let backend: Backend
    var cli: CLI
    /// What names the store: the directory's path, or the URI.
    let name: String

    /// Makes the store. A PostgreSQL one is used as the login named like this process's OS user, a
    /// member of escalator_writer, so the events record the same login on both stores.
    init(_ backend: Backend) throws {
        self.backend = backend
        cli = CLI()
        switch backend {
        case .directory:
            name = cli.store.path
        case .postgresql:
            let uri = try PostgresCluster.database()
            let made = try cli.run("init", "--store", uri)
            guard made.code == 0 else { throw CLI.Failed(message: "init failed: \(made.err)") }
            PostgresCluster.ensureLogin(PostgresCluster.osLogin)
            name = uri.replacingOccurrences(of: "user=postgres", with: "user=\(PostgresCluster.osLogin)")
            cli.extraEnvironment["ESCALATOR_STORE"] = name
        }
        if backend == .directory {
            let made = try cli.run("init")
            guard made.code == 0 else { throw CLI.Failed(message: "init failed: \(made.err)") }
        }
    }

    /// The same store as another PostgreSQL login.
    func uri(as login: String) -> String {
        name.replacingOccurrences(of: "user=\(PostgresCluster.osLogin)", with: "user=\(login)")
    }

    func remove() {
        if backend == .postgresql {
            PostgresCluster.psql("DROP DATABASE IF EXISTS \(PostgresCluster.name(name)) WITH (FORCE)")
        }
        cli.remove()
    }
}

extension PostgresCluster {
    /// This process's OS login, as the directory store records it.
    static let osLogin: String = {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "root" }
        return String(cString: name)
    }()

    private static let roles = NSLock()

    /// A LOGIN role `name`, member of escalator_writer (roles are the cluster's: made once, kept).
    static func ensureLogin(_ name: String, group: String = "escalator_writer") {
        roles.withLock {
            psql(in: uri!, """
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(name)') THEN CREATE ROLE "\(name)" LOGIN; END IF;
                    IF NOT pg_has_role('\(name)', '\(group)', 'MEMBER') THEN GRANT \(group) TO "\(name)"; END IF;
                END $$
                """)
        }
    }

    /// Runs SQL in the database the URI names, as the cluster's superuser; returns psql's unaligned output.
    @discardableResult
    static func psql(in uri: String, _ statement: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psqlPath)
        let database = uri.replacingOccurrences(of: "user=\(osLogin)", with: "user=postgres")
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", database, "-c", statement]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try? process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
