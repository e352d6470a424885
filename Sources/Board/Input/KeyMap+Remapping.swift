/// A key binding the configuration asks for that the board cannot honour.
public struct KeyMapError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One refused entry: the intent name as written and what is wrong with it.
    public struct Problem: Hashable, Sendable {
        public var intent: String
        public var message: String
    }

    public var problems: [Problem]

    public var description: String { problems.map { "\($0.intent): \($0.message)" }.joined(separator: "\n") }
}

extension Intent {
    /// The intent's name in configuration files, e.g. `acknowledge`, `next_match`.
    public var configurationName: String {
        var out = ""
        for c in String(describing: self) {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}

extension KeyMap {
    /// The intent names a configuration may bind, in table order.
    public var intentNames: [String] {
        var seen: [String] = []
        for binding in bindings where !seen.contains(binding.intent.configurationName) { seen.append(binding.intent.configurationName) }
        return seen
    }

    /// This map with the keys of some intents replaced, e.g. `["acknowledge": ["A"]]`. A key taken
    /// for an intent is removed from the other bindings it shared a screen with, so the new binding
    /// wins; the labels in help and the footer follow. Every unknown intent and unreadable key is reported.
    public func remapped(_ configured: [String: [String]]) throws(KeyMapError) -> KeyMap {
        var problems: [KeyMapError.Problem] = []
        var map = self
        func normalized(_ name: String) -> String { name.lowercased().filter { $0 != "_" && $0 != "-" } }
        for (name, texts) in configured.sorted(by: { $0.key < $1.key }) {
            let indices = map.bindings.indices.filter { normalized(map.bindings[$0].intent.configurationName) == normalized(name) }
            guard !indices.isEmpty else {
                problems.append(.init(intent: name, message: "unknown action \"\(name)\"; the actions are " + intentNames.joined(separator: ", ")))
                continue
            }
            var keys: [Key] = []
            // An action only found where text is typed never sees a character: it would be typed.
            let typedOnly = indices.allSatisfy { map.bindings[$0].contexts.isSubset(of: KeyMap.typing) }
            for text in texts {
                if let key = KeyName.parse(text), typedOnly, case .character = key {
                    problems.append(.init(intent: name, message: "\"\(text)\" would be typed as text where \(name) works; choose ctrl-LETTER or a named key such as enter, esc, tab"))
                } else if let key = KeyName.parse(text) { keys.append(key) } else {
                    problems.append(.init(intent: name, message: "\"\(text)\" is not a key; write one character (\"a\", \"A\", \":\"), ctrl-LETTER, or a name such as enter, esc, tab, space, up, down, left, right, home, end, pgup, pgdn, backspace, delete"))
                }
            }
            guard !keys.isEmpty || texts.isEmpty else { continue }
            for index in indices {
                let contexts = map.bindings[index].contexts
                for other in map.bindings.indices where !indices.contains(other) && !map.bindings[other].contexts.isDisjoint(with: contexts) {
                    map.bindings[other].keys.removeAll(where: keys.contains)
                    map.bindings[other].relabel()
                }
                map.bindings[index].keys = keys
                map.bindings[index].relabel()
            }
        }
        guard problems.isEmpty else { throw KeyMapError(problems: problems) }
        return map
    }
}

extension KeyMap.Binding {
    /// Rewrites the labels (and the footer's key) from the keys, after a remapping.
    mutating func relabel() {
        label = keys.isEmpty ? "(unbound)" : keys.map { KeyName.label($0) }.joined(separator: " ")
        asciiLabel = keys.isEmpty ? "(unbound)" : keys.map { KeyName.label($0, unicode: false) }.joined(separator: " ")
        if let footer, let space = footer.firstIndex(of: " ") {
            self.footer = keys.first.map { KeyName.short($0) + footer[space...] }
        }
    }
}
