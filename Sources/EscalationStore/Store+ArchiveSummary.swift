import EscalationKit
import Foundation

extension Store {
    /// What `list` shows of every archived escalation, oldest id first: read from the archive summary
    /// where it covers the archive, decoding only the archive lines it does not cover (or the whole
    /// archive when the summary is missing or does not match it).
    public func loadArchiveSummaries() throws(StoreError) -> [ArchivedSummary] {
        let current = ledger
        var summaries = try ArchiveSummaryFile.current(layout: layout)
        summaries.removeAll { current[$0.id] != nil }
        return summaries
    }

    /// The archived escalation `id`, decoding its line alone when the summary says where it is; nil
    /// when the archive does not hold it (or it is back in the ledger).
    public func archivedEscalation(_ id: EscalationID) throws(StoreError) -> Escalation? {
        guard ledger[id] == nil else { return nil }
        guard let summary = try ArchiveSummaryFile.current(layout: layout).last(where: { $0.id == id }) else { return nil }
        if let escalation = try? ArchiveSummaryFile.escalation(at: summary, layout: layout), escalation.id == id { return escalation }
        return try loadArchive().first { $0.id == id }
    }

    /// True when `id` is in the archive and not back in the ledger.
    public func isArchived(_ id: EscalationID) throws(StoreError) -> Bool {
        guard ledger[id] == nil else { return false }
        return try ArchiveSummaryFile.current(layout: layout).contains { $0.id == id }
    }
}
