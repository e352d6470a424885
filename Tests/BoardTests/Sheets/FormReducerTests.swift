import Foundation
import Testing
import EscalationKit
@testable import Board

/// The form driven by keys: navigation, live scoring, validation, cancel, the override reason, lint on save.
@Suite struct FormReducerTests {
    @Test func tabAndShiftTabMoveBetweenFieldsAndWrapAround() {
        var state = SheetFixture.state()
        state.press(.character("n"))
        #expect(SheetFixture.form(state)?.focus == .account)
        state.press(.tab, .tab)
        #expect(SheetFixture.form(state)?.focus == .category)
        state.press(.backTab)
        #expect(SheetFixture.form(state)?.focus == .title)
        state.press(.backTab, .backTab)
        #expect(SheetFixture.form(state)?.focus == .links, "Shift-Tab from the first field wraps to the last")
        #expect(state.handle(.key(.down)).isEmpty)
        #expect(SheetFixture.form(state)?.focus == .account)
    }

    @Test func accountCompletesFromKnownAccountsAndSuggestsTheValueScore() {
        var state = SheetFixture.state()
        state.press(.character("n"))
        state.typeText("ac")
        var r = state.reading(SheetFixture.form(state)!)
        #expect(r.completions.map(\.name) == ["Acme Corp", "Acorn Labs"])
        state.press(.down, .tab)
        r = state.reading(SheetFixture.form(state)!)
        #expect(r.account?.name == "Acorn Labs")
        #expect(r.score(.value) == 1, "EUR 9k is below the low-value threshold")
        state.press(.backTab, .control("u"))
        state.typeText("acme")
        state.press(.tab)
        r = state.reading(SheetFixture.form(state)!)
        #expect(r.account?.name == "Acme Corp")
        #expect(r.valueSuggestion?.score == 5)
    }

    @Test func theScoreBandAndSuggestedSeverityFollowTheScoresAsTheyAreTyped() {
        var state = SheetFixture.state()
        state.fillHalf()
        var r = state.reading(SheetFixture.form(state)!)
        #expect(r.scorecard?.total == 17)
        #expect(r.scorecard?.decision == .escalateWithUrgency)
        #expect(r.severity == .high)
        state.press(.right)  // capability 4 → 5
        r = state.reading(SheetFixture.form(state)!)
        #expect(r.scorecard?.total == 18)
        #expect(r.severity == .critical)
        #expect(r.tier == .criticalMultiCustomer, "the tier follows a critical severity until chosen")
        state.press(.backTab, .character("1"))
        r = state.reading(SheetFixture.form(state)!)
        #expect(r.scorecard?.total == 15)
        #expect(r.severity == .high)
    }

    @Test func problemsAreShownBesideTheirFieldsOnSaveAndFocusTheFirst() {
        var state = SheetFixture.state()
        state.press(.character("n"))
        state.typeText("Acme Corp")
        state.press(.tab)
        #expect(state.reading(SheetFixture.form(state)!).shownProblems.isEmpty, "nothing is flagged before the user leaves a field")
        state.press(.tab)
        #expect(state.reading(SheetFixture.form(state)!).shownProblems[.title] == "required")
        let effects = state.press(.enter)
        #expect(effects.isEmpty)
        let form = SheetFixture.form(state)!
        let shown = state.reading(form).shownProblems
        #expect(shown[.title] == "required")
        #expect(shown[.category] != nil)
        #expect(shown[.impactScore] == "score 1–5")
        #expect(shown[.valueScore] == nil, "the value score is suggested for a known account")
        #expect(form.focus == .title)
        #expect(state.message?.isError == true)
    }

    @Test func aBadDeadlineIsRefusedBesideTheField() {
        var state = SheetFixture.state()
        state.fillHalf()
        state.focusForm(on: .deadline)
        state.typeText("next friday")
        state.press(.enter)
        #expect(state.reading(SheetFixture.form(state)!).shownProblems[.deadline] == "a date: YYYY-MM-DD")
        #expect(SheetFixture.form(state)?.phase == .editing)
    }

    @Test func escCancelsAtOnceWhenNothingWasTypedAndAsksOtherwise() {
        var state = SheetFixture.state()
        state.press(.character("n"), .escape)
        #expect(state.sheets.current == nil)
        state.press(.character("n"))
        state.typeText("Acme")
        state.press(.escape)
        #expect(SheetFixture.form(state)?.phase == .confirmDiscard)
        state.press(.character("n"))
        #expect(SheetFixture.form(state)?.phase == .editing)
        #expect(SheetFixture.form(state)?.values[.account] == "Acme", "keeping on editing loses nothing")
        state.press(.escape, .character("y"))
        #expect(state.sheets.current == nil)
        #expect(state.message?.text == "Discarded.")
    }

    @Test func overridingTheSuggestedSeverityAsksForAReason() {
        var state = SheetFixture.state()
        state.fillHalf()
        state.press(.tab, .character("c"))
        var r = state.reading(SheetFixture.form(state)!)
        #expect(r.needsReason)
        #expect(r.visibleFields.contains(.reason))
        state.press(.enter)
        #expect(SheetFixture.form(state)?.focus == .title || SheetFixture.form(state)?.focus == .reason)
        #expect(state.reading(SheetFixture.form(state)!).shownProblems[.reason] == "required: why override")
        var form = SheetFixture.form(state)!
        form.focus = .reason
        state.sheets.form = form
        state.typeText("Renewal in six weeks")
        r = state.reading(SheetFixture.form(state)!)
        #expect(r.problems.isEmpty)
        let draft = r.draft(policy: state.policy, at: state.now)
        #expect(draft.severity == .critical)
        #expect(draft.suggestedSeverity == .high)
        #expect(draft.severityOverrideReason == "Renewal in six weeks")
        // Back to the suggestion: no reason needed, the field goes away.
        form = SheetFixture.form(state)!
        form.focus = .severity
        state.sheets.form = form
        state.press(.backspace)
        #expect(!state.reading(SheetFixture.form(state)!).needsReason)
    }

    @Test func saveShowsTheLintFindingsThenSavesAnywayAndTheCursorJumpsToTheNewCard() throws {
        var state = SheetFixture.state()
        state.fillHalf()
        var effects = state.press(.enter)
        #expect(effects.isEmpty)
        guard case .review(let findings) = SheetFixture.form(state)?.phase else {
            Issue.record("expected the lint review")
            return
        }
        #expect(findings.map(\.id).contains("no-ask"))
        #expect(findings.map(\.id).contains("no-reproduction"))
        // Back to fix: the focus lands on the field the first finding is about.
        state.press(.character("f"))
        #expect(SheetFixture.form(state)?.phase == .editing)
        #expect(SheetFixture.form(state)?.focus == .ask)
        effects = state.press(.enter, .character("s"))
        #expect(effects.count == 1)
        guard case .commit(let commands, nil) = effects.first, commands.count == 1, case .create(let draft) = commands[0] else {
            Issue.record("expected a create commit, got \(effects)")
            return
        }
        #expect(draft.account.name == "Acme Corp")
        #expect(draft.dimensions == Dimensions(impact: 4, value: 5, urgency: 4, capability: 4))
        #expect(draft.team == state.policy.rule(for: .productDefect).team)
        #expect(SheetFixture.form(state)?.phase == .saving)

        // The store answers: the form closes and the cursor is on the new card.
        let event = try Lifecycle(policy: state.policy).decide(.create(draft), on: nil, in: state.ledger, at: state.now, actor: "alice")
        var committed = event
        committed.sequence = state.ledger.lastSequence + 1
        _ = state.handle(.committed([committed]))
        #expect(state.sheets.current == nil)
        #expect(state.selection == event.escalation)
        #expect(state.focus == .routed)
    }

    @Test func aRefusedSaveGoesBackToTheFormWithEverythingTyped() {
        var state = SheetFixture.state()
        state.fillHalf()
        state.press(.enter, .enter)
        _ = state.handle(.commitFailed("store is locked"))
        #expect(SheetFixture.form(state)?.phase == .editing)
        #expect(SheetFixture.form(state)?.values[.title] == "Nightly export drops rows")
    }

    @Test func ctrlEAsksForTheEditorAndItsTextComesBack() {
        var state = SheetFixture.state()
        state.press(.character("n"))
        state.focusForm(on: .description)
        state.typeText("First line")
        #expect(state.press(.control("e")) == [.editText("First line")])
        _ = state.handle(.textEdited(.edited("First line\nSecond line\n")))
        #expect(SheetFixture.form(state)?.values[.description] == "First line\nSecond line")
        state.press(.control("e"))
        _ = state.handle(.textEdited(.failed("The editor vi exited with status 1.")))
        #expect(SheetFixture.form(state)?.values[.description] == "First line\nSecond line", "a failed editor loses nothing")
        #expect(state.message?.isError == true)
    }

    @Test func editPrefillsAndSavesAnEditPlusSeverityWithItsReason() {
        var state = SheetFixture.state()
        let e = state.target!
        state.press(.character("e"))
        var form = SheetFixture.form(state)!
        #expect(form.values[.title] == e.title)
        #expect(form.values[.account] == e.account.name)
        state.press(.control("u"))
        state.typeText("Exports fail for EU tenants")
        form = SheetFixture.form(state)!
        form.focus = .severity
        state.sheets.form = form
        state.press(.right)
        let newSeverity = state.reading(SheetFixture.form(state)!).severity!
        #expect(newSeverity != e.severity)
        state.press(.tab)
        #expect(SheetFixture.form(state)?.focus == .reason)
        state.typeText("Customer escalated to the CEO")
        state.press(.enter)
        let effects = state.press(.character("s"))
        #expect(effects == [.commit([.edit(Edit(title: "Exports fail for EU tenants")),
                                     .severity(newSeverity, reason: "Customer escalated to the CEO")], e.id)],
                "one commit of every change: the store applies all of them or none")
    }

    @Test func anEditOfTheBriefTheSeverityAndTheTierIsOneCommitOfThreeCommands() {
        var state = SheetFixture.state()
        let e = state.target!
        state.press(.character("e"))
        state.focusForm(on: .impact)
        state.press(.end)
        state.typeText(" Also the EU tenants.")
        state.focusForm(on: .severity)
        state.press(.right)
        let newSeverity = state.reading(SheetFixture.form(state)!).severity!
        state.focusForm(on: .tier)
        let newTier = Tier.all.first { $0 != e.tier }!
        state.typeText("\(newTier.rawValue)")
        state.focusForm(on: .reason)
        state.typeText("The CEO called")
        let effects = state.press(.enter, .character("s"))
        var brief = e.brief
        brief.impact = e.brief.impact + " Also the EU tenants."
        #expect(effects == [.commit([.edit(Edit(brief: brief)), .severity(newSeverity, reason: "The CEO called"),
                                     .tier(newTier, reason: "The CEO called")], e.id)],
                "one commit: the store applies the brief, the severity and the tier together or none of them")
        #expect(state.saving.pending.count == 1)
    }

    @Test func theReachTheMoneyAndTheLinksGoIntoTheBrief() {
        var state = SheetFixture.state()
        state.fillHalf()
        state.focusForm(on: .affected)
        state.typeText("3 customers, 250 users")
        state.press(.tab)
        state.typeText("EUR 194k ARR at risk")
        state.press(.tab)
        #expect(SheetFixture.form(state)?.focus == .links)
        state.typeText("SUP-4711, https://status.example/incident/9  JIRA-12")
        let draft = state.reading(SheetFixture.form(state)!).draft(policy: state.policy, at: state.now)
        #expect(draft.brief.impactDimensions.breadth == "3 customers, 250 users")
        #expect(draft.brief.impactDimensions.revenue == "EUR 194k ARR at risk")
        #expect(draft.brief.links == ["SUP-4711", "https://status.example/incident/9", "JIRA-12"])
        // With numbers in the reach, the linter no longer says the impact is not quantified.
        let findings = state.reading(SheetFixture.form(state)!).wouldBe(in: state.ledger, policy: state.policy, at: state.now)
            .map { BriefLinter.lint($0, among: [], at: state.now, policy: state.policy) } ?? []
        #expect(!findings.map(\.id).contains("impact-not-quantified"))
        #expect(!findings.map(\.id).contains("no-links"))
    }

    @Test func editKeepsTheLinksAndSavesOnlyWhatChanged() {
        var state = SheetFixture.state()
        let e = state.target!
        state.press(.character("e"))
        #expect(SheetFixture.form(state)?.values[.links] == e.brief.links.joined(separator: " "))
        state.focusForm(on: .links)
        state.press(.end)
        state.typeText(" SUP-9")
        let effects = state.press(.enter, .character("s"))
        var brief = e.brief
        brief.links = e.brief.links + ["SUP-9"]
        #expect(effects == [.commit([.edit(Edit(brief: brief))], e.id)])
    }

    @Test func editingWithoutChangesSaysSo() {
        var state = SheetFixture.state()
        state.press(.character("e"), .enter)
        #expect(state.sheets.current == nil)
        #expect(state.message?.text == "Nothing changed.")
    }

    @Test func theCaretMovesInsideATextFieldAndTypingGoesWhereItIs() {
        var state = SheetFixture.state()
        state.press(.character("n"), .tab)
        state.typeText("Export drops rows")
        state.press(.left, .left, .left, .left)
        state.typeText("many ")
        #expect(SheetFixture.form(state)?.values[.title] == "Export drops many rows")
        #expect(BoardView.render(state).plainText.contains("Export drops many ▏rows"))
        #expect(BoardView.render(state).plainText.contains("← → move"))
        state.press(.home)
        state.typeText("Nightly ")
        #expect(SheetFixture.form(state)?.values[.title] == "Nightly Export drops many rows")
        state.press(.delete)  // the E under the caret
        state.typeText("e")
        state.press(.right, .right, .right, .right, .right, .backspace)  // "export" → "expor" + t removed
        #expect(SheetFixture.form(state)?.values[.title] == "Nightly expor drops many rows")
        state.press(.end)
        state.typeText(" at night")
        #expect(SheetFixture.form(state)?.values[.title] == "Nightly expor drops many rows at night")
        // ← at the start and → at the end stay put; a new field starts with the caret at its end.
        state.press(.home, .left, .backspace)
        #expect(SheetFixture.form(state)?.values[.title] == "Nightly expor drops many rows at night")
        state.press(.backTab)
        #expect(SheetFixture.form(state)?.caret == nil)
        state.typeText("Glo")
        #expect(SheetFixture.form(state)?.values[.account] == "Glo")
    }

    @Test func leftAndRightStillChooseOnChoiceAndScoreFields() {
        var state = SheetFixture.state()
        state.press(.character("n"), .tab, .tab)
        #expect(SheetFixture.form(state)?.focus == .category)
        #expect(BoardView.render(state).plainText.contains("← → choose"), "the footer says what the arrows do here")
        state.press(.right)
        #expect(SheetFixture.form(state)?.values.category != nil)
        state.press(.tab, .right, .right)
        #expect(state.reading(SheetFixture.form(state)!).score(.impact) == 2)
    }
}

/// The account field's completion: accents and case folded, names that start with the text first.
@Suite struct AccountCompletionTests {
    func completions(_ typed: String) -> [String] {
        var state = SheetFixture.state()
        state.accounts = ["Aperture Science", "Zürich Re Digital", "Stark Industries", "Société Générale", "Sirius Cybernetics",
                          "Umbrella Health", "Basel Zurich AG"].map { Account(name: $0, arr: Money(20_000)) }
        state.press(.character("n"))
        state.typeText(typed)
        return state.reading(SheetFixture.form(state)!).completions.map(\.name)
    }

    @Test func accentsAndCaseAreFolded() {
        #expect(completions("zur") == ["Zürich Re Digital", "Basel Zurich AG"])
        #expect(completions("ZÜR") == ["Zürich Re Digital", "Basel Zurich AG"])
        #expect(completions("societe") == ["Société Générale"])
    }

    @Test func prefixMatchesComeFirst() {
        #expect(completions("S") == ["Sirius Cybernetics", "Société Générale", "Stark Industries", "Aperture Science", "Basel Zurich AG"])
    }
}
