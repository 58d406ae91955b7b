import GRDB
import GRDBSQLite

/// The insert of one finding row, binding each value straight to SQLite.
///
/// Analysis writes about five findings per article; through `StatementArguments` each row built
/// seventeen boxed values before binding them, which cost as much as SQLite's own work.
struct FindingInsert {
    let statement: Statement

    init(_ statement: Statement) { self.statement = statement }

    func execute(_ finding: Finding, runID: Int64, db: Database) throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var index: Int32 = 0
        var bound = SQLITE_OK
        func check(_ code: Int32) { if bound == SQLITE_OK { bound = code } }
        func bind(_ value: String?) {
            index += 1
            guard var text = value else { return check(sqlite3_bind_null(handle, index)) }
            text.withUTF8 { bytes in
                if let base = bytes.baseAddress, !bytes.isEmpty {
                    check(sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient))
                } else {
                    check(sqlite3_bind_text(handle, index, "", 0, nil))
                }
            }
        }
        func bind(_ number: Int?) {
            index += 1
            check(number.map { sqlite3_bind_int64(handle, index, Int64($0)) } ?? sqlite3_bind_null(handle, index))
        }
        bind(finding.id.rawValue)
        bind(finding.articleID.rawValue)
        index += 1; check(sqlite3_bind_int64(handle, index, runID))
        bind(finding.month?.rawValue)
        bind(finding.country.rawValue)
        bind(finding.indicator.rawValue)
        bind(FindingRecord.rulesColumn(finding.rules))
        bind(finding.severity)
        bind(finding.polarity.rawValue)
        bind(finding.attribution)
        index += 1; check(sqlite3_bind_double(handle, index, finding.confidence))
        bind(finding.sentence)
        bind(finding.sentenceStart)
        bind(finding.sentenceEnd)
        bind(finding.originalStart)
        bind(finding.originalEnd)
        bind(finding.qualifier?.rawValue)
        let code = bound == SQLITE_OK ? sqlite3_step(handle) : bound
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }

    /// SQLite copies each value before `bind` returns, so the Swift strings may go.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
