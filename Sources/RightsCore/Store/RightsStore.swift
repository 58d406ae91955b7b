import Foundation
import GRDB
import Synchronization

/// The SQLite store: one file in WAL mode, migrated on open, or opened read-only (never
/// migrated, never created) by the commands that only read it.
///
/// ```swift
/// let store = try RightsStore(path: "rightsbrief.sqlite")
/// let outcomes = try store.insert(articles, at: Date())
/// ```
/// Every batch is one transaction, so a crash or `kill -9` leaves either all of a batch or none.
public final class RightsStore: Sendable {
    let writer: any DatabaseWriter
    public let path: String
    /// Writes of article rows through this store: with SQLite's `data_version` (which counts
    /// commits by other connections only) it tells whether any article changed since a moment.
    let articleWrites = Atomic<Int>(0)

    public enum Access: Sendable {
        /// Create the file if needed and bring its schema up to date.
        case readWrite
        /// Read only: works in a folder this process may not write to and beside a writer that
        /// holds the write lock (WAL lets readers in), but does not create or migrate the store.
        case readOnly
    }

    /// Opens the store at `path`: by default creating it if needed and bringing its schema up to date.
    /// - Throws: `StoreError.open` / `.migrate` naming the file; read-only, `.missing` for no file
    ///   and `.needsUpgrade` for a schema this version would migrate.
    public init(path: String, access: Access = .readWrite) throws {
        self.path = path
        if access == .readOnly {
            writer = try Self.openReadOnly(path)
            try requireCurrentSchema()
            return
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // For a new file only (SQLite ignores it once the file has pages): 16 KB pages hold
            // whole article rows and batches of findings, so writing findings touches fewer pages
            // (docs/PERFORMANCE.md). Stores created before keep their page size.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // The write-ahead log is copied into the file every 250 pages (4 MB, SQLite's default
            // size with its 4 KB pages) instead of 1,000: `analyze` on two cores then copies it
            // while the other core still analyses, and leaves less to copy when it closes the store.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 250")
            // Pages of the file are read through a memory map of its first 256 MB instead of a
            // read() into SQLite's cache each time: `analyze` reads articles in id order, which is
            // not the order they were written in, so the same pages came back many times. The map
            // is the system's file cache, shared, not memory of this process's own.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.open(path: path, reason: Self.reason(error))
        }
        try migrate()
    }

    /// An in-memory store, for tests.
    public init() throws {
        path = ":memory:"
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        writer = try DatabaseQueue(configuration: configuration)
        try migrate()
    }

    private static func openReadOnly(_ path: String) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        func open(_ location: String) throws -> DatabaseQueue {
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            // SQLite opens the write-ahead log at the first read: a problem with it shows here.
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        }
        do {
            return try open(path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            // A WAL store in a folder this process may not write to: SQLite cannot create the
            // shared-memory file beside it. With no write-ahead log left (every writer closed
            // cleanly, and none can start where we may not write), the file holds the whole store
            // and is read as immutable.
            let folder = (path as NSString).deletingLastPathComponent
            let walBytes = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
            guard walBytes == 0, !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder),
                  let escaped = URL(fileURLWithPath: path).standardizedFileURL.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else {
                throw StoreError.open(path: path, reason: Self.reason(error))
            }
            do { return try open("file:\(escaped)?immutable=1") } catch {
                throw StoreError.open(path: path, reason: Self.reason(error))
            }
        } catch {
            throw StoreError.open(path: path, reason: Self.reason(error))
        }
    }

    /// A read-only store must already have every migration: it cannot apply them.
    private func requireCurrentSchema() throws {
        let missing = try read("migrations") { db in
            let migrator = Migrations.migrator
            let applied = try migrator.appliedIdentifiers(db)
            return migrator.migrations.filter { !applied.contains($0) }
        }
        if !missing.isEmpty { throw StoreError.needsUpgrade(path: path, migrations: missing) }
    }

    private func migrate() throws {
        do {
            try Migrations.migrator.migrate(writer)
        } catch {
            throw StoreError.migrate(path: path, reason: Self.reason(error))
        }
    }

    /// The migrations applied so far, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read("migrations") { db in try Migrations.migrator.appliedMigrations(db) }
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        }
        return String(describing: error)
    }

    func read<T: Sendable>(_ what: String, _ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as StoreError { throw error } catch {
            throw StoreError.read(what: what, reason: Self.reason(error))
        }
    }

    func write<T: Sendable>(_ what: String, _ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as StoreError { throw error } catch {
            throw StoreError.write(what: what, reason: Self.reason(error))
        }
    }

    /// Where the article table stands now, to compare with later (`storeAnalysis`).
    public func articleVersion() throws -> ArticleVersion {
        do {
            return try writer.writeWithoutTransaction { db in try currentArticleVersion(db) }
        } catch {
            throw StoreError.read(what: "the store's version", reason: Self.reason(error))
        }
    }

    /// Read on the writer connection: its `data_version` moves with every commit of another
    /// connection (another process ingesting), this store's own article writes are counted apart.
    func currentArticleVersion(_ db: Database) throws -> ArticleVersion {
        ArticleVersion(dataVersion: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1,
                       localWrites: articleWrites.load(ordering: .acquiring))
    }

    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// A moment in the article table's history: equal versions mean no article was written between them.
public struct ArticleVersion: Sendable, Equatable {
    let dataVersion: Int64
    let localWrites: Int
}
