/// The namespace for package-wide facts.
public enum EscalationKit {
    /// The version printed by `escalator --version`.
    public static let version = "0.1.0"
}
