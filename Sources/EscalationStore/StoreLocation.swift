import Foundation
import Invocation

/// Where the store lives: `--store`, then `$ESCALATOR_STORE`, then the XDG data directory.
public enum StoreLocation {
    /// Resolves the store directory from an explicit path and the environment.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessEnvironment.variables) -> URL {
        if let explicit, !explicit.isEmpty { return StandardPath.url(explicit, isDirectory: true) }
        if let fromEnv = environment["ESCALATOR_STORE"], !fromEnv.isEmpty { return StandardPath.url(fromEnv, isDirectory: true) }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return StandardPath.url(dataHome + "/escalator", isDirectory: true)
    }
}
