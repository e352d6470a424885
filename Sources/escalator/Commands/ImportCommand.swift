import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// Brings escalations in from an export or from a CRM's or support desk's CSV, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import escalations from `escalator export` JSON or from CSV; all or nothing.",
        discussion: """
        JSON (from export) recreates each escalation with its history and id; ids already in the store are skipped. \
        CSV needs a header naming the columns: title, account and category are required; severity, tier, arr, currency, \
        segment, owner, impact, description, ask, deadline and created_at are optional, and so are the other columns \
        `escalator export --format csv` writes: acknowledged_at (with owner), resolved_at (with resolution) and closed_at \
        replay the lifecycle at those times, status in_progress or stalled starts the work, id skips an escalation already \
        in the store; team is the category's. A CSV row whose account and title match an open escalation is skipped. A bad row stops the import: nothing is written, and every problem is listed \
        with its line number.
        """
    )

    @Argument(help: "The file: .json from export, or .csv.") var file: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            let isJSON = file.lowercased().hasSuffix(".json")
            let plan = isJSON ? try planJSON(session) : try planCSV(session)
            guard plan.problems.isEmpty else {
                throw Failure.badInput("Nothing was imported; fix these and run it again:\n  " + plan.problems.joined(separator: "\n  "))
            }
            if !plan.events.isEmpty {
                try session.store.importEvents(plan.events)
                Session.mentionPostponedCompaction(session.store)
            }
            print("Imported \(plan.taken) escalation\(plan.taken == 1 ? "" : "s") from \(safe(file))\(plan.remark); skipped \(plan.skipped.count).")
            for line in plan.skipped { print("  skipped " + safe(line)) }
        }
    }

    struct Plan {
        var events: [Event] = []
        var taken = 0
        var skipped: [String] = []
        var problems: [String] = []
        /// How a CSV file was read when that is worth saying (not UTF-8, semicolons).
        var remark = ""
    }

    private func planJSON(_ session: Session) throws -> Plan {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure.badInput("Cannot read \(safe(file)).") }
        let export: ExportFile
        do {
            export = try JSONInput.decoder().decode(ExportFile.self, from: data)
        } catch let error as DecodingError {
            throw Failure.badInput("\(safe(file)) is not an Escalator export: \(JSONProblem.describe(error)).")
        }
        guard export.format == "escalator-export" else { throw Failure.badInput("\(safe(file)) is not an Escalator export (format \"\(safe(export.format))\").") }
        guard export.version <= 1 else { throw Failure.badInput("\(safe(file)) was written by a newer Escalator (version \(export.version)).") }
        var plan = Plan()
        let archived = Set(try session.store.loadArchiveSummaries().map(\.id))
        var ledger = session.store.ledger
        var staged: [Event] = []
        for (index, e) in export.escalations.enumerated() {
            if ledger[e.id] != nil || archived.contains(e.id) {
                plan.skipped.append("escalations[\(index)] \(e.id): already in the store")
                continue
            }
            staged += ExportFile.events(recreating: e)
            plan.taken += 1
        }
        staged.sort { $0.time < $1.time }
        var sequence = ledger.lastSequence
        for var event in staged {
            sequence += 1
            event.sequence = sequence
            do {
                try ledger.apply(event)
            } catch {
                plan.problems.append("\(event.escalation): its history does not replay (\(error.reason))")
            }
        }
        plan.events = staged
        return plan
    }

    private func planCSV(_ session: Session) throws -> Plan {
        let known = ["title", "account", "category", "severity", "tier", "arr", "currency", "segment", "owner", "impact", "description",
                     "ask", "deadline", "created_at", "id", "status", "team", "acknowledged_at", "resolved_at", "closed_at", "resolution"]
        let csv = try readCSV(file)
        let table = try CSVTable(csv.rows, required: ["title", "account", "category"], known: known, file: file)
        var plan = Plan()
        plan.remark = csv.remark
        var ledger = session.store.ledger
        let lifecycle = Lifecycle(policy: session.policy)
        let openKeys = Set(ledger.escalations.values.filter(\.isOpen).map { "\($0.account.name.lowercased())|\($0.title.lowercased())" })
        let book = (try? session.store.accounts()) ?? []
        let archived = Set(try session.store.loadArchiveSummaries().map(\.id.description))
        for row in table.records {
            do {
                if let id = row["id"], !id.isEmpty, archived.contains(id) || ledger.escalations.keys.contains(where: { $0.description == id }) {
                    plan.skipped.append("line \(row.line): \(id): already in the store")
                    continue
                }
                let key = "\((row["account"] ?? "").lowercased())|\((row["title"] ?? "").lowercased())"
                if openKeys.contains(key) {
                    plan.skipped.append("line \(row.line): \(row["account"] ?? "") — \(row["title"] ?? ""): already open")
                    continue
                }
                let (draft, owner, time) = try CSVEscalation.parse(row, policy: session.policy, book: book, now: session.now)
                var event = try lifecycle.decide(.create(draft), on: nil, in: ledger, at: time, actor: session.context.actor)
                event.sequence = ledger.lastSequence + 1
                try ledger.apply(event)
                var events = [event]
                for (command, at) in try CSVEscalation.lifecycle(row, owner: owner, createdAt: time, now: session.now) {
                    var next = try lifecycle.decide(command, on: event.escalation, in: ledger, at: at, actor: session.context.actor)
                    next.sequence = ledger.lastSequence + 1
                    try ledger.apply(next)
                    events.append(next)
                }
                plan.events += events
                plan.taken += 1
            } catch let failure as Failure {
                plan.problems.append("line \(row.line): \(failure.message)")
            } catch let error as LifecycleError {
                plan.problems.append("line \(row.line): \(error.message)")
            } catch let error as ReplayError {
                plan.problems.append("line \(row.line): \(error.reason)")
            }
        }
        return plan
    }
}

/// One CSV row as a new escalation.
enum CSVEscalation {
    /// What happened to the escalation after it was created, as `export` writes it: acknowledged
    /// (by the owner), started, resolved (with the resolution), closed, each at its time.
    static func lifecycle(_ row: CSVTable.Record, owner: String?, createdAt: Date, now: Date) throws -> [(Command, Date)] {
        func time(_ column: String) throws -> Date? {
            guard let text = row[column], !text.isEmpty else { return nil }
            guard let date = ISOTime.parse(text) else { throw Failure.badInput("\(column) \"\(safe(text))\" is not an ISO 8601 time") }
            guard date <= now else { throw Failure.badInput("\(column) \(safe(text)) is in the future") }
            guard date >= createdAt else { throw Failure.badInput("\(column) \(safe(text)) is before created_at") }
            return date
        }
        let acknowledged = try time("acknowledged_at"), resolved = try time("resolved_at"), closed = try time("closed_at")
        var out: [(Command, Date)] = []
        if let owner { out.append((.acknowledge(owner: owner), acknowledged ?? createdAt)) } else if acknowledged != nil {
            throw Failure.badInput("acknowledged_at needs the owner who acknowledged it")
        }
        let status = (row["status"] ?? "").lowercased()
        if ["in_progress", "stalled"].contains(status) || (resolved != nil && owner != nil) {
            out.append((.start, acknowledged ?? createdAt))
        }
        if let resolved {
            let resolution = row["resolution"] ?? ""
            guard !resolution.isEmpty else { throw Failure.badInput("resolved_at needs the resolution") }
            out.append((.resolve(resolution: resolution), resolved))
        }
        if let closed { out.append((.close, closed)) }
        return out
    }

    static func parse(_ row: CSVTable.Record, policy: Policy, book: [Account], now: Date) throws -> (Draft, String?, Date) {
        let name = row["account"] ?? ""
        guard let category = Category(rawValue: (row["category"] ?? "").lowercased()) else {
            throw Failure.badInput("category \"\(safe(row["category"] ?? ""))\" is not one of \(Category.allCases.map(\.key).joined(separator: ", "))")
        }
        let severityText = (row["severity"] ?? "").lowercased()
        guard let severity = severityText.isEmpty ? .medium : Severity(rawValue: severityText) else {
            throw Failure.badInput("severity \"\(safe(severityText))\" is not critical, high or medium")
        }
        let tierText = row["tier"] ?? ""
        guard let tier = tierText.isEmpty ? Intake.defaultTier(for: severity) : Int(tierText).flatMap(Tier.init(rawValue:)) else {
            throw Failure.badInput("tier \"\(safe(tierText))\" is not 1 to 4")
        }
        var account = book.first { Account.bookKey($0.name) == Account.bookKey(name) } ?? Account(name: name, arr: Money(0))
        if let arr = row["arr"], !arr.isEmpty { account.arr.amount = try parseARR(arr) }
        if let c = row["currency"], !c.isEmpty {
            guard c.count == 3, c.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw Failure.badInput("currency \"\(safe(c))\" is not a three-letter code") }
            account.arr.currency = c.uppercased()
        }
        if let s = row["segment"], !s.isEmpty {
            guard let segment = Segment(rawValue: s.lowercased()) else { throw Failure.badInput("segment \"\(safe(s))\" is not enterprise, mid_market, smb or strategic") }
            account.segment = segment
        }
        var brief = Brief()
        brief.impact = row["impact"] ?? ""
        brief.description = row["description"] ?? ""
        brief.ask.text = row["ask"] ?? ""
        if let d = row["deadline"], !d.isEmpty {
            brief.ask.deadline = try accepted(DeadlineText.read(d, named: "deadline", calendar: policy.calendar))
        }
        var time = now
        if let c = row["created_at"], !c.isEmpty {
            let date = try accepted(ISOTime.read(c, named: "created_at"))
            guard date <= now else { throw Failure.badInput("created_at \(safe(c)) is in the future") }
            time = date
        }
        let owner = (row["owner"] ?? "").isEmpty ? nil : row["owner"]
        let draft = Draft(title: row["title"] ?? "", account: account, category: category, severity: severity, tier: tier,
                          team: policy.rule(for: category).team, brief: brief)
        return (draft, owner, time)
    }
}
