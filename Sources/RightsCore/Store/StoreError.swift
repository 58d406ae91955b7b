import Foundation

/// What went wrong with the SQLite store, with what we were doing.
public enum StoreError: Error, Equatable, Sendable, LocalizedError {
    case open(path: String, reason: String)
    case migrate(path: String, reason: String)
    case write(what: String, reason: String)
    case read(what: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .open(path, reason): return "cannot open the store \(path): \(reason)"
        case let .migrate(path, reason): return "cannot migrate the store \(path): \(reason)"
        case let .write(what, reason): return "cannot write \(what) to the store: \(reason)"
        case let .read(what, reason): return "cannot read \(what) from the store: \(reason)"
        }
    }
}
