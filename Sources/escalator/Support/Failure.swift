import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// A failure the user can act on, with the exit code scripts rely on:
/// 64 usage, 65 bad input or illegal transition, 69 store server unreachable, 74 store unreadable or
/// damaged, 75 store busy, 77 permission denied.
struct Failure: Error, CustomStringConvertible {
    enum Kind: Int32 {
        case usage = 64
        case badInput = 65
        case storeUnreadable = 74
        case storeBusy = 75
        case storeUnavailable = 69
        case permissionDenied = 77
    }

    var kind: Kind
    var message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    var description: String { message }

    static func badInput(_ message: String) -> Failure { Failure(.badInput, message) }
    static func usage(_ message: String) -> Failure { Failure(.usage, message) }
}

/// Runs a command body, turning every failure into one or two plain sentences on standard error
/// and the documented exit code — never a stack trace or a Swift error dump.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        exitWith(failure)
    } catch let error as LifecycleError {
        exitWith(Failure(.badInput, error.description))
    } catch let error as StoreError {
        exitWith(Failure(error.exitKind, error.description))
    } catch let error as Context.Problem {
        exitWith(Failure(.badInput, error.description))
    } catch let error as ExitCode {
        throw error
    } catch {
        exitWith(Failure(.storeUnreadable, "\(error)"))
    }
}

func exitWith(_ failure: Failure) -> Never {
    FileHandle.standardError.write(Data(("escalator: " + SafeText.neutralized(failure.message, singleLine: false) + "\n").utf8))
    exit(failure.kind.rawValue)
}

extension StoreError {
    /// The exit code class of a store error.
    var exitKind: Failure.Kind {
        switch self {
        case .busy: .storeBusy
        case .unreachable: .storeUnavailable
        case .denied: .permissionDenied
        case .rejected, .alreadyExists: .badInput
        default: .storeUnreadable
        }
    }
}
