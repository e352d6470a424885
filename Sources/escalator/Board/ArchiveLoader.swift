import Board
import EscalationStore
import Foundation
import Terminal

/// `Effect.loadArchive`: reads the archived escalations on another thread, so a large archive never
/// holds up keys or drawing, and hands them to the board's loop as `.archiveLoaded`.
enum ArchiveLoader {
    static func start(_ store: any EscalationStoring, answer queue: ActionQueue) {
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                queue.push(.archiveLoaded(try store.loadArchive()))
            } catch {
                queue.push(.archiveFailed("\(error)"))
            }
        }
    }
}
