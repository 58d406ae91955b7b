import GRDB

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
