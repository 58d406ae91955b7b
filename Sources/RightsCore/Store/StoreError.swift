import Foundation

/// What went wrong with the SQLite store, with what we were doing.
public enum StoreError: Error, Equatable, Sendable, LocalizedError {
    case open(path: String, reason: String)
    case migrate(path: String, reason: String)
    case write(what: String, reason: String)
    case read(what: String, reason: String)
    /// A command that only reads was pointed at a store that does not exist (it creates none).
    case missing(path: String)
    /// The store's schema is older than this version's, and a command that only reads may not migrate it.
    case needsUpgrade(path: String, migrations: [String])

    public var errorDescription: String? {
        switch self {
        case let .open(path, reason): return "cannot open the store \(path): \(reason)"
        case let .migrate(path, reason): return "cannot migrate the store \(path): \(reason)"
        case let .write(what, reason): return "cannot write \(what) to the store: \(reason)"
        case let .read(what, reason): return "cannot read \(what) from the store: \(reason)"
        case let .missing(path): return "no store at \(path): run `rightsbrief ingest` first, or pass --db PATH"
        case let .needsUpgrade(path, migrations):
            return "the store \(path) needs an upgrade (\(migrations.joined(separator: ", "))) that a command which only reads does not make: "
                + "run `rightsbrief analyze` (or another command that writes) to upgrade it, then try again"
        }
    }
}
