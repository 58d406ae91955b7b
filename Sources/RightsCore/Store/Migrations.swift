import GRDB

/// The store's schema, one migration per release; never edit a shipped migration, add one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "article") { t in
                t.primaryKey("id", .text)
                t.column("title", .text)
                t.column("source", .text)
                t.column("url", .text)
                t.column("published", .text)        // as written
                t.column("day", .text)              // YYYY-MM-DD local to the publication
                t.column("month", .text).indexed()  // YYYY-MM, NULL when undated
                t.column("language", .text)
                t.column("original", .text).notNull()
                t.column("cleaned", .text).notNull()
                t.column("segments", .blob).notNull()   // JSON [OffsetSegment]
                t.column("contentHash", .text).notNull().unique()
                t.column("origin", .text).notNull()
                t.column("ingestedAt", .text).notNull()
            }
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("command", .text).notNull()
                t.column("startedAt", .text).notNull()
                t.column("finishedAt", .text)
                t.column("rulesHash", .text)
                t.column("articlesAnalyzed", .integer).notNull().defaults(to: 0)
                t.column("findings", .integer).notNull().defaults(to: 0)
            }
            // Which rules an article was last analysed with: unchanged rules mean no work.
            try db.create(table: "analysis") { t in
                t.primaryKey("articleId", .text).references("article", onDelete: .cascade)
                t.column("rulesHash", .text).notNull()
                t.column("runId", .integer).references("run")
            }
            try db.create(table: "finding") { t in
                t.primaryKey("id", .text)
                t.column("articleId", .text).notNull().indexed().references("article", onDelete: .cascade)
                t.column("runId", .integer).references("run")
                t.column("month", .text).indexed()
                t.column("country", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("rules", .text).notNull()          // JSON [RuleID]
                t.column("severity", .integer).notNull()
                t.column("polarity", .text).notNull()
                t.column("attribution", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("sentence", .text).notNull()
                t.column("sentenceStart", .integer).notNull()
                t.column("sentenceEnd", .integer).notNull()
                t.column("originalStart", .integer)
                t.column("originalEnd", .integer)
                t.column("qualifier", .text)               // negated / hedged / denied, or NULL
            }
            // Reviews are kept by finding id and survive re-analysis: no foreign key on purpose.
            try db.create(table: "review") { t in
                t.primaryKey("findingId", .text)
                t.column("decision", .text).notNull()
                t.column("note", .text)
                t.column("reviewer", .text)
                t.column("reviewedAt", .text).notNull()
                t.column("sourceFile", .text)
            }
        }
        migrator.registerMigration("v2: finding order index") { db in
            // Pages of a month's findings in workbook order, without sorting the month each time.
            try db.create(index: "finding_month_order", on: "finding", columns: ["month", "country", "indicator", "articleId", "sentenceStart", "id"])
        }
        migrator.registerMigration("v3: findings clustered by article") { db in
            // Findings are written and replaced article by article. Keyed by their random hash, each
            // batch dirtied pages all over the table and three indexes; clustered by article, a batch
            // is appended in one place and the per-article index is the table itself. The id stays
            // unique: it is a hash over the article id, so no two articles share one.
            try db.create(table: "finding_v3", options: [.withoutRowID]) { t in
                t.column("articleId", .text).notNull().references("article", onDelete: .cascade)
                t.column("id", .text).notNull()
                t.primaryKey(["articleId", "id"])
                t.column("runId", .integer).references("run")
                t.column("month", .text)
                t.column("country", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("rules", .text).notNull()          // rule ids, space-separated
                t.column("severity", .integer).notNull()
                t.column("polarity", .text).notNull()
                t.column("attribution", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("sentence", .text).notNull()
                t.column("sentenceStart", .integer).notNull()
                t.column("sentenceEnd", .integer).notNull()
                t.column("originalStart", .integer)
                t.column("originalEnd", .integer)
                t.column("qualifier", .text)
            }
            let columns = "articleId, id, runId, month, country, indicator, rules, severity, polarity, attribution, confidence, "
                + "sentence, sentenceStart, sentenceEnd, originalStart, originalEnd, qualifier"
            try db.execute(sql: "INSERT INTO finding_v3 (\(columns)) SELECT \(columns) FROM finding")
            try db.drop(table: "finding")
            try db.rename(table: "finding_v3", to: "finding")
            // By month only: an index in workbook order (month, country, indicator, …) took each insert
            // to a random page and cost as much as the rest of the write; the workbook sorts its
            // month once instead. Within a month, entries follow the article id, so batches append.
            try db.create(index: "finding_month", on: "finding", columns: ["month"])
        }
        migrator.registerMigration("v4: findings found by month through their articles") { db in
            // A page of articles spans months, so each page's findings went to a dozen places in
            // the month index: a quarter of the cost of writing them. A finding's month is its
            // article's (findings go when an article is re-ingested), so a month's findings are
            // found through `article_on_month` and the findings clustered under each article.
            try db.drop(index: "finding_month")
        }
        migrator.registerMigration("v5: findings cite their sentence by its offsets") { db in
            // The sentence was a third of a finding row and is the article's own text between
            // sentenceStart and sentenceEnd: it is cut from the article when read (`FindingRow`),
            // and writing findings took a fifth less time. Rule ids of the finding's own indicator
            // are kept by name (`StoredRuleList`), another tenth of the row.
            try db.create(table: "finding_v5", options: [.withoutRowID]) { t in
                t.column("articleId", .text).notNull().references("article", onDelete: .cascade)
                t.column("id", .text).notNull()
                t.primaryKey(["articleId", "id"])
                t.column("runId", .integer).references("run")
                t.column("month", .text)
                t.column("country", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("rules", .text).notNull()          // StoredRuleList
                t.column("severity", .integer).notNull()
                t.column("polarity", .text).notNull()
                t.column("attribution", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("sentenceStart", .integer).notNull()
                t.column("sentenceEnd", .integer).notNull()
                t.column("originalStart", .integer)
                t.column("originalEnd", .integer)
                t.column("qualifier", .text)
            }
            let columns = "articleId, id, runId, month, country, indicator, severity, polarity, attribution, confidence, "
                + "sentenceStart, sentenceEnd, originalStart, originalEnd, qualifier"
            try db.execute(sql: """
                INSERT INTO finding_v5 (\(columns), rules)
                SELECT \(columns), ltrim(replace(' ' || rules, ' ' || indicator || '.', ' '), ' ') FROM finding
                """)
            try db.drop(table: "finding")
            try db.rename(table: "finding_v5", to: "finding")
        }
        migrator.registerMigration("v6: findings keep their attribution method") { db in
            // How the country was chosen was read back from the start of the attribution text
            // ("sentence: 'Kazakhstan' (name)"): the store now owns it in a column of its own.
            // Existing rows get that same prefix, or `article` where it is none of the methods (as
            // the reading did). The columns are spelled out: this migration must not change when
            // `FindingColumn` grows.
            try db.create(table: "finding_v6", options: [.withoutRowID]) { t in
                t.column("articleId", .text).notNull().references("article", onDelete: .cascade)
                t.column("id", .text).notNull()
                t.primaryKey(["articleId", "id"])
                t.column("runId", .integer).references("run")
                t.column("month", .text)
                t.column("country", .text).notNull()
                t.column("indicator", .text).notNull()
                t.column("rules", .text).notNull()          // StoredRuleList
                t.column("severity", .integer).notNull()
                t.column("polarity", .text).notNull()
                t.column("attributionMethod", .text).notNull()  // AttributionMethod
                t.column("attribution", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("sentenceStart", .integer).notNull()
                t.column("sentenceEnd", .integer).notNull()
                t.column("originalStart", .integer)
                t.column("originalEnd", .integer)
                t.column("qualifier", .text)
            }
            let columns = "articleId, id, runId, month, country, indicator, rules, severity, polarity, attribution, confidence, "
                + "sentenceStart, sentenceEnd, originalStart, originalEnd, qualifier"
            // The text up to its first ':' (leading ones skipped), the whole text without one.
            let prefix = "CASE WHEN instr(ltrim(attribution, ':'), ':') > 0 THEN substr(ltrim(attribution, ':'), 1, instr(ltrim(attribution, ':'), ':') - 1) "
                + "ELSE ltrim(attribution, ':') END"
            try db.execute(sql: """
                INSERT INTO finding_v6 (\(columns), attributionMethod)
                SELECT \(columns),
                       CASE WHEN \(prefix) IN ('sentence', 'list', 'paragraph', 'headline', 'dateline', 'article', 'region') THEN \(prefix) ELSE 'article' END
                FROM finding
                """)
            try db.drop(table: "finding")
            try db.rename(table: "finding_v6", to: "finding")
        }
        migrator.registerMigration("v7: findings name their people") { db in
            // The people a finding's sentence names, read when the finding is made (JSON, see
            // `StoredPeople`). Existing rows get '[]' (no one) until their articles are analysed
            // again: `analyze --force`, or any `analyze` with a rules folder holding people.yaml,
            // which is in the rules hash, so the hash the rows were made with no longer matches.
            try db.execute(sql: "ALTER TABLE finding ADD COLUMN people TEXT NOT NULL DEFAULT '[]'")
        }
        return migrator
    }
}
