#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// The accounts a team knows (name, ARR, segment, renewal, health, strategic flag): the commercial
/// context `new` and the board's form fill in. Kept in `accounts.json` beside the journal, replaced
/// atomically under the writers' lock; a damaged file is reported, never overwritten.
public struct AccountBook: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    var path: String { StoreLayout(directory).directory + "/accounts.json" }

    struct File: Codable {
        var format = "escalator-accounts"
        var version = 1
        var accounts: [Account]
    }

    /// Every known account, by name.
    public func all() throws(StoreError) -> [Account] {
        guard let bytes = try FileFacts.read(path) else { return [] }
        do {
            let file = try StoreCoding.decoder(schema: 1).decode(File.self, from: Data(bytes))
            guard file.format == "escalator-accounts" else { throw StoreError.damaged(path: path, location: "header", reason: "not an accounts file") }
            guard file.version <= 1 else { throw StoreError.newerSchema(found: file.version, known: 1) }
            return file.accounts
        } catch let error as StoreError {
            throw error
        } catch {
            throw .damaged(path: path, location: "whole file", reason: "does not parse as JSON (\(error))")
        }
    }

    /// The account with this name (ignoring case and surrounding spaces), if known.
    public func find(_ name: String) throws(StoreError) -> Account? {
        let key = AccountBook.key(name)
        return try all().first { AccountBook.key($0.name) == key }
    }

    static func key(_ name: String) -> String { Account.bookKey(name) }
}

extension Store {
    /// Adds or updates accounts (matched by name, ignoring case), all at once; returns how many were added and updated.
    @discardableResult
    public func saveAccounts(_ accounts: [Account]) throws(StoreError) -> (added: Int, updated: Int) {
        let book = AccountBook(directory: directory)
        return try withWriteLock { () throws(StoreError) -> (added: Int, updated: Int) in
            var byKey = Dictionary(try book.all().map { (AccountBook.key($0.name), $0) }, uniquingKeysWith: { a, _ in a })
            var added = 0, updated = 0
            for account in accounts {
                let key = AccountBook.key(account.name)
                if byKey[key] == nil { added += 1 } else { updated += 1 }
                byKey[key] = account
            }
            let sorted = byKey.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
            let data: Data
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                data = try encoder.encode(AccountBook.File(accounts: sorted))
            } catch {
                throw .io(path: book.path, reason: "could not encode accounts: \(error)")
            }
            try AtomicFile.write(Array(data), to: book.path, mode: layout.fileMode)
            return (added, updated)
        }
    }
}
