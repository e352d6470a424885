#if canImport(Glibc)
import Glibc
#endif
import Configuration
import EscalationStore
import Foundation
import Testing

/// A configuration file steers what the process runs (hooks), so it is read only when no one
/// untrusted can have written it, and never through a link planted in the store.
@Suite struct TrustedConfigurationTests {
    @Test func aConfigurationOthersCanWriteIsNotUsed() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("config-test-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = root.appendingPathComponent("store")
        _ = try Store.create(at: store, policy: .standard)
        let file = store.appendingPathComponent("escalator.toml").path
        try "[hooks.commands]\nrouted = [\"/bin/true\"]\n".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o664)
        let error = #expect(throws: ConfigurationError.self) { try PolicyFile.policy(storeDirectory: store, environment: [:]) }
        #expect(error?.untrusted == true)
        #expect(error?.description.contains("mode 0664") == true)
        #expect(error?.description.contains("`chmod go-w \(file)`") == true)
        // Board settings and keys read the same file the same way.
        #expect(throws: ConfigurationError.self) { try BoardSettings.load(storeDirectory: store, environment: [:]) }
        #expect(throws: ConfigurationError.self) { try BoardConfiguration.keyBindings(storeDirectory: store, environment: [:]) }
        chmod(file, 0o644)
        #expect(try PolicyFile.policy(storeDirectory: store, environment: [:]).hooks["routed"] == ["/bin/true"])
        // As a link in the store it is refused even when its target would be trusted.
        let target = root.appendingPathComponent("mine.toml").path
        rename(file, target)
        symlink(target, file)
        let linked = #expect(throws: ConfigurationError.self) { try PolicyFile.policy(storeDirectory: store, environment: [:]) }
        #expect(linked?.untrusted == true)
        // Named by ESCALATOR_CONFIG outside the store, the trusted file is used.
        #expect(try PolicyFile.policy(storeDirectory: store, environment: ["ESCALATOR_CONFIG": target]).hooks["routed"] == ["/bin/true"])
    }
}
