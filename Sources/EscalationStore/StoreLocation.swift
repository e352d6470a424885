import Foundation

/// Where the store lives: `--store`, then `$ESCALATOR_STORE`, then the XDG data directory.
public enum StoreLocation {
    /// Resolves the store directory from an explicit path and the environment.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit).standardizedFileURL }
        if let fromEnv = environment["ESCALATOR_STORE"], !fromEnv.isEmpty { return URL(fileURLWithPath: fromEnv).standardizedFileURL }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return URL(fileURLWithPath: dataHome).appendingPathComponent("escalator").standardizedFileURL
    }
}
