import Foundation
import Testing
@testable import EscalationKit

/// The times at which a chain's notifications go out, golden, in business and calendar time.
@Suite struct ChainScheduleTests {
    @Test func theStandardChainInBusinessHours() throws {
        var desk = Desk()
        // Tuesday 15:00 in Berlin; high severity counts business hours (09–17): 4 h to acknowledge
        // ends Wednesday 11:00 Berlin, half of it is Tuesday 17:00.
        let e = try desk.run(.create(draft(severity: .high)), at: utc("2026-03-10 14:00"))
        let steps = ChainSchedule(policy: .standard).steps(for: e, at: utc("2026-03-10 14:00"))
        #expect(steps.map(\.at) == [utc("2026-03-10 14:00"), utc("2026-03-10 16:00"), utc("2026-03-11 10:00"),
                                    utc("2026-03-11 14:00"), utc("2026-03-11 18:00"), utc("2026-03-11 22:00")])
        #expect(steps.map(\.label) == ["level 1 (contact)", "level 2 (lead)", "level 3 (team:cs_leadership)",
                                       "repeat 1 (team:cs_leadership)", "repeat 2 (team:cs_leadership)", "repeat 3 (team:cs_leadership)"])
        #expect(steps[2].names.hasPrefix("CS leadership"))
        let schedule = ChainSchedule(policy: .standard)
        #expect(schedule.due(for: e, at: utc("2026-03-10 15:59")).map(\.level) == [1])
        #expect(schedule.due(for: e, at: utc("2026-03-10 16:00")).map(\.level) == [1, 2])
        #expect(schedule.levelReached(by: e, at: utc("2026-03-11 14:30")) == 4)
        // Acknowledged: nothing more goes out.
        let acked = try desk.run(.acknowledge(owner: "mike"), e.id, at: utc("2026-03-11 09:00"))
        #expect(schedule.due(for: acked, at: utc("2026-03-11 23:00")).isEmpty)
    }

    @Test func aCategoryChainInCalendarTime() throws {
        var policy = Policy.standard
        policy.chains[.security] = EscalationChain(levels: [.init(.person("Nadia Petrova"), at: 0.25), .init(.team("security"), at: 0.75)],
                                                   repeatEveryHours: 2, repeatTimes: 1)
        var desk = Desk()
        // Security counts calendar time: 1 h to acknowledge from Saturday 23:30 UTC.
        let e = try desk.run(.create(draft(category: .security, severity: .critical)), at: utc("2026-03-14 23:30"))
        let steps = ChainSchedule(policy: policy).steps(for: e, at: utc("2026-03-14 23:30"))
        #expect(steps.map(\.at) == [utc("2026-03-14 23:45"), utc("2026-03-15 00:15"), utc("2026-03-15 02:30")])
        #expect(steps.map(\.recipient) == [.person("Nadia Petrova"), .team("security"), .team("security")])
        #expect(steps[0].names == "Nadia Petrova")
        // Other categories keep the default chain.
        #expect(policy.chain(for: .productDefect) == .standard)
    }

    @Test func recipientsReadAsTheConfigurationWritesThem() {
        for text in ["contact", "lead", "team:cs_leadership", "person:Ana Ruiz"] {
            #expect(EscalationChain.Recipient(text)?.text == text)
        }
        #expect(EscalationChain.Recipient("boss") == nil)
        #expect(EscalationChain.Recipient("team:") == nil)
    }
}
