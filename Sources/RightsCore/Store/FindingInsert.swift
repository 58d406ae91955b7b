import Foundation
import GRDB
import GRDBSQLite

/// Binds values one after the other to a prepared statement, straight through SQLite's C API.
///
/// A struct with mutating methods rather than nested functions capturing the position: captured
/// variables are boxed and every access to them is checked at run time.
struct StatementBinder {
    let handle: OpaquePointer
    private var index: Int32 = 0
    /// The first error a bind returned.
    private(set) var status = SQLITE_OK
    /// Where texts are copied to be bound in place; without one (or when it is full) SQLite copies them.
    private let arena: TextArena?

    /// `arena`, if any, must be kept (and not emptied) until the statement has run.
    init(_ statement: Statement, arena: TextArena? = nil) {
        handle = statement.sqliteStatement
        self.arena = arena
    }

    @inline(__always)
    private mutating func note(_ code: Int32) { if status == SQLITE_OK { status = code } }

    mutating func bind(_ value: String?) {
        index += 1
        guard var text = value else { return note(sqlite3_bind_null(handle, index)) }
        let position = index
        let code = text.withUTF8 { bytes in Self.bindText(handle, position, bytes, arena: arena) }
        note(code)
    }

    mutating func bind(bytes: UnsafeBufferPointer<UInt8>) {
        index += 1
        note(Self.bindText(handle, index, bytes, arena: arena))
    }

    mutating func bind(_ number: Int?) {
        index += 1
        note(number.map { sqlite3_bind_int64(handle, index, Int64($0)) } ?? sqlite3_bind_null(handle, index))
    }

    mutating func bind(_ number: Int64) {
        index += 1
        note(sqlite3_bind_int64(handle, index, number))
    }

    mutating func bind(_ number: Double) {
        index += 1
        note(sqlite3_bind_double(handle, index, number))
    }

    /// Resets the statement for its next use.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// SQLite copies each value before `bind` returns, so the Swift strings may go.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bindText(_ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>, arena: TextArena?) -> Int32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, nil) }
        // In the arena the text stays put until the statement has run: SQLite need not copy it (a
        // free and a malloc per value, as a bound value's buffer is freed when it is bound again).
        if let copy = arena?.copy(bytes) {
            return sqlite3_bind_text(handle, index, copy, Int32(bytes.count), nil)
        }
        return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
    }

    /// Runs `statement` (a statement that returns no rows) with the values bound so far, and resets it.
    /// `changes`: the rows it must have inserted or deleted (an `INSERT OR IGNORE` that ignored one fails).
    func step(_ statement: Statement, db: Database, changes: Int? = nil) throws {
        defer { reset() }
        let code = status == SQLITE_OK ? sqlite3_step(handle) : status
        guard code == SQLITE_DONE else { throw Self.error(code, statement, db) }
        if let changes, Int(sqlite3_changes(db.sqliteConnection)) != changes {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "\(changes - Int(sqlite3_changes(db.sqliteConnection))) of \(changes) rows were not inserted (a repeated key)",
                                sql: statement.sql)
        }
    }

    static func error(_ code: Int32, _ statement: Statement, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }
}

/// Bytes that bound texts are copied into for the run of one statement, then emptied.
final class TextArena {
    private let storage: UnsafeMutablePointer<CChar>
    private let capacity: Int
    private var used = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// A copy of `bytes` that lasts until `empty()`, or nil when there is no room left.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard let base = bytes.baseAddress, bytes.count <= capacity - used else { return nil }
        let start = storage + used
        UnsafeMutableRawPointer(start).copyMemory(from: base, byteCount: bytes.count)
        used += bytes.count
        return UnsafePointer(start)
    }

    func empty() { used = 0 }
}

/// One statement run for many rows at once (a `DELETE … IN (…)`, an `INSERT … VALUES (…), (…)`),
/// `rowsPerStatement` to a statement, its texts bound from an arena.
///
/// A statement that writes many rows and could fail half-way makes SQLite keep a journal of the
/// statement alone, in a temporary file, to undo just it: for an insert of 32 findings that was
/// three of every four page writes of `analyze`. An `INSERT OR IGNORE` cannot fail half-way and
/// needs none; that it inserted every row is checked instead (`inserts`).
enum BatchedStatement {
    static let rowsPerStatement = 32

    /// `sql(n)` is the statement for `n` rows; `bind` binds the values of one row. `inserts`: each
    /// statement must insert one row per row bound.
    static func run<Row>(_ rows: [Row], db: Database, arena: TextArena, inserts: Bool = false, sql: (Int) -> String,
                         bind: (inout StatementBinder, Row) -> Void) throws {
        // The statement's text is built and looked up once per call, not once per statement.
        let full = rows.count >= rowsPerStatement ? try db.cachedStatement(sql: sql(rowsPerStatement)) : nil
        var start = 0
        while start < rows.count {
            let count = min(rowsPerStatement, rows.count - start)
            let statement = try count == rowsPerStatement ? full! : db.cachedStatement(sql: sql(count))
            defer { arena.empty() }
            var binder = StatementBinder(statement, arena: arena)
            for row in rows[start ..< start + count] { bind(&binder, row) }
            try binder.step(statement, db: db, changes: inserts ? count : nil)
            start += count
        }
    }

    /// `rows` groups of `columns` placeholders: "(?, ?), (?, ?)"; one column: "?, ?".
    static func placeholders(rows: Int, columns: Int) -> String {
        let row = Array(repeating: "?", count: columns).joined(separator: ", ")
        return Array(repeating: columns == 1 ? row : "(" + row + ")", count: rows).joined(separator: ", ")
    }
}

/// The insert of finding rows, through `BatchedStatement`, each value bound straight to SQLite.
///
/// Analysis writes about five findings per article; through `StatementArguments` each row built
/// seventeen boxed values before binding them, which cost as much as SQLite's own work. The
/// sentence is not written: the row keeps its offsets in the article's text (migration v5).
enum FindingInsert {
    static func sql(rows: Int) -> String {
        """
        INSERT OR IGNORE INTO finding (id, articleId, runId, month, country, indicator, rules, severity, polarity, attribution, confidence,
                                       sentenceStart, sentenceEnd, originalStart, originalEnd, qualifier)
        VALUES \(BatchedStatement.placeholders(rows: rows, columns: 16))
        """
    }

    /// Inserts the findings of `results[index]` for each of `articles`.
    static func run(_ results: [AnalysedArticle], articles: [Int], runID: Int64, db: Database, arena: TextArena) throws {
        var positions: [(article: Int, finding: Int)] = []
        positions.reserveCapacity(articles.reduce(0) { $0 + results[$1].findings.count })
        for article in articles {
            for finding in results[article].findings.indices { positions.append((article, finding)) }
        }
        // The rules column (`StoredRuleList`) is written here instead of into a new string per row.
        var rules: [UInt8] = []
        rules.reserveCapacity(256)
        try BatchedStatement.run(positions, db: db, arena: arena, inserts: true, sql: sql) { binder, position in
            bind(results[position.article].findings[position.finding], runID: runID, rules: &rules, into: &binder)
        }
    }

    private static func bind(_ finding: Finding, runID: Int64, rules: inout [UInt8], into binder: inout StatementBinder) {
        binder.bind(finding.id.rawValue)
        binder.bind(finding.articleID.rawValue)
        binder.bind(runID)
        binder.bind(finding.month?.rawValue)
        binder.bind(finding.country.rawValue)
        binder.bind(finding.indicator.rawValue)
        StoredRuleList.encode(finding.rules, indicator: finding.indicator, into: &rules)
        rules.withUnsafeBufferPointer { binder.bind(bytes: $0) }
        binder.bind(finding.severity)
        binder.bind(finding.polarity.rawValue)
        binder.bind(finding.attribution)
        binder.bind(finding.confidence)
        binder.bind(finding.sentenceStart)
        binder.bind(finding.sentenceEnd)
        binder.bind(finding.originalStart)
        binder.bind(finding.originalEnd)
        binder.bind(finding.qualifier?.rawValue)
    }
}

/// Whether an article still has the text that was analysed: one index lookup, compared in place.
struct ArticleTextCheck {
    /// `SELECT id FROM article WHERE contentHash = ?`
    let byHash: Statement
    /// `SELECT 1 FROM article WHERE id = ?`
    let byID: Statement

    /// With a hash: the article whose text has that hash is `article`. Without: `article` exists.
    func isCurrent(_ article: ArticleID, contentHash: String?, db: Database) throws -> Bool {
        let statement = contentHash == nil ? byID : byHash
        var binder = StatementBinder(statement)
        defer { binder.reset() }
        binder.bind(contentHash ?? article.rawValue)
        let code = binder.status == SQLITE_OK ? sqlite3_step(binder.handle) : binder.status
        switch code {
        case SQLITE_DONE:
            return false
        case SQLITE_ROW:
            guard contentHash != nil else { return true }
            guard let text = sqlite3_column_text(binder.handle, 0) else { return false }
            let length = Int(sqlite3_column_bytes(binder.handle, 0))
            var id = article.rawValue
            return id.withUTF8 { expected in
                expected.count == length && (length == 0 || memcmp(expected.baseAddress!, text, length) == 0)
            }
        default:
            throw StatementBinder.error(code, statement, db)
        }
    }
}
