import Foundation

extension BoardState {
    /// The wallboard's keys: quit (the key map's quit keys and Ctrl-C) and nothing else; every other
    /// key, changes first of all, gets a short note instead, so a passer-by knows why nothing happened.
    mutating func wallboardKey(_ key: Key) -> [Effect] {
        if key == .control("c") || keyMap.intent(for: key, in: .board) == .quit { return [.quit] }
        message = Message("wallboard is read-only (\(keyLabel(.quit, in: .board)) quits)", isError: true)
        wallboard?.noteShownAt = now
        return []
    }

    /// Takes the refusal note down once it has been seen.
    mutating func expireWallboardNote() {
        guard let shown = wallboard?.noteShownAt, now.timeIntervalSince(shown) >= Wallboard.noteSeconds else { return }
        wallboard?.noteShownAt = nil
        message = nil
    }
}
