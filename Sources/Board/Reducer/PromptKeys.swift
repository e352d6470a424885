import EscalationKit

extension BoardState {
    /// Typing into the prompt line: characters, Backspace, Ctrl-U, Enter to submit, Esc to cancel.
    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard var prompt else { return [] }
        if prompt.isConfirmation {
            switch key {
            case .character("y"), .character("Y"):
                self.prompt = nil
                return [.commit([.close], prompt.target)]
            case .character("n"), .character("N"), .escape:
                self.prompt = nil
                message = Message("Not closed.", isError: false)
            default: break
            }
            return []
        }
        switch key {
        case .escape:
            self.prompt = nil
            message = Message("Cancelled.", isError: false)
            return []
        case .backspace, .delete:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"):
            prompt.text = ""
        case .character(let c):
            // Control characters never enter an answer: they could not be stored anyway.
            guard !c.unicodeScalars.contains(where: SafeText.isControl) else { return [] }
            prompt.text.append(c)
        case .tab:
            prompt.text.append(" ")
        case .enter:
            return submit(prompt)
        default: break
        }
        self.prompt = prompt
        return []
    }

    private mutating func submit(_ prompt: Prompt) -> [Effect] {
        let answer = prompt.text.trimmingCharacters(in: .whitespaces)
        guard !answer.isEmpty else {
            message = Message("An answer is needed (Esc cancels).", isError: true)
            return []
        }
        let id = prompt.target
        let command: Command
        switch prompt.purpose {
        case .acknowledgeOwner: command = .acknowledge(owner: answer)
        case .assignOwner: command = .assign(owner: answer)
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
