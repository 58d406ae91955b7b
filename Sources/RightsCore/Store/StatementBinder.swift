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
