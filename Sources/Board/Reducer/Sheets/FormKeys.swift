import Foundation
import EscalationKit

extension BoardState {
    /// The form's reading of its values against the known accounts and the ledger.
    func reading(_ form: EscalationForm) -> FormReading {
        FormReading(form, accounts: accounts, policy: policy, ledger: ledger)
    }

    /// Keys in the form, from the key map's form context: between fields, typing, the caret and
    /// the values of choices and scores, `$EDITOR`, saving (lint first) and cancelling (which asks
    /// when something was typed); then the review and discard questions' keys.
    mutating func handleFormKey(_ key: Key, form: inout EscalationForm) -> [Effect] {
        switch form.phase {
        case .saving:
            return []
        case .confirmDiscard:
            switch keyMap.intent(for: key, in: .confirm) {
            case .yes?:
                closeSheet()
                message = Message(form.editedID == nil ? "Discarded." : "Edit discarded.", isError: false)
            case .no?:
                form.phase = .editing
                message = nil
            default: break
            }
            return []
        case .review(let findings):
            switch keyMap.intent(for: key, in: .review) {
            case .save?:
                return commitForm(&form)
            case .fixFindings?:
                form.phase = .editing
                let r = reading(form)
                if let field = findings.compactMap(\.field).first(where: r.shows) { form.focus = field }
            default: break
            }
            return []
        case .editing:
            break
        }
        let r = reading(form)
        let field = form.focus
        message = nil
        guard let intent = lineIntent(for: key, in: .form) else {
            if case .character(let c) = key { type(c, into: field, in: &form, reading: r) }
            return []
        }
        switch intent {
        case .cancel:
            if form.isDirty {
                form.phase = .confirmDiscard
            } else {
                closeSheet()
                message = Message("Cancelled.", isError: false)
            }
        case .nextField, .previousField:
            let forward = intent == .nextField
            let primary = keyMap.keys(for: intent, in: .form).first
            if field == .account, r.completions.count > 1, key != primary {
                // The field keys' other keys (↓ ↑) go through the accounts offered; the first (Tab) takes the one chosen.
                let n = r.completions.count
                form.completion = (form.completion + (forward ? 1 : n - 1)) % n
                return []
            }
            if forward, field == .account, !r.completions.isEmpty {
                form.values[.account] = r.completions[min(form.completion, r.completions.count - 1)].name
                form.completion = 0
            }
            move(&form, by: forward ? 1 : -1)
        case .save:
            return saveForm(&form)
        case .externalEditor:
            guard field.isText else {
                message = Message("\(keyLabel(.externalEditor, in: .form)) opens $EDITOR on a text field.", isError: true)
                return []
            }
            form.editing = field
            return [.editText(form.values[field])]
        case .clearText:
            clear(field, in: &form)
        case .erase, .eraseForward:
            if field.isText {
                erase(intent == .erase ? .before : .at, in: &form)
            } else {
                clear(field, in: &form)
            }
        case .left, .right:
            if field.isText {
                moveCaret(by: intent == .right ? 1 : -1, in: &form)
            } else {
                step(field, by: intent == .right ? 1 : -1, in: &form, reading: r)
            }
        case .lineStart:
            if field.isText { form.caret = 0 }
        case .lineEnd:
            if field.isText { form.caret = nil }
        default: break
        }
        return []
    }

    private func move(_ form: inout EscalationForm, by delta: Int) {
        let fields = reading(form).visibleFields
        form.visited.insert(form.focus)
        let index = fields.firstIndex(of: form.focus) ?? 0
        form.focus = fields[(index + delta + fields.count) % fields.count]
    }

    /// ← → in a text field: one character, never past either end (the end is kept as nil).
    private func moveCaret(by delta: Int, in form: inout EscalationForm) {
        let count = form.values[form.focus].count
        let next = max(0, min(count, form.caretOffset + delta))
        form.caret = next == count ? nil : next
    }

    private enum Erase { case before, at }

    /// Backspace removes the character before the caret, Delete the one under it.
    private func erase(_ which: Erase, in form: inout EscalationForm) {
        var text = form.values[form.focus]
        let offset = form.caretOffset
        let target = which == .before ? offset - 1 : offset
        guard target >= 0, target < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: target))
        form.values[form.focus] = text
        if form.caret != nil { form.caret = which == .before ? target : offset }
        form.completion = 0
    }

    private func clear(_ field: FormField, in form: inout EscalationForm) {
        form.caret = nil
        switch field {
        case .category: form.values.category = nil
        case .severity: form.values.severity = nil
        case .tier: form.values.tier = nil
        default:
            if let dimension = field.dimension { form.values.scores[dimension] = nil } else { form.values[field] = "" }
        }
    }

    /// ← → (and Space) go through a choice's values, or lower and raise a score.
    private mutating func step(_ field: FormField, by delta: Int, in form: inout EscalationForm, reading r: FormReading) {
        func next<T: Equatable>(_ all: [T], _ current: T?) -> T {
            guard let current, let i = all.firstIndex(of: current) else { return delta > 0 ? all[0] : all[all.count - 1] }
            return all[(i + delta + all.count) % all.count]
        }
        switch field {
        case .category: form.values.category = next(Category.allCases, form.values.category)
        case .severity: form.values.severity = next(Severity.allCases.reversed(), r.severity)
        case .tier: form.values.tier = next(Tier.all, r.tier)
        default:
            if let dimension = field.dimension {
                let current = r.score(dimension) ?? (delta > 0 ? 0 : 6)
                form.values.scores[dimension] = min(5, max(1, current + delta))
            }
        }
    }

    private mutating func type(_ c: Character, into field: FormField, in form: inout EscalationForm, reading r: FormReading) {
        switch field.kind {
        case .line, .longText:
            guard !c.unicodeScalars.contains(where: SafeText.isControl) else { return }
            if let caret = form.caret {
                var text = form.values[field]
                text.insert(c, at: text.index(text.startIndex, offsetBy: min(caret, text.count)))
                form.values[field] = text
                form.caret = caret + 1
            } else {
                form.values[field].append(c)
            }
            form.completion = 0
        case .score:
            guard let n = c.wholeNumberValue, Dimensions.range.contains(n) else {
                if c == " " { step(field, by: 1, in: &form, reading: r) } else {
                    message = Message("A score is 1 to 5.", isError: true)
                }
                return
            }
            form.values.scores[field.dimension!] = n
        case .choice:
            if c == " " { step(field, by: 1, in: &form, reading: r); return }
            let letter = String(c).lowercased()
            switch field {
            case .category:
                // Repeating a letter goes through the categories that start with it.
                let matches = Category.allCases.filter { $0.label.lowercased().hasPrefix(letter) }
                guard !matches.isEmpty else { return }
                let i = form.values.category.flatMap { matches.firstIndex(of: $0) }.map { ($0 + 1) % matches.count } ?? 0
                form.values.category = matches[i]
            case .severity:
                if let s = Severity.allCases.first(where: { String($0.letter).lowercased() == letter }) { form.values.severity = s }
            case .tier:
                if let n = c.wholeNumberValue, let t = Tier(rawValue: n) { form.values.tier = t }
            default: break
            }
        }
    }

    /// Enter: problems are shown beside their fields; a clean form is linted, and saved when the
    /// linter has nothing to say (else the findings are shown first).
    private mutating func saveForm(_ form: inout EscalationForm) -> [Effect] {
        form.visited.insert(form.focus)
        let r = reading(form)
        let problems = r.problems
        if !problems.isEmpty {
            form.showAllProblems = true
            if let first = r.visibleFields.first(where: { problems[$0] != nil }) { form.focus = first }
            message = Message(problems.count == 1 ? "1 field needs attention." : "\(problems.count) fields need attention.", isError: true)
            return []
        }
        if r.edited != nil, r.commands(policy: policy, at: now).isEmpty {
            closeSheet()
            message = Message("Nothing changed.", isError: false)
            return []
        }
        let others = Array(ledger.escalations.values)
        let findings = r.wouldBe(in: ledger, policy: policy, at: now).map { BriefLinter.lint($0, among: others, at: now, policy: policy) } ?? []
        if findings.isEmpty { return commitForm(&form) }
        form.phase = .review(findings)
        return []
    }

    private mutating func commitForm(_ form: inout EscalationForm) -> [Effect] {
        let commands = reading(form).commands(policy: policy, at: now)
        guard !commands.isEmpty else {
            closeSheet()
            return []
        }
        // One commit of all the form's changes: the store applies all of them or none.
        form.phase = .saving
        return [.commit(commands, form.editedID)]
    }
}
