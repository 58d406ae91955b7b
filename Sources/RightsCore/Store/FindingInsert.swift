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

    init(_ statement: Statement) { handle = statement.sqliteStatement }

    @inline(__always)
    private mutating func note(_ code: Int32) { if status == SQLITE_OK { status = code } }

    mutating func bind(_ value: String?) {
        index += 1
        guard var text = value else { return note(sqlite3_bind_null(handle, index)) }
        let position = index
        let code = text.withUTF8 { bytes in Self.bindText(handle, position, bytes) }
        note(code)
    }

    mutating func bind(bytes: UnsafeBufferPointer<UInt8>) {
        index += 1
        note(Self.bindText(handle, index, bytes))
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

    private static func bindText(_ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(handle, index, "", 0, nil) }
        return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
    }

    /// Runs a statement that returns no rows (an insert, a delete) with the values `bind` binds.
    static func execute(_ statement: Statement, db: Database, _ bind: (inout StatementBinder) -> Void) throws {
        var binder = StatementBinder(statement)
        defer { binder.reset() }
        bind(&binder)
        let code = binder.status == SQLITE_OK ? sqlite3_step(binder.handle) : binder.status
        guard code == SQLITE_DONE else { throw error(code, statement, db) }
    }

    static func error(_ code: Int32, _ statement: Statement, _ db: Database) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }
}

/// The insert of one finding row, binding each value straight to SQLite.
///
/// Analysis writes about five findings per article; through `StatementArguments` each row built
/// seventeen boxed values before binding them, which cost as much as SQLite's own work. The
/// sentence is not written: the row keeps its offsets in the article's text (migration v5).
struct FindingInsert {
    let statement: Statement
    /// The rules column (`StoredRuleList`) is written here instead of into a new string per row.
    private var rules: [UInt8] = []

    static let sql = """
        INSERT INTO finding (id, articleId, runId, month, country, indicator, rules, severity, polarity, attribution, confidence,
                             sentenceStart, sentenceEnd, originalStart, originalEnd, qualifier)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    init(_ statement: Statement) {
        self.statement = statement
        rules.reserveCapacity(256)
    }

    mutating func execute(_ finding: Finding, runID: Int64, db: Database) throws {
        try StatementBinder.execute(statement, db: db) { binder in bind(finding, runID: runID, into: &binder) }
    }

    private mutating func bind(_ finding: Finding, runID: Int64, into binder: inout StatementBinder) {
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
