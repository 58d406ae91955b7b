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
        return migrator
    }
}
