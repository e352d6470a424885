import Foundation

/// The process's environment, read once. Foundation builds a new dictionary from `environ` each
/// time `ProcessInfo.processInfo.environment` is asked, and one `update` asked six times (about 2 %
/// of it, measured with `perf`). Escalator never changes its own environment; a test that needs
/// another one passes it as a parameter.
public enum ProcessEnvironment {
    public static let variables: [String: String] = ProcessInfo.processInfo.environment
}
