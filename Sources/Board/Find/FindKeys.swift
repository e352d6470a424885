import EscalationKit

extension BoardState {
    /// The find and sort intents: open the find line, walk the matches, clear, cycle the sort.
    mutating func findIntent(_ intent: Intent) -> [Effect] {
        switch intent {
        case .find:
            find.isTyping = true
            message = nil
        case .nextMatch: jumpToMatch(by: 1)
        case .previousMatch: jumpToMatch(by: -1)
        case .clearFilter:
            setFilter("")
            message = Message("Filter cleared.", isError: false)
        case .sort:
            setSort(find.sort.next)
        default: break
        }
        return []
    }

    /// The find line's keys (the key map's find context): typing filters at once; the bound keys
    /// keep or clear the filter, toggle the quick filters and move between the matching cards.
    mutating func handleFindKey(_ key: Key) -> [Effect] {
        guard let intent = lineIntent(for: key, in: .find) else {
            if case .character(let c) = key, !c.unicodeScalars.contains(where: SafeText.isControl) { setFilter(find.query + String(c)) }
            return []
        }
        switch intent {
        case .cancel:
            find.isTyping = false
            setFilter("")
            message = Message("Filter cleared.", isError: false)
        case .submit:
            find.isTyping = false
            let count = columns.readingOrder.count
            let next = keyLabel(.nextMatch, in: .filtered), previous = keyLabel(.previousMatch, in: .filtered)
            let clear = keyLabel(.clearFilter, in: .filtered)
            message = find.isActive ? Message("\(count) match\(count == 1 ? "" : "es") · \(next)/\(previous) to move, \(clear) clears", isError: false) : nil
        case .erase:
            var text = find.query
            if !text.isEmpty { text.removeLast() }
            setFilter(text)
        case .clearText: setFilter("")
        case .toggleMine: toggle(.mine)
        case .toggleCritical: toggle(.critical)
        case .toggleBreaching: toggle(.breaching)
        case .toggleStalled: toggle(.stalled)
        case .toggleDue: toggle(.due)
        case .up, .down, .left, .right: navigate(intent)
        default: break
        }
        return []
    }

    /// Replaces the filter and keeps the cursor on a shown card: the selected one if it still
    /// matches, else one nearby, else the first match on the board.
    mutating func setFilter(_ query: String) {
        find.query = query
        let columns = self.columns
        if let id = selection, columns.place(of: id) != nil { reconcileCursor(); return }
        if !columns[focus].isEmpty { reconcileCursor(); return }
        if let first = columns.readingOrder.first {
            focus = first.status
            selectedRow = first.row
            selection = first.id
        } else {
            reconcileCursor()
        }
    }

    mutating func setSort(_ order: SortOrder) {
        find.sort = order
        reconcileCursor()
        message = Message("Sorted by \(order.rawValue).", isError: false)
    }

    private mutating func toggle(_ quick: QuickFilter) {
        var words = find.query.split(whereSeparator: \.isWhitespace).map(String.init)
        let before = words.count
        words.removeAll { $0.lowercased().hasPrefix("is:") && QuickFilter(name: String($0.dropFirst(3))) == quick }
        if words.count == before { words.append("is:" + quick.rawValue) }
        setFilter(words.joined(separator: " ") + (words.isEmpty ? "" : " "))
    }

    /// Moves to the next (or previous) shown card in reading order, wrapping around.
    private mutating func jumpToMatch(by step: Int) {
        let order = columns.readingOrder
        guard !order.isEmpty else {
            message = Message("No matches.", isError: true)
            return
        }
        let current = order.firstIndex { $0.id == selection }
        let index = current.map { ($0 + step + order.count) % order.count } ?? (step > 0 ? 0 : order.count - 1)
        let match = order[index]
        focus = match.status
        selectedRow = match.row
        selection = match.id
        message = Message("Match \(index + 1) of \(order.count)", isError: false)
    }
}
