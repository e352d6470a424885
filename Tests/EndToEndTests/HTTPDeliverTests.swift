import Foundation
import Testing

/// `deliver slack` and `deliver pagerduty` against a real HTTP server on 127.0.0.1: the exact request,
/// a retry through the outbox, a timeout, a refused connection, a refusal. Nothing leaves the machine.
@Suite struct HTTPDeliverTests {
    /// The secret part of the webhook URL, which no error may show.
    static let secret = "T0000/B0000/s3cr3tPath"

    static func payload(kind: String = "routed", level: String? = nil) -> String {
        """
        {"kind":"\(kind)","template":"handoff","escalation_id":"ESC-2026-0001","account":"Acme <Corp> & Co","severity":"critical",\
        "status":"routed","summary":"API latency issue affecting Acme Corp — P1 open 0 days","subject":"[ESC-2026-0001] P1 Engineering: API latency",\
        "body":"New escalation.","links":["https://support.example.com/tickets/4711"],"time":"2026-03-10T09:00:00Z","owner":null,\
        "idempotency_key":"ESC-2026-0001|1|\(kind)","level":\(level.map { "\"\($0)\"" } ?? "null"),"clock":"ack in 1h"}
        """
    }

    @Test func slackGetsABlockKitMessageThroughTheOutboxAfterA500() throws {
        let server = try LocalHTTPServer([.status(500, "internal_error"), .status(200, "ok")])
        defer { server.stop() }
        var cli = CLI()
        defer { cli.remove() }
        let webhook = try cli.write("slack-webhook", "\(server.url)/services/\(Self.secret)\n")
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks.commands]
        routed = ["\(CLI.executable.path) deliver slack --webhook-file \(webhook) --link https://crm.example.com/escalations/{id} --timeout 5"]
        """)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], title: "Reports time out", at: "2026-03-10T09:00:00Z")
        // Slack answered 500: the delivery failed and waits in the outbox; the change is saved.
        let outbox = try cli.run("outbox")
        #expect(outbox.out.contains("failed"), "\(outbox.out)")
        #expect(!outbox.out.contains(Self.secret) && !outbox.err.contains(Self.secret))
        #expect(try cli.run("notify", at: "2026-03-10T09:02:00Z").out.contains("1 delivered"))
        let requests = server.requests
        try #require(requests.count == 2)
        // The same message both times: the retry is the same notification.
        #expect(requests[0].body == requests[1].body)
        let r = requests[1]
        #expect(r.method == "POST" && r.target == "/services/\(Self.secret)")
        #expect(r.header("Host") == "127.0.0.1:\(server.port)")
        #expect(r.header("Content-Type") == "application/json; charset=utf-8")
        #expect(r.header("Content-Length") == String(r.body.count))
        #expect(r.header("User-Agent")?.hasPrefix("escalator/") == true)
        let message = r.json
        #expect((message["text"] as? String)?.hasPrefix("[\(id)] P2 Engineering: Reports time out") == true)
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "section", "section", "actions"])
        let header = try #require(blocks[0]["text"] as? [String: Any])
        #expect(header["type"] as? String == "plain_text")
        #expect((header["text"] as? String)?.hasPrefix("Reports time out affecting Acme Corp") == true, "\(header)")
        let fields = try #require(blocks[1]["fields"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(fields == ["*Severity*\nhigh", "*Clock*\nack in 4h", "*Status*\nrouted", "*Escalation*\n\(id), Acme Corp"])
        let button = try #require((blocks[3]["elements"] as? [[String: Any]])?.first)
        #expect(button["url"] as? String == "https://crm.example.com/escalations/\(id)")
        #expect((button["text"] as? [String: Any])?["text"] as? String == "Open \(id)")
    }

    @Test func slackEscapesStoreTextAndReadsTheEnvironment() throws {
        let server = try LocalHTTPServer([.status(200, "ok")])
        defer { server.stop() }
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = "\(server.url)/services/\(Self.secret)"
        let r = try cli.run("deliver", "slack", input: Self.payload(kind: "reescalated", level: "level 2 (lead): Mike <Chen>"))
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "Posted reescalated for ESC-2026-0001 to http://127.0.0.1:\(server.port) (HTTP 200).\n")
        let blocks = try #require(server.requests.first?.json["blocks"] as? [[String: Any]])
        let fields = (blocks[1]["fields"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(fields?.last == "*Escalation*\nESC-2026-0001, Acme &lt;Corp&gt; &amp; Co")
        let what = (blocks[2]["text"] as? [String: Any])?["text"] as? String
        #expect(what == "*reescalated*: [ESC-2026-0001] P1 Engineering: API latency\nlevel 2 (lead): Mike &lt;Chen&gt;")
        // No --link: the brief's first link.
        #expect(((blocks[3]["elements"] as? [[String: Any]])?.first?["url"] as? String) == "https://support.example.com/tickets/4711")
    }

    @Test func aServerThatHangsTimesOutAndMayBeTriedAgain() throws {
        let server = try LocalHTTPServer([.silence(8)])
        defer { server.stop() }
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = "\(server.url)/services/\(Self.secret)"
        let started = Date()
        let r = try cli.run("deliver", "slack", "--timeout", "1", input: Self.payload())
        let took = Date().timeIntervalSince(started)
        #expect(r.code == 75, "\(r.err)")
        #expect(r.err == "escalator: http://127.0.0.1:\(server.port) did not answer within 1 s; the Slack message was not delivered, and trying again later may succeed.\n")
        #expect(took < 5, "gave up after \(took) s")
        #expect(server.requests.count == 1)
    }

    @Test func aRefusedConnectionMayBeTriedAgainAndARefusalMayNot() throws {
        var cli = CLI()
        defer { cli.remove() }
        let port = try LocalHTTPServer.closedPort()
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = "http://127.0.0.1:\(port)/services/\(Self.secret)"
        let refused = try cli.run("deliver", "slack", input: Self.payload())
        #expect(refused.code == 75)
        #expect(refused.err == "escalator: could not connect to http://127.0.0.1:\(port) (connection refused); the Slack message was not delivered, and trying again later may succeed.\n")

        let server = try LocalHTTPServer([.status(404, "no_service"), .status(429, "rate_limited")])
        defer { server.stop() }
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = "\(server.url)/services/\(Self.secret)"
        let gone = try cli.run("deliver", "slack", input: Self.payload())
        #expect(gone.code == 65)
        #expect(gone.err.contains("answered HTTP 404: no_service; the Slack message was refused"), "\(gone.err)")
        #expect(!gone.err.contains(Self.secret))
        let busy = try cli.run("deliver", "slack", input: Self.payload())
        #expect(busy.code == 75 && busy.err.contains("answered HTTP 429: rate_limited"), "\(busy.err)")
    }

    @Test func missingOrBadConfigurationSendsNothing() throws {
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = ""
        cli.extraEnvironment["PAGERDUTY_ROUTING_KEY"] = ""
        let none = try cli.run("deliver", "slack", input: Self.payload())
        #expect(none.code == 64 && none.err == "escalator: No Slack webhook URL: name a file holding it with --webhook-file, or set SLACK_WEBHOOK_URL; nothing was sent.\n", "\(none.err)")
        let missing = try cli.run("deliver", "pagerduty", "--routing-key-file", cli.root.path + "/nope", input: Self.payload())
        #expect(missing.code == 64 && missing.err.contains("cannot be read; nothing was sent."), "\(missing.err)")
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = "ftp://example.com/\(Self.secret)"
        let ftp = try cli.run("deliver", "slack", input: Self.payload())
        #expect(ftp.code == 64 && !ftp.err.contains(Self.secret), "\(ftp.err)")
        cli.extraEnvironment["SLACK_WEBHOOK_URL"] = "http://127.0.0.1:9/x"
        let notJSON = try cli.run("deliver", "slack", input: "hello")
        #expect(notJSON.code == 65 && notJSON.err.contains("not a notification"))
    }

    @Test func pagerDutyTriggersAcknowledgesAndResolvesOneAlert() throws {
        let server = try LocalHTTPServer([.status(202, #"{"status":"success","message":"Event processed"}"#)])
        defer { server.stop() }
        var cli = CLI()
        defer { cli.remove() }
        let key = try cli.write("pd-key", "R0UT1NGKEY0123456789abcdef012345\n")
        let hook = "\(CLI.executable.path) deliver pagerduty --routing-key-file \(key) --events-url \(server.url)/v2/enqueue"
        cli.extraEnvironment["ESCALATOR_CONFIG"] = try cli.write("escalator.toml", """
        [hooks.commands]
        routed = ["\(hook)"]
        acknowledged = ["\(hook)"]
        resolved = ["\(hook)"]
        """)
        #expect(try cli.run("init").code == 0)
        let id = try cli.new(["--severity", "high"], title: "Reports time out", at: "2026-03-10T09:00:00Z")
        #expect(try cli.run("ack", id, "--owner", "mike", at: "2026-03-10T09:30:00Z").code == 0)
        #expect(try cli.run("start", id, at: "2026-03-10T09:40:00Z").code == 0)
        #expect(try cli.run("resolve", id, "--resolution", "Index added", at: "2026-03-10T11:00:00Z").code == 0)
        let events = server.requests.map(\.json)
        try #require(events.count == 3)
        #expect(server.requests.allSatisfy { $0.target == "/v2/enqueue" && $0.header("Content-Type") == "application/json; charset=utf-8" })
        #expect(events.map { $0["event_action"] as? String } == ["trigger", "acknowledge", "resolve"])
        #expect(events.allSatisfy { $0["dedup_key"] as? String == id && $0["routing_key"] as? String == "R0UT1NGKEY0123456789abcdef012345" })
        let trigger = try #require(events[0]["payload"] as? [String: Any])
        #expect(trigger["severity"] as? String == "error")
        #expect(trigger["source"] as? String == "escalator")
        #expect(trigger["timestamp"] as? String == "2026-03-10T09:00:00.000Z", "the payload's time")
        #expect((trigger["summary"] as? String)?.hasPrefix("Reports time out affecting Acme Corp") == true)
        let details = try #require(trigger["custom_details"] as? [String: Any])
        #expect(details["idempotency_key"] as? String == "\(id)|1|routed")
        #expect(details["clock"] as? String == "ack in 4h")
        // Acknowledge and resolve name the alert only: PagerDuty takes no payload with them.
        #expect(events[1]["payload"] == nil && events[2]["payload"] == nil)
    }

    @Test func pagerDutyRefusalsAndTheEnvironmentKey() throws {
        let server = try LocalHTTPServer([.status(400, #"{"status":"invalid event","message":"Event object is invalid"}"#), .status(503, "")])
        defer { server.stop() }
        var cli = CLI()
        defer { cli.remove() }
        cli.extraEnvironment["PAGERDUTY_ROUTING_KEY"] = "abc123"
        let url = "\(server.url)/v2/enqueue"
        let bad = try cli.run("deliver", "pagerduty", "--events-url", url, input: Self.payload())
        #expect(bad.code == 65 && bad.err.contains("answered HTTP 400: {\"status\":\"invalid event\""), "\(bad.err)")
        let down = try cli.run("deliver", "pagerduty", "--events-url", url, input: Self.payload(kind: "acknowledged"))
        #expect(down.code == 75 && down.err.contains("answered HTTP 503;"), "\(down.err)")
        #expect(server.requests.map { $0.json["routing_key"] as? String } == ["abc123", "abc123"])
        cli.extraEnvironment["PAGERDUTY_ROUTING_KEY"] = "abc 123\nX-Injected: 1"
        let odd = try cli.run("deliver", "pagerduty", "--events-url", url, input: Self.payload())
        #expect(odd.code == 64 && odd.err.contains("not letters and digits"), "\(odd.err)")
    }
}
