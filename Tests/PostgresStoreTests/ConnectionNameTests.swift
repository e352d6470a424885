import Foundation
import Testing
@testable import PostgresStore

/// Store names read as libpq reads them: the URI first, then PG* variables, then libpq's
/// defaults, and the password file last; the password in no description.
@Suite struct ConnectionNameTests {
    let noFile = PasswordFile(path: "/nonexistent/.pgpass")

    func parse(_ uri: String, _ environment: [String: String] = [:], file: PasswordFile? = nil) throws -> ConnectionName {
        try ConnectionName.parse(uri, environment: environment, osUser: "osuser", passwordFile: file ?? noFile)
    }

    @Test func aFullURIGivesEveryPart() throws {
        let name = try parse("postgresql://alice:s3cret@db.example.com:6543/escalations?sslmode=require")
        #expect(name.user == "alice")
        #expect(name.password == "s3cret")
        #expect(name.host == "db.example.com")
        #expect(name.port == 6543)
        #expect(name.database == "escalations")
        #expect(name.sslMode == .require)
        #expect(!name.isUnixSocket)
    }

    @Test func bothSchemesAreAccepted() throws {
        #expect(try parse("postgres://bob@h/d").user == "bob")
        #expect(ConnectionName.isURI("postgres://h"))
        #expect(ConnectionName.isURI("postgresql://h"))
        #expect(!ConnectionName.isURI("/var/lib/escalator"))
        #expect(throws: ConnectionName.Problem.self) { try parse("mysql://h/d") }
    }

    @Test func aSocketDirectoryComesAsHostParameterOrEncodedHost() throws {
        let query = try parse("postgresql:///postgres?host=/tmp/pg.123&port=5433")
        #expect(query.isUnixSocket)
        #expect(query.host == "/tmp/pg.123")
        #expect(query.socketPath == "/tmp/pg.123/.s.PGSQL.5433")
        let encoded = try parse("postgresql://%2Fvar%2Flib%2Fpg/db")
        #expect(encoded.host == "/var/lib/pg")
        #expect(encoded.database == "db")
    }

    @Test func whatTheURIOmitsComesFromTheEnvironmentThenLibpqDefaults() throws {
        let environment = ["PGHOST": "envhost", "PGPORT": "5999", "PGUSER": "envuser", "PGDATABASE": "envdb",
                           "PGPASSWORD": "envpass", "PGSSLMODE": "disable"]
        let fromEnvironment = try parse("postgresql://", environment)
        #expect(fromEnvironment.host == "envhost")
        #expect(fromEnvironment.port == 5999)
        #expect(fromEnvironment.user == "envuser")
        #expect(fromEnvironment.database == "envdb")
        #expect(fromEnvironment.password == "envpass")
        #expect(fromEnvironment.sslMode == .disable)
        // The URI wins over the environment.
        let given = try parse("postgresql://u:p@h:1/d?sslmode=verify-full", environment)
        #expect([given.host, given.user, given.database, given.password] == ["h", "u", "d", "p"])
        #expect(given.port == 1 && given.sslMode == .verifyFull)
        // Nothing anywhere: the default socket, 5432, the OS user, a database named like the user, prefer.
        let defaults = try parse("postgresql://")
        #expect(defaults.host == "/var/run/postgresql")
        #expect(defaults.port == 5432)
        #expect(defaults.user == "osuser")
        #expect(defaults.database == "osuser")
        #expect(defaults.password == nil)
        #expect(defaults.sslMode == .prefer)
    }

    @Test func percentEscapesAreDecoded() throws {
        let name = try parse("postgresql://al%40ice:p%3Aw%40rd@h/my%20db")
        #expect(name.user == "al@ice")
        #expect(name.password == "p:w@rd")
        #expect(name.database == "my db")
    }

    @Test func ipv6HostsAreInBrackets() throws {
        let name = try parse("postgresql://[::1]:5433/d")
        #expect(name.host == "::1")
        #expect(name.port == 5433)
        #expect(name.description == "postgresql://osuser@[::1]:5433/d")
    }

    @Test func badPartsAreRefusedClearly() throws {
        #expect(throws: ConnectionName.Problem.self) { try parse("postgresql://h:port/d") }
        #expect(throws: ConnectionName.Problem.self) { try parse("postgresql://h/d?sslmode=sometimes") }
        #expect(throws: ConnectionName.Problem.self) { try parse("postgresql://h/d?colour=blue") }
        #expect(throws: ConnectionName.Problem.self) { try parse("postgresql://a,b/d") }
    }

    @Test func thePasswordIsInNoDescriptionAndNoError() throws {
        let name = try parse("postgresql://alice:hunter2secret@h/d")
        for text in [name.description, name.debugDescription, String(describing: name), String(reflecting: name),
                     "\(name)", name.serverDescription] {
            #expect(!text.contains("hunter2secret"), "\(text)")
        }
        var dumped = ""
        dump(name, to: &dumped)
        #expect(!dumped.contains("hunter2secret"), "\(dumped)")
        do throws(ConnectionName.Problem) {
            _ = try ConnectionName.parse("postgresql://alice:hunter2secret@h/d?colour=blue", environment: [:], passwordFile: noFile)
            Issue.record("an unknown parameter was accepted")
        } catch {
            #expect(!error.description.contains("hunter2secret"), "\(error)")
            #expect(error.description.contains("colour"))
        }
        do throws(ConnectionName.Problem) {
            _ = try ConnectionName.parse("postgresql://h/d?password=hunter2secret&port=x", environment: [:], passwordFile: noFile)
            Issue.record("a bad port was accepted")
        } catch {
            #expect(!error.description.contains("hunter2secret"), "\(error)")
        }
        #expect(ConnectionName.redacted("postgresql://a:hunter2secret@h/d?password=hunter2secret&x=1") == "postgresql://a:***@h/d?password=***&x=1")
    }

    // MARK: The password file

    func passwordFile(_ text: String, mode: mode_t = 0o600) throws -> (PasswordFile, URL) {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpass-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(".pgpass").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return (PasswordFile(path: path), directory)
    }

    @Test func thePasswordFileGivesTheFirstMatchingLine() throws {
        let (file, directory) = try passwordFile("""
            # comment
            other:5432:*:alice:wrong
            db.example.com:5432:escalations:alice:first
            db.example.com:*:*:alice:second
            *:*:*:*:fallback
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try parse("postgresql://alice@db.example.com/escalations", file: file).password == "first")
        #expect(try parse("postgresql://alice@db.example.com:6000/other", file: file).password == "second")
        #expect(try parse("postgresql://bob@elsewhere/x", file: file).password == "fallback")
        // A password in the URI or PGPASSWORD wins over the file.
        #expect(try parse("postgresql://alice:given@db.example.com/escalations", file: file).password == "given")
        #expect(try parse("postgresql://alice@db.example.com/escalations", ["PGPASSWORD": "env"], file: file).password == "env")
    }

    @Test func passwordFileEscapesAndTheDefaultSocketAsLocalhost() throws {
        let (file, directory) = try passwordFile("""
            localhost:5432:d:alice:sock\\:et\\\\pw
            /tmp/pg.1:5432:d:alice:dirpw
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try parse("postgresql://alice@/d", file: file).password == "sock:et\\pw")
        #expect(try parse("postgresql://alice@/d?host=/tmp/pg.1", file: file).password == "dirpw")
    }

    @Test func aPasswordFileOthersMayReadIsIgnoredAsLibpqDoes() throws {
        let (file, directory) = try passwordFile("*:*:*:*:leaked", mode: 0o644)
        defer { try? FileManager.default.removeItem(at: directory) }
        var warnings: [String] = []
        var name = try parse("postgresql://alice@h/d", file: PasswordFile(path: "/nonexistent"))
        #expect(file.password(for: name, warn: { warnings.append($0) }) == nil)
        #expect(warnings.count == 1 && warnings[0].contains("group or world access"), "\(warnings)")
        chmod(file.path, 0o600)
        name = try parse("postgresql://alice@h/d", file: file)
        #expect(name.password == "leaked")
    }

    @Test func pgpassfileNamesTheFileAndHomeIsTheDefault() {
        #expect(PasswordFile.standard(environment: ["PGPASSFILE": "/x/pw", "HOME": "/home/a"]).path == "/x/pw")
        #expect(PasswordFile.standard(environment: ["HOME": "/home/a"]).path == "/home/a/.pgpass")
    }
}
