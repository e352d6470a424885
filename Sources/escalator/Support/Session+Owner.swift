import EscalationKit
import Foundation

extension Session {
    /// What to store for the owner typed after `--owner`: the roster person's login (found by
    /// `OwnerMatch`), or the text as typed, with a warning, when no one in the roster matches.
    /// A name that could be several people is refused with them listed.
    func owner(_ typed: String) throws -> String {
        let text = typed.trimmedSpaces
        guard !text.isEmpty else { throw Failure.badInput("--owner needs a name or a login; nothing was changed.") }
        switch OwnerMatch.resolve(text, in: policy.people) {
        case .person(let person):
            return person.login
        case .ambiguous(let people):
            throw Failure.badInput(OwnerMatch.ambiguity(text, people) + " Nothing was changed.")
        case .unknown(let kept):
            // Without a roster every owner is free text, as it always was: nothing to warn about.
            if !policy.people.isEmpty { FileHandle.standardError.write(Data(("warning: " + OwnerMatch.unknownWarning(kept) + "\n").utf8)) }
            return kept
        }
    }

    /// An owner as people read it: the roster name, or the text as stored.
    func ownerName(_ owner: String?) -> String? { owner.map(policy.people.displayName) }
}
