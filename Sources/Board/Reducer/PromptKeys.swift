import EscalationKit

extension BoardState {
    /// Typing into the prompt line; the key map's prompt context submits, cancels, clears and
    /// erases, and a yes/no question takes the confirm context's keys only.
    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard var prompt else { return [] }
        if prompt.isConfirmation {
            switch keyMap.intent(for: key, in: .confirm) {
            case .yes?:
                self.prompt = nil
                return [.commit([.close], prompt.target)]
            case .no?:
                self.prompt = nil
                message = Message("Not closed.", isError: false)
            default: break
            }
            return []
        }
        guard let intent = lineIntent(for: key, in: .prompt) else {
            // Control characters never enter an answer: they could not be stored anyway.
            if case .character(let c) = key, !c.unicodeScalars.contains(where: SafeText.isControl) {
                prompt.text.append(c)
                self.prompt = prompt
            }
            return []
        }
        switch intent {
        case .cancel:
            self.prompt = nil
            message = Message("Cancelled.", isError: false)
            return []
        case .erase:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .clearText:
            prompt.text = ""
        case .complete:
            if prompt.asksForOwner { completeOwner(&prompt) }
        case .submit:
            return submit(prompt)
        default: break
        }
        self.prompt = prompt
        return []
    }

    private mutating func submit(_ prompt: Prompt) -> [Effect] {
        let answer = prompt.text.trimmedSpaces
        guard !answer.isEmpty else {
            message = Message("An answer is needed (\(keyLabel(.cancel, in: .prompt)) cancels).", isError: true)
            return []
        }
        let id = prompt.target
        let command: Command
        switch prompt.purpose {
        case .acknowledgeOwner, .assignOwner:
            // An ambiguous name keeps the prompt open, with the candidates shown.
            let typed: Command = prompt.purpose == .assignOwner ? .assign(owner: answer) : .acknowledge(owner: answer)
            guard let resolved = withRosterOwner(typed) else { return [] }
            command = resolved
        case .backReason: command = .back(reason: answer)
        case .resolution: command = .advance(resolution: answer)
        case .note: command = .note(answer)
        case .customerUpdate: command = .customerUpdate(answer)
        case .severityValue:
            guard let severity = Self.severity(from: answer) else {
                message = Message("Type critical, high or medium (or c, h, m).", isError: true)
                return []
            }
            self.prompt = Prompt(.severityReason(severity), target: id)
            message = nil
            return []
        case .tierValue:
            guard let number = Int(answer.filter(\.isNumber)), let tier = Tier(rawValue: number) else {
                message = Message("Type a tier from 1 to 4.", isError: true)
                return []
            }
            self.prompt = Prompt(.tierReason(tier), target: id)
            message = nil
            return []
        case .waitParty:
            let typed = answer.lowercased()
            guard let party = WaitParty.allCases.first(where: { $0.rawValue == typed || String($0.rawValue.prefix(1)) == typed }) else {
                message = Message("Type customer, vendor or internal (or c, v, i).", isError: true)
                return []
            }
            self.prompt = Prompt(.waitReason(party), target: id)
            message = nil
            return []
        case .waitReason(let party): command = .wait(on: party, reason: answer, until: nil)
        case .resumeReason: command = .resume(reason: answer)
        case .severityReason(let severity): command = .severity(severity, reason: answer)
        case .tierReason(let tier): command = .tier(tier, reason: answer)
        case .confirmClose: command = .close
        }
        self.prompt = nil
        unsent = prompt
        message = nil
        return [.commit([command], id)]
    }

    static func severity(from text: String) -> Severity? {
        let t = text.lowercased()
        return Severity.allCases.first { $0.rawValue == t || String($0.letter).lowercased() == t }
    }
}
