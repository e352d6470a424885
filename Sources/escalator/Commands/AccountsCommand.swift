import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// The account book: the commercial context every score and brief uses.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts", abstract: "Import and list the accounts the team knows.",
                                                    subcommands: [List.self, Import.self])

    /// Lists the known accounts.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the known accounts.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reporting {
                let session = try Session.open(storeOptions)
                let accounts = try session.store.accounts()
                if json { try JSONOutput.print(accounts); return }
                guard !accounts.isEmpty else { session.console.say("No accounts yet. `escalator accounts import FILE.csv` adds them."); return }
                let c = session.console
                var table = Table([Table.Column(header: "ACCOUNT", shrinks: true, minimum: 12), Table.Column(header: "ARR", align: .right),
                                   Table.Column(header: "SEGMENT"), Table.Column(header: "RENEWAL"), Table.Column(header: "HEALTH", align: .right),
                                   Table.Column(header: "STRATEGIC")])
                for a in accounts {
                    table.add([Table.Cell(safe(a.name)), Table.Cell(a.arr.short), Table.Cell(a.segment.label), Table.Cell(a.renewal?.description ?? "—"),
                               Table.Cell(a.healthScore.map(String.init) ?? "—"), Table.Cell(a.strategic ? "yes" : "")])
                }
                table.print(c)
            }
        }
    }

    /// Imports accounts from a CRM's CSV export.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import accounts from CSV: name, arr, currency, segment, renewal, health, strategic.",
            discussion: "Comma- or semicolon-separated (as Excel writes it where the comma is the decimal mark); UTF-8, or else read as Windows-1252. The header names the columns (any order; name and arr are required). All or nothing: a file with a bad row changes nothing and every bad row is listed with its line number."
        )
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reporting {
                let session = try Session.open(storeOptions)
                let csv = try readCSV(file)
                let table = try CSVTable(csv.rows, required: ["name", "arr"], known: ["name", "arr", "currency", "segment", "renewal", "health", "strategic"], file: file)
                var accounts: [Account] = []
                var problems: [String] = []
                for row in table.records {
                    do {
                        accounts.append(try AccountRow.parse(row))
                    } catch let failure as Failure {
                        problems.append("line \(row.line): \(failure.message)")
                    }
                }
                guard problems.isEmpty else {
                    throw Failure.badInput("Nothing was imported; fix these rows and run it again:\n  " + problems.joined(separator: "\n  "))
                }
                let (added, updated) = try session.store.saveAccounts(accounts)
                print("Imported \(accounts.count) account\(accounts.count == 1 ? "" : "s") from \(safe(file))\(csv.remark): \(added) new, \(updated) updated.")
            }
        }
    }
}

/// One CSV row as an account.
enum AccountRow {
    static func parse(_ row: CSVTable.Record) throws -> Account {
        let name = row["name"] ?? ""
        guard !name.trimmedSpaces.isEmpty else { throw Failure.badInput("the name is empty") }
        guard SafeText.firstUnsafeScalar(in: name) == nil else { throw Failure.badInput("the name contains control characters") }
        var account = Account(name: name.trimmedSpaces, arr: Money(try parseARR(row["arr"] ?? ""), "EUR"))
        if let c = row["currency"], !c.isEmpty {
            guard c.count == 3, c.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw Failure.badInput("currency \"\(safe(c))\" is not a three-letter code") }
            account.arr.currency = c.uppercased()
        }
        if let s = row["segment"], !s.isEmpty {
            guard let segment = Segment(rawValue: s.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")) else {
                throw Failure.badInput("segment \"\(safe(s))\" is not one of enterprise, mid_market, smb, strategic")
            }
            account.segment = segment
        }
        if let r = row["renewal"], !r.isEmpty {
            account.renewal = try accepted(ISOTime.day(r, named: "renewal"))
        }
        if let h = row["health"], !h.isEmpty {
            guard let score = Int(h), (0...100).contains(score) else { throw Failure.badInput("health \"\(safe(h))\" is not 0 to 100") }
            account.healthScore = score
        }
        if let s = row["strategic"]?.lowercased(), !s.isEmpty {
            guard ["yes", "no", "true", "false", "1", "0", "y", "n"].contains(s) else { throw Failure.badInput("strategic \"\(safe(s))\" is not yes or no") }
            account.strategic = ["yes", "true", "1", "y"].contains(s)
        }
        if account.segment == .strategic { account.strategic = true }
        return account
    }
}
