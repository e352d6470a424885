#if canImport(Glibc)
import Glibc
#endif
import EscalationKit
import Foundation

/// Why the store could not do what was asked, phrased for the person at the terminal.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// There is no store at this directory.
    case notFound(URL)
    /// Another process held the lock for longer than the bounded wait.
    case busy(holder: String, waited: Duration)
    /// A file does not read as the store wrote it; it was left untouched.
    case damaged(path: String, location: String, reason: String)
    /// The lifecycle refused the command (possibly because someone changed the escalation meanwhile).
    case rejected(LifecycleError)
    /// The files were written by a newer Escalator.
    case newerSchema(found: Int, known: Int)
    /// The operating system refused a file operation.
    case io(path: String, reason: String)
    /// A store already exists where one was to be created.
    case alreadyExists(URL)
    /// The store refused this user the operation (a database role without the grant).
    case denied(String)
    /// The store's server could not be reached; the message names the server, never a password.
    case unreachable(String)

    public var description: String {
        switch self {
        case .notFound(let url): "No store at \(url.path). Create one with `escalator init` (or point --store / ESCALATOR_STORE at it)."
        case .busy(let holder, let waited): "Store busy: held by \(holder); gave up after \(waited.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))."
        case .damaged(let path, let location, let reason): "\(path): \(location): \(reason). The file was left as it is; run `escalator doctor` to inspect and `escalator doctor --repair` to salvage."
        case .rejected(let error): error.description
        case .newerSchema(let found, let known): "This store was written by a newer Escalator (schema \(found); this binary knows up to \(known)). Upgrade Escalator to use it."
        case .io(let path, let reason): "\(path): \(reason)"
        case .alreadyExists(let url): "A store already exists at \(url.path)."
        case .denied(let message), .unreachable(let message): message
        }
    }

    /// The error for a failed system call, with errno's text.
    /// A store file that is a link or not the kind of file the store writes: never written through.
    static func unsafeFile(_ path: String, _ what: String) -> StoreError {
        .io(path: path, reason: "\(what); the store never follows links or writes to other kinds of file in it, so nothing was written to it. Someone other than Escalator put it there: check it, then remove it (`rm \(path)`)")
    }

    static func posix(_ path: String, _ call: String) -> StoreError {
        .io(path: path, reason: "\(call) failed: \(String(cString: strerror(errno)))")
    }
}
