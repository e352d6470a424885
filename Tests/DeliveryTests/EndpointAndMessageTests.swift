import Foundation
import Testing
import EscalationKit
@testable import Delivery

/// The pure parts of the HTTP deliveries: which URLs are taken and how they are shown, which
/// failures are worth another try, and how a notification maps to PagerDuty's actions.
@Suite struct EndpointAndMessageTests {
    @Test func anEndpointIsShownWithoutItsSecretPath() throws {
        let slack = try #require(HTTPEndpoint("https://hooks.slack.com/services/T000/B000/XXXX?x=1"))
        #expect(slack.secure && slack.host == "hooks.slack.com" && slack.port == 443)
        #expect(slack.target == "/services/T000/B000/XXXX?x=1")
        #expect(slack.shown == "https://hooks.slack.com")
        let local = try #require(HTTPEndpoint("http://127.0.0.1:8080"))
        #expect(local.target == "/" && local.shown == "http://127.0.0.1:8080" && local.hostHeader == "127.0.0.1:8080" && local.isIPAddress)
        let v6 = try #require(HTTPEndpoint("http://[::1]:9000/x"))
        #expect(v6.host == "::1" && v6.shown == "http://[::1]:9000" && v6.isIPAddress)
        for bad in ["ftp://example.com/x", "hooks.slack.com/services/x", "https://user:pw@example.com/", "https://exa mple.com/", "http:///x", ""] {
            #expect(HTTPEndpoint(bad) == nil, "\(bad)")
        }
    }

    @Test func whatIsWorthAnotherTry() {
        #expect(HTTPFailure.unreachable("h", reason: "connection refused").isTemporary)
        #expect(HTTPFailure.timedOut("h", seconds: 1).isTemporary)
        #expect(HTTPFailure.broken("h", reason: "no answer").isTemporary)
        #expect(!HTTPFailure.tls("h", reason: "the certificate is not trusted").isTemporary)
        for code in [500, 502, 503, 429, 408] { #expect(HTTPFailure.status("h", code: code, detail: "").isTemporary) }
        for code in [400, 401, 403, 404, 410, 413] { #expect(!HTTPFailure.status("h", code: code, detail: "").isTemporary) }
        #expect(HTTPFailure.timedOut("http://h", seconds: 2.5).sentence == "http://h did not answer within 2.5 s")
    }

    @Test func pagerDutyActionsFollowTheLifecycle() {
        #expect(PagerDutyEvent.action(for: .routed) == .trigger)
        #expect(PagerDutyEvent.action(for: .reescalated) == .trigger)
        #expect(PagerDutyEvent.action(for: .stalled) == .trigger)
        #expect(PagerDutyEvent.action(for: .acknowledged) == .acknowledge)
        #expect(PagerDutyEvent.action(for: .resolved) == .resolve)
        #expect(PagerDutyEvent.action(for: .closed) == .resolve)
        #expect(PagerDutyEvent.severity("critical") == "critical" && PagerDutyEvent.severity("high") == "error"
                && PagerDutyEvent.severity("medium") == "warning")
    }

    @Test func slackTextIsEscapedAndOneLine() {
        #expect(SlackMessage.escaped("a <b> & c") == "a &lt;b&gt; &amp; c")
        #expect(!SlackMessage.plain("Evil\u{1B}[2J\ntitle").contains("\u{1B}"))
        #expect(SlackMessage.webURL("javascript:alert(1)") == nil)
        #expect(SlackMessage.webURL("https://crm.example.com/e/1") == "https://crm.example.com/e/1")
    }
}
