import EscalationKit
import Foundation

/// The JSON directory store as one implementation of `EscalationStoring`.
extension Store: EscalationStoring {
    public static func open(_ address: URL, policy: Policy, focus: Set<EscalationID>?) throws(StoreError) -> Store {
        if let focus { return try open(at: address, policy: policy, focus: focus) }
        return try open(at: address, policy: policy)
    }

    public var storeName: String { directory.path }

    public func accounts() throws(StoreError) -> [Account] {
        try AccountBook(directory: directory).all()
    }

    /// An import is folded into a fresh snapshot under the same lock; it stands even if that fails.
    @discardableResult
    public func importEvents(_ events: [Event]) throws(StoreError) -> [Event] {
        try commitBatch(events, compacting: true)
    }

    public var outbox: any Outbox { OutboxFile(directory: directory) }
    public var notificationRecord: any NotificationRecording { NotificationRecord(directory: directory) }
    public func hookLog(limit: Int) -> any HookLogging { HookLog(directory: directory, limit: limit) }

    /// A directory has no connection to lose: `onConnection` is never called.
    public func followChanges(onChange: @escaping @Sendable ([Event], _ reloaded: Bool) -> Void,
                              onError: (@Sendable (StoreError) -> Void)?,
                              onConnection: (@Sendable (FollowedConnection) -> Void)?) throws(StoreError) -> any ChangeFollowing {
        try watch(onChange: onChange, onError: onError)
    }
}

extension StoreWatcher: ChangeFollowing {}
