import ArgumentParser
import EscalationKit
import Foundation

/// Ready-made deliveries, each a hook command that reads the notification's JSON on standard input.
struct DeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Deliver a notification read from standard input (for use as a hook command).",
        subcommands: [Mail.self, Slack.self, PagerDuty.self]
    )

    /// Through the local `sendmail`: the subject and body as the notification has them.
    struct Mail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mail",
            abstract: "Mail the notification through the local sendmail.",
            discussion: "As a hook: routed = [\"/usr/local/bin/escalator deliver mail --to cs-leads@example.com\"]. Exits non-zero when sendmail fails, so the outbox tries again."
        )
        @Option(help: "The recipient (repeatable).") var to: [String]
        @Option(help: "The sender.") var from = "escalator"
        @Option(help: "The sendmail program.") var sendmail = "/usr/sbin/sendmail"

        func validate() throws {
            guard !to.isEmpty else { throw ValidationError("Name at least one recipient with --to.") }
            for address in to + [from] where address.contains(where: { $0.isNewline || $0 == "," || $0.isWhitespace }) || address.hasPrefix("-") {
                throw ValidationError("\"\(safe(address))\" is not one address.")
            }
        }

        func run() throws {
            try reporting {
                let payload = try DeliveryPayload.read()
                // One line, no control characters: a subject cannot add headers.
                let subject = SafeText.neutralized(payload.subject).replacingOccurrences(of: "\n", with: " ")
                var message = "From: \(from)\nTo: \(to.joined(separator: ", "))\nSubject: \(subject)\n"
                message += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n"
                if let key = payload.idempotencyKey { message += "X-Escalator-Key: \(SafeText.neutralized(key))\n" }
                message += "\n" + SafeText.neutralized(payload.body, singleLine: false) + "\n"
                let process = Process()
                process.executableURL = URL(fileURLWithPath: sendmail)
                // -i: a line with a lone dot does not end the message; recipients after "--", never options.
                process.arguments = ["-i", "-f", from, "--"] + to
                let input = Pipe()
                process.standardInput = input
                do { try process.run() } catch {
                    throw Failure(.storeUnreadable, "\(safe(sendmail)) could not be started: \(error.localizedDescription); nothing was sent.")
                }
                input.fileHandleForWriting.write(Data(message.utf8))
                try? input.fileHandleForWriting.close()
                process.waitUntilExit()
                guard process.terminationReason == .exit, process.terminationStatus == 0 else {
                    throw Failure(.storeUnreadable, "\(safe(sendmail)) failed (status \(process.terminationStatus)); the mail may not have gone out.")
                }
            }
        }
    }
}

/// The notification a delivery reads from standard input.
enum DeliveryPayload {
    static func read() throws -> NotificationPayload {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        do { return try JSONDecoder().decode(NotificationPayload.self, from: data) } catch {
            throw Failure.badInput("Standard input is not a notification (the JSON a hook receives); nothing was sent.")
        }
    }
}
