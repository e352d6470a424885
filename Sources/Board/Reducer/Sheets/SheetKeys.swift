import Foundation
import EscalationKit

extension BoardState {
    /// The form, brief or reports over the board, for `e`, `n`, `b` and `R`.
    mutating func openSheet(_ intent: Intent) -> [Effect] {
        switch intent {
        case .newEscalation:
            sheets.current = .form(EscalationForm())
        case .reports:
            // The figures wait for the archive, read afresh each time (closed escalations move there).
            sheets.current = .reports(ReportsSheet())
            return [.loadArchive]
        case .messages:
            sheets.current = .messages(MessagesSheet())
        case .edit, .brief:
            guard let e = target else {
                message = Message("No escalation selected.", isError: true)
                return []
            }
            if intent == .brief {
                sheets.current = .brief(BriefSheet(id: e.id))
            } else if e.status == .closed {
                message = Message("\(e.id) is closed: reopen it to change it.", isError: true)
            } else {
                sheets.current = .form(EscalationForm(editing: e, zone: policy.calendar.timeZone))
            }
        default: break
        }
        return []
    }

    /// A key while a sheet is shown.
    mutating func handleSheetKey(_ key: Key) -> [Effect] {
        switch sheets.current {
        case .form(var form)?:
            let effects = handleFormKey(key, form: &form)
            if case .form? = sheets.current { sheets.current = .form(form) }
            return effects
        case .brief(var brief)?:
            let effects = handleBriefKey(key, sheet: &brief)
            if case .brief? = sheets.current { sheets.current = .brief(brief) }
            return effects
        case .reports(var reports)?:
            let effects = handleReportsKey(key, sheet: &reports)
            if case .reports? = sheets.current { sheets.current = .reports(reports) }
            return effects
        case .messages(var sheet)?:
            let effects = handleMessagesKey(key, sheet: &sheet)
            if case .messages? = sheets.current { sheets.current = .messages(sheet) }
            return effects
        case nil:
            return []
        }
    }

    /// Closes whatever sheet is shown.
    mutating func closeSheet() { sheets.current = nil }

    /// The answers of the sheets' effects: `$EDITOR`'s text, a written file and the archive.
    mutating func handleSheetResult(_ action: Action) -> [Effect] {
        switch action {
        case .textEdited(let outcome):
            guard var form = sheets.form, let field = form.editing else { return [] }
            form.editing = nil
            switch outcome {
            case .edited(var text):
                while text.last?.isNewline == true { text.removeLast() }
                if !field.isText || field.kind == .line {
                    text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
                }
                form.values[field] = text
                if field == form.focus { form.caret = nil }
                message = Message("\(field.label): text from the editor kept.", isError: false)
            case .failed(let why):
                message = Message("\(why) (nothing typed is lost)", isError: true)
            }
            sheets.form = form
        case .archiveLoaded(let archived):
            guard case .reports(var reports)? = sheets.current else { return [] }
            reports.archived = archived
            reports.archiveError = nil
            sheets.current = .reports(reports)
        case .archiveFailed(let why):
            guard case .reports(var reports)? = sheets.current else { return [] }
            reports.archived = []
            reports.archiveError = why
            sheets.current = .reports(reports)
        case .fileWritten(let path, let error):
            message = error.map { Message("Could not write \(path): \($0)", isError: true) }
                ?? Message("Wrote the brief to \(path).", isError: false)
        default: break
        }
        return []
    }

    /// The form's commit was confirmed: the form closes and the cursor goes to the card.
    mutating func sheetCommitted(_ event: Event) {
        guard let form = sheets.form, form.phase == .saving else { return }
        closeSheet()
        sheets.landOn = form.editedID ?? event.escalation
        if case .created = event.change {
            message = Message("Created \(event.escalation): routed to \(policy.teams[ledger[event.escalation]?.team ?? ""]?.name ?? "its team").", isError: false)
        }
        landOnSavedCard()
    }

    /// A commit the form sent was refused: back to the form, with everything typed still there.
    mutating func sheetCommitFailed() {
        guard var form = sheets.form, case .saving = form.phase else { return }
        form.phase = .editing
        sheets.form = form
    }

    /// Puts the cursor on a just-saved escalation once the ledger has it.
    mutating func landOnSavedCard() {
        guard let id = sheets.landOn, columns.place(of: id) != nil else { return }
        selection = id
        if case .detail = screen, id != target?.id { screen = .board }
        sheets.landOn = nil
    }
}
