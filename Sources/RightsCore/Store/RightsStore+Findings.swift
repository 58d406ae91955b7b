import Foundation
import GRDB

/// What analysis found in one article, and which text it read (`ArticleText.contentHash`).
public struct AnalysedArticle: Sendable {
    public var id: ArticleID
    /// The stored text's hash when it was read; nil stores the findings whatever the text is now.
    public var contentHash: String?
    public var findings: [Finding]

    public init(id: ArticleID, contentHash: String?, findings: [Finding]) {
        self.id = id
        self.contentHash = contentHash
        self.findings = findings
    }
}

/// Which findings to list.
public struct FindingFilter: Sendable, Equatable {
    public var month: Month?
    public var countries: [CountryCode] = []
    public var indicators: [IndicatorID] = []
    public var articles: [ArticleID] = []
    public init(month: Month? = nil, countries: [CountryCode] = [], indicators: [IndicatorID] = [], articles: [ArticleID] = []) {
        self.month = month
        self.countries = countries
        self.indicators = indicators
        self.articles = articles
    }
}

extension RightsStore {
    /// Starts a run and returns its id.
    public func beginRun(command: String, rulesHash: String?, at date: Date) throws -> Int64 {
        let stamp = Self.timestamp(date)
        return try write("run") { db in
            try db.execute(sql: "INSERT INTO run (command, startedAt, rulesHash) VALUES (?, ?, ?)", arguments: [command, stamp, rulesHash])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, articlesAnalyzed: Int, findings: Int, at date: Date) throws {
        let stamp = Self.timestamp(date)
        try write("run \(id)") { db in
            try db.execute(sql: "UPDATE run SET finishedAt = ?, articlesAnalyzed = ?, findings = ? WHERE id = ?",
                           arguments: [stamp, articlesAnalyzed, findings, id])
        }
    }

    /// Articles analysed with rules other than `rulesHash`, or not at all (`?1` is the hash).
    private static let pendingSQL = """
        FROM article a LEFT JOIN analysis s ON s.articleId = a.id
        WHERE (s.rulesHash IS NULL OR s.rulesHash != ?1 OR ?2)
        """

    /// The texts of the next `limit` articles after `after` (by id) to analyse with rules of
    /// `rulesHash` (or all, with `force`): one query per page, only the columns analysis reads.
    public func articleTextsToAnalyse(rulesHash: String, force: Bool = false, after: ArticleID? = nil, limit: Int = .max) throws -> [ArticleText] {
        try read("articles to analyse") { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.id, a.title, a.month, a.cleaned, a.segments, a.contentHash \(Self.pendingSQL) AND (?3 IS NULL OR a.id > ?3) ORDER BY a.id LIMIT ?4
                """, arguments: [rulesHash, force, after?.rawValue, limit])
            var texts: [ArticleText] = []
            while let row = try rows.next() {
                let month: String? = row[2]
                texts.append(ArticleText(id: ArticleID(row[0] as String), title: row[1], month: month.flatMap(Month.init(rawValue:)),
                                         cleaned: CleanedText(text: row[3], segments: ArticleRecord.decode(row[4]), removedLines: []),
                                         contentHash: row[5]))
            }
            return texts
        }
    }

    /// How many articles `articleTextsToAnalyse` pages through.
    public func countArticlesToAnalyse(rulesHash: String, force: Bool) throws -> Int {
        try read("articles to analyse") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) \(Self.pendingSQL)", arguments: [rulesHash, force]) ?? 0
        }
    }

    public func articles(_ ids: [ArticleID]) throws -> [Article] {
        let keys = ids.map(\.rawValue)
        return try read("\(ids.count) articles") { db in
            try ArticleRecord.fetchAll(db, keys: keys).map { $0.article() }.sorted { $0.id < $1.id }
        }
    }

    /// Replaces the findings of each analysed article in one transaction: a crash leaves either
    /// the old findings or the new, never a mix.
    public func replaceFindings(_ results: [(article: ArticleID, findings: [Finding])], rulesHash: String, runID: Int64) throws {
        _ = try storeAnalysis(results.map { AnalysedArticle(id: $0.article, contentHash: nil, findings: $0.findings) }, rulesHash: rulesHash, runID: runID)
    }

    /// Stores what analysis found, in one transaction, for the articles that still have the text
    /// that was analysed: an article re-ingested with new text (or gone) meanwhile is skipped and
    /// returned, to be analysed again. A crash leaves either the old findings or the new.
    ///
    /// Each article is looked up once here, inside the write transaction, so the per-row foreign
    /// key checks (a fifth of the cost of this write) are switched off for it. `unchangedSince`: a
    /// version taken before the texts were read (`articleVersion()`); when no article has been
    /// written since, every text is still the one analysed and the lookups are skipped.
    public func storeAnalysis(_ results: [AnalysedArticle], rulesHash: String, runID: Int64, unchangedSince version: ArticleVersion? = nil) throws -> [ArticleID] {
        let what = "findings of \(results.count) articles"
        do {
            return try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var skipped: [ArticleID] = []
                try db.inTransaction {
                    guard try Bool.fetchOne(db, sql: "SELECT 1 FROM run WHERE id = ?", arguments: [runID]) == true else {
                        throw StoreError.write(what: what, reason: "run \(runID) is not in the store")
                    }
                    // Both answered from an index: the article rows themselves (long texts) are not read.
                    let check = ArticleTextCheck(byHash: try db.cachedStatement(sql: "SELECT id FROM article WHERE contentHash = ?"),
                                                 byID: try db.cachedStatement(sql: "SELECT 1 FROM article WHERE id = ?"))
                    let unchanged = try version.map { try currentArticleVersion(db) == $0 } ?? false
                    // The old findings of every article go first, then all the new ones, many rows
                    // to a statement: in one transaction the order does not show.
                    var stored: [Int] = []
                    for (index, result) in results.enumerated() {
                        guard try unchanged || check.isCurrent(result.id, contentHash: result.contentHash, db: db) else {
                            skipped.append(result.id)
                            continue
                        }
                        stored.append(index)
                    }
                    // Texts of up to 32 rows at a time; should one be longer, SQLite copies it.
                    let arena = TextArena(capacity: 64 * 1024)
                    try BatchedStatement.run(stored, db: db, arena: arena, sql: { count in
                        "DELETE FROM finding WHERE articleId IN (\(BatchedStatement.placeholders(rows: count, columns: 1)))"
                    }) { binder, index in binder.bind(results[index].id.rawValue) }
                    try BatchedStatement.run(stored, db: db, arena: arena, sql: { count in
                        "DELETE FROM analysis WHERE articleId IN (\(BatchedStatement.placeholders(rows: count, columns: 1)))"
                    }) { binder, index in binder.bind(results[index].id.rawValue) }
                    try BatchedStatement.run(stored, db: db, arena: arena, inserts: true, sql: { count in
                        "INSERT OR IGNORE INTO analysis (articleId, rulesHash, runId) VALUES \(BatchedStatement.placeholders(rows: count, columns: 3))"
                    }) { binder, index in
                        binder.bind(results[index].id.rawValue)
                        binder.bind(rulesHash)
                        binder.bind(runID)
                    }
                    try FindingRow.insert(results, articles: stored, runID: runID, db: db, arena: arena)
                    return .commit
                }
                return skipped
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.write(what: what, reason: Self.reason(error))
        }
    }

    /// The findings the filter selects, each with its sentence, in the order of a month's workbook.
    /// A month's findings are found through their articles' month (the findings table has no month
    /// index, see migration v4); a finding's month is its article's.
    public func findings(_ filter: FindingFilter = FindingFilter()) throws -> [Finding] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let month = filter.month {
            conditions.append("a.month = ? AND f.month = ?")
            arguments += [month.rawValue, month.rawValue]
        }
        func oneOf(_ column: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            conditions.append("\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(values)
        }
        oneOf("f.country", filter.countries.map(\.rawValue))
        oneOf("f.indicator", filter.indicators.map(\.rawValue))
        oneOf("f.articleId", filter.articles.map(\.rawValue))
        let sql = """
            SELECT \(FindingRow.selection) FROM finding f JOIN article a ON a.id = f.articleId
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY f.month, f.country, f.indicator, f.articleId, f.sentenceStart, f.id
            """
        let bound = arguments
        return try read("findings") { db in
            var sentences = FindingSentences()
            return try Row.fetchAll(db, sql: sql, arguments: bound).map { try FindingRow.finding($0, sentences: &sentences, db: db) }
        }
    }

    /// Every finding id, for matching reviewed rows without loading the findings.
    public func findingIDs() throws -> Set<FindingID> {
        try read("finding ids") { db in Set(try String.fetchAll(db, sql: "SELECT id FROM finding").map { FindingID($0) }) }
    }

    public func findingCount() throws -> Int {
        try read("finding count") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding") ?? 0 }
    }
}

extension RightsStore {
    /// Calls `body` with each of a month's findings in workbook order (country, indicator,
    /// article, position), one at a time from a cursor in one read transaction: an export of any
    /// size holds one finding in memory, and SQLite's sorter spills to disk past its cache.
    public func forEachFinding(month: Month, _ body: (Finding) throws -> Void) throws {
        do {
            try writer.read { db in
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT \(FindingRow.selection) FROM article a JOIN finding f ON f.articleId = a.id
                    WHERE a.month = ? AND f.month = ? ORDER BY f.country, f.indicator, f.articleId, f.sentenceStart, f.id
                    """, arguments: [month.rawValue, month.rawValue])
                var sentences = FindingSentences()
                while let row = try cursor.next() { try body(FindingRow.finding(row, sentences: &sentences, db: db)) }
            }
        } catch let error as DatabaseError {
            throw StoreError.read(what: "findings of \(month)", reason: Self.reason(error))
        }
    }

    /// The ids of the articles with findings in `month`, sorted.
    public func articleIDs(withFindingsIn month: Month) throws -> [ArticleID] {
        try read("articles of \(month)") { db in
            try String.fetchAll(db, sql: """
                SELECT a.id FROM article a WHERE a.month = ?1 AND EXISTS (SELECT 1 FROM finding f WHERE f.articleId = a.id AND f.month = ?1) ORDER BY a.id
                """, arguments: [month.rawValue]).map { ArticleID($0) }
        }
    }
}
