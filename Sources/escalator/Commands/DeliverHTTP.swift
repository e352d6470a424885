import ArgumentParser
import Delivery
import EscalationKit
import Foundation

/// What `deliver slack` and `deliver pagerduty` share: the timeout, a CA file, reading a secret,
/// and turning an HTTP failure into the exit code the outbox acts on — 75 (try again later) for a
/// refused connection, a timeout, HTTP 5xx, 408 or 429; 65 for any other refusal, which the same
/// request would meet again.
struct HTTPDeliveryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Give up after this many seconds: connecting, sending and the answer together.", valueName: "seconds"))
    var timeout: Double = 10
    @Option(name: .customLong("ca-file"), help: ArgumentHelp("Trust the certificates in this PEM file instead of the system's.", valueName: "path"))
    var caFile: String?

    func validate() throws {
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout is between 0 and 300 seconds.") }
    }

    /// Posts `body` as JSON; returns the answer, or throws the failure with its exit code.
    func post(_ body: Data, to endpoint: HTTPEndpoint, what: String) throws -> HTTPAnswer {
        let post = HTTPPost(to: endpoint, headers: [(name: "Content-Type", value: "application/json; charset=utf-8"),
                                                    (name: "User-Agent", value: "escalator/\(EscalationKit.version)")],
                            body: [UInt8](body), timeout: timeout, caFile: caFile)
        do { return try post.send() } catch let failure as HTTPFailure {
            if failure.isTemporary {
                throw Failure(.storeBusy, "\(SafeText.neutralized(failure.sentence)); \(what) was not delivered, and trying again later may succeed.")
            }
            throw Failure(.badInput, "\(SafeText.neutralized(failure.sentence)); \(what) was refused, and trying again will fail the same way until the configuration changes.")
        }
    }
}

/// A secret (a webhook URL, a routing key) from a file named in the hook's command line, else from
/// the environment: never from the command line itself, where `ps` shows it to every user.
enum DeliverySecret {
    static func read(file: String?, environment name: String, what: String, option: String) throws -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw Failure.usage("The \(what) file \(safe(file)) cannot be read; nothing was sent.")
            }
            let value = text.trimmed
            guard !value.isEmpty else { throw Failure.usage("The \(what) file \(safe(file)) is empty; nothing was sent.") }
            return value
        }
        guard let value = ProcessInfo.processInfo.environment[name]?.trimmed, !value.isEmpty else {
            throw Failure.usage("No \(what): name a file holding it with \(option), or set \(name); nothing was sent.")
        }
        return value
    }
}
