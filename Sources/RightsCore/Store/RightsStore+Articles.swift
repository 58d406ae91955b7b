import Foundation
import GRDB

/// What storing one article did.
public enum InsertOutcome: Sendable, Equatable {
    case inserted(ArticleID)
    /// The same text is already stored under `existing`.
    case duplicate(ArticleID, existing: ArticleID)
    /// The id existed with other text: the text was replaced and its findings dropped for re-analysis.
    case updated(ArticleID)
}

extension RightsStore {
    /// Stores a batch of articles in one transaction, skipping texts already stored.
    public func insert(_ articles: [Article], at date: Date) throws -> [InsertOutcome] {
        let stamp = Self.timestamp(date)
        let records = try articles.map { try ArticleRecord($0, ingestedAt: stamp) }
        return try write("\(articles.count) articles") { db in
            // Counted before any row changes, on the writer: an analysis stored after this sees it.
            articleWrites.add(1, ordering: .releasing)
            var outcomes: [InsertOutcome] = []
            for record in records {
                let id = ArticleID(record.id)
                if let existing = try String.fetchOne(db, sql: "SELECT id FROM article WHERE contentHash = ?", arguments: [record.contentHash]) {
                    outcomes.append(.duplicate(id, existing: ArticleID(existing)))
                } else if try ArticleRecord.exists(db, key: record.id) {
                    try db.execute(sql: "DELETE FROM finding WHERE articleId = ?", arguments: [record.id])
                    try db.execute(sql: "DELETE FROM analysis WHERE articleId = ?", arguments: [record.id])
                    try record.update(db)
                    outcomes.append(.updated(id))
                } else {
                    try record.insert(db)
                    outcomes.append(.inserted(id))
                }
            }
            return outcomes
        }
    }

    public func article(_ id: ArticleID) throws -> Article? {
        try read("article \(id)") { db in try ArticleRecord.fetchOne(db, key: id.rawValue)?.article() }
    }

    public func articleCount() throws -> Int {
        try read("article count") { db in try ArticleRecord.fetchCount(db) }
    }

    /// All article ids, sorted.
    public func articleIDs() throws -> [ArticleID] {
        try read("article ids") { db in
            try String.fetchAll(db, sql: "SELECT id FROM article ORDER BY id").map { ArticleID($0) }
        }
    }

    /// Articles without their text; `month` nil means all, `undatedOnly` lists the undated ones.
    public func articleSummaries(month: Month? = nil, undatedOnly: Bool = false) throws -> [ArticleSummary] {
        try read("article list") { db in
            var sql = """
                SELECT a.id, a.title, a.source, a.url, a.published, a.month, length(a.cleaned) AS characters,
                       (SELECT count(*) FROM finding f WHERE f.articleId = a.id) AS findings
                FROM article a
                """
            var arguments: StatementArguments = []
            if undatedOnly { sql += " WHERE a.month IS NULL" }
            else if let month { sql += " WHERE a.month = ?"; arguments = [month.rawValue] }
            sql += " ORDER BY a.month IS NULL, a.day, a.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                ArticleSummary(id: ArticleID(row["id"]), title: row["title"], source: row["source"], url: row["url"],
                               published: row["published"], month: row["month"], characters: row["characters"],
                               findings: row["findings"])
            }
        }
    }
}
