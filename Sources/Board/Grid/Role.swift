/// What a cell means, not how it looks: a `Theme` turns roles into colours and attributes, so the
/// views never pick a colour and the meaning survives a terminal without colour.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal
    case header
    case columnTitle
    case critical
    case high
    case medium
    case breached
    case warning
    case selected
    case dim
    /// A card that another process changed a moment ago.
    case changed
    case error
    case key
    case prompt
}
