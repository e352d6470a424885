/// Where failed hook deliveries are logged, in whatever store holds the escalations; bounded.
public protocol HookLogging: Sendable {
    /// Appends one line (control characters neutralized).
    func append(_ line: String) throws(StoreError)
}

extension HookLog: HookLogging {}
