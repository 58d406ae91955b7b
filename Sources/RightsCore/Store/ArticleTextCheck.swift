import Foundation
import GRDB
import GRDBSQLite

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
