import Foundation
import GRDB
import Testing
@testable import RightsCore

@Suite struct RightsStoreTests {
    let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate))

    func article(_ id: String, _ body: String, published: String? = "2026-09-01") -> Article {
        let raw = RawArticle(metadata: ArticleMetadata(id: id, published: published), body: body, origin: SourceLocation(file: "test"), fallbackID: id)
        return try! builder.build(raw).get()
    }

    @Test("the same text is stored once; the same id with new text replaces the old and its findings")
    func dedupe() throws {
        let store = try RightsStore()
        let date = Date(timeIntervalSince1970: 0)
        #expect(try store.insert([article("a", "Police detained a reporter.")], at: date) == [.inserted("a")])
        #expect(try store.insert([article("b", "Police detained a reporter.")], at: date) == [.duplicate("b", existing: "a")])
        // Page noise does not make a text different.
        #expect(try store.insert([article("c", "Share\nPolice detained a reporter.\nAdvertisement")], at: date) == [.duplicate("c", existing: "a")])
        let finding = Finding(id: "f1", articleID: "a", month: nil, country: "KZ", indicator: "press_freedom", rules: [], severity: 1,
                              polarity: .concern, method: .sentence, attribution: "sentence: x", confidence: 0.9, qualifier: nil,
                              sentence: "s", sentenceStart: 0, sentenceEnd: 1, originalStart: nil, originalEnd: nil)
        let run = try store.beginRun(command: "test", rulesHash: "h", at: date)
        try store.replaceFindings([("a", [finding])], rulesHash: "h", runID: run)
        #expect(try store.findingCount() == 1)
        #expect(try store.articleTextsToAnalyse(rulesHash: "h").map(\.id).isEmpty)
        #expect(try store.insert([article("a", "Police released the reporter.")], at: date) == [.updated("a")])
        #expect(try store.findingCount() == 0)
        #expect(try store.articleTextsToAnalyse(rulesHash: "h").map(\.id) == ["a"])
        #expect(try store.article("a")?.cleaned.text == "Police released the reporter.")
    }

    @Test("findings read back exactly as written: optional fields empty or set, text outside ASCII, rules of their indicator and others")
    func findingRoundTrip() throws {
        let store = try RightsStore()
        let sentence = "Police detained a reporter in İstanbul — “again”."
        _ = try store.insert([article("a", "Şimdi. " + sentence + " Then more.")], at: Date())
        let start = "Şimdi. ".unicodeScalars.count
        let bare = Finding(id: "f1", articleID: "a", month: nil, country: "TR", indicator: "press_freedom", rules: [], severity: 1,
                           polarity: .concern, method: .article, attribution: "", confidence: 0.25, qualifier: nil,
                           sentence: "", sentenceStart: 0, sentenceEnd: 0, originalStart: nil, originalEnd: nil)
        let full = Finding(id: "f2", articleID: "a", month: Month(rawValue: "2026-09"), country: "TR", indicator: "press_freedom",
                           rules: ["pf.detained", "press_freedom.reporter_detained", "press_freedom_x.y", "torture.beaten"], severity: 3,
                           polarity: .improvement, method: .dateline, attribution: "dateline: 'İstanbul' (capital)", confidence: 0.7,
                           qualifier: .denied, sentence: sentence, sentenceStart: start, sentenceEnd: start + sentence.unicodeScalars.count,
                           originalStart: 10, originalEnd: 58)
        try store.replaceFindings([("a", [bare, full])], rulesHash: "h", runID: try store.beginRun(command: "test", rulesHash: "h", at: Date()))
        #expect(try store.findings().sorted { $0.id < $1.id } == [bare, full])
        // The method is its own column, not read from the attribution text.
        var named = full
        named.id = "f3"
        named.method = .list
        try store.replaceFindings([("a", [bare, full, named])], rulesHash: "h", runID: try store.beginRun(command: "test", rulesHash: "h", at: Date()))
        #expect(try store.findings().first { $0.id == "f3" }?.method == .list)
        // Rule ids of the finding's own indicator are stored by name, the others whole.
        let stored = try store.writer.read { db in try String.fetchOne(db, sql: "SELECT rules FROM finding WHERE id = 'f2'") }
        #expect(stored == "pf.detained reporter_detained press_freedom_x.y torture.beaten")
    }

    @Test("a NUL character in an article is stored as a space: the text and the sentences after it read back whole")
    func articleWithNUL() throws {
        let store = try RightsStore()
        let sentence = "Police detained a reporter."
        _ = try store.insert([article("a", "Intro\u{0} text. " + sentence)], at: Date())
        let stored = try #require(try store.article("a"))
        #expect(stored.cleaned.text == "Intro  text. " + sentence)
        #expect(stored.original == "Intro  text. " + sentence)
        let start = stored.cleaned.text.unicodeScalars.count - sentence.unicodeScalars.count
        let finding = Finding(id: "f1", articleID: "a", month: nil, country: "KZ", indicator: "press_freedom", rules: [], severity: 1,
                              polarity: .concern, method: .sentence, attribution: "sentence: x", confidence: 0.9, qualifier: nil,
                              sentence: sentence, sentenceStart: start, sentenceEnd: start + sentence.unicodeScalars.count,
                              originalStart: nil, originalEnd: nil)
        try store.replaceFindings([("a", [finding])], rulesHash: "h", runID: try store.beginRun(command: "test", rulesHash: "h", at: Date()))
        #expect(try store.findings() == [finding])
    }

    @Test("analysis pages through article texts by id: what it reads is the stored article's text, title, month and offsets")
    func articleTextPages() throws {
        let store = try RightsStore()
        let articles = [article("b", "Share\nPolice detained a reporter.\nAdvertisement"), article("a", "Courts jailed two bloggers.", published: nil),
                        article("c", "Voters queued in the rain.")]
        _ = try store.insert(articles, at: Date())
        let first = try store.articleTextsToAnalyse(rulesHash: "h", limit: 2)
        #expect(first.map(\.id) == ["a", "b"])
        let rest = try store.articleTextsToAnalyse(rulesHash: "h", after: first.last?.id, limit: 2)
        #expect(rest.map(\.id) == ["c"])
        for text in first + rest {
            let stored = try #require(articles.first { $0.id == text.id })
            var expected = ArticleText(stored)
            expected.cleaned.removedLines = []
            #expect(text == expected)
        }
        #expect(try store.articleTextsToAnalyse(rulesHash: "h", after: "c", limit: 2).isEmpty)
    }

    @Test("the sentences of an article with many findings are cut from its text as SQLite's substr cuts them", arguments: [3, 150])
    func sentencesOfManyFindings(count: Int) throws {
        let store = try RightsStore()
        // Text outside ASCII of one, two, three and four bytes before and inside each sentence.
        let sentences = (0 ..< count).map { "Reporter Łukasz Żółć \($0) was detained in İstanbul — “again” 😀." }
        let body = "Şimdi. " + sentences.joined(separator: " ")
        _ = try store.insert([article("a", body)], at: Date())
        let text = try #require(try store.article("a")).cleaned.text
        let scalars = Array(text.unicodeScalars)
        var findings: [Finding] = []
        var start = 0
        for (index, sentence) in sentences.enumerated() {
            let range = try #require(text.range(of: sentence, range: text.index(text.startIndex, offsetBy: 0) ..< text.endIndex))
            let found = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            start = max(start, found)
            let end = start + sentence.unicodeScalars.count
            findings.append(Finding(id: FindingID("f\(index)"), articleID: "a", month: Month(rawValue: "2026-09"), country: "TR", indicator: "press_freedom", rules: [],
                                    severity: 1, polarity: .concern, method: .sentence, attribution: "sentence: x", confidence: 0.9, qualifier: nil,
                                    sentence: "", sentenceStart: start, sentenceEnd: end, originalStart: nil, originalEnd: nil))
        }
        // And offsets past the end of the text, as a store analysed before a re-ingest could hold.
        findings.append(Finding(id: "fz", articleID: "a", month: Month(rawValue: "2026-09"), country: "TR", indicator: "press_freedom", rules: [], severity: 1,
                                polarity: .concern, method: .sentence, attribution: "sentence: x", confidence: 0.9, qualifier: nil,
                                sentence: "", sentenceStart: scalars.count - 2, sentenceEnd: scalars.count + 40, originalStart: nil, originalEnd: nil))
        let run = try store.beginRun(command: "test", rulesHash: "h", at: Date())
        try store.replaceFindings([("a", findings)], rulesHash: "h", runID: run)
        func expected(_ finding: Finding) -> String {
            let lower = min(finding.sentenceStart, scalars.count), upper = min(finding.sentenceEnd, scalars.count)
            return String(String.UnicodeScalarView(scalars[lower ..< upper]))
        }
        let read = try store.findings()
        #expect(read.count == findings.count)
        for finding in read { #expect(finding.sentence == expected(finding)) }
        #expect(read.contains { $0.sentence.hasPrefix("Reporter Łukasz Żółć") })
        var streamed = 0
        try store.forEachFinding(month: Month(rawValue: "2026-09")!) { finding in
            streamed += 1
            #expect(finding.sentence == expected(finding))
        }
        #expect(streamed == findings.count)
    }

    @Test("findings are stored only for articles that still have the text that was analysed; foreign keys are on again after")
    func storeAnalysisChecksText() throws {
        let store = try RightsStore()
        _ = try store.insert([article("a", "Police detained a reporter."), article("b", "Courts jailed two bloggers.")], at: Date())
        let texts = try store.articleTextsToAnalyse(rulesHash: "h", limit: 10)
        // Meanwhile "b" is re-ingested with new text, and a finding names an article that was never stored.
        _ = try store.insert([article("b", "Courts freed two bloggers.")], at: Date())
        func finding(_ id: FindingID, _ article: ArticleID) -> Finding {
            Finding(id: id, articleID: article, month: nil, country: "KZ", indicator: "press_freedom", rules: [], severity: 1, polarity: .concern,
                    method: .sentence, attribution: "sentence: x", confidence: 0.9, qualifier: nil, sentence: "s", sentenceStart: 0,
                    sentenceEnd: 1, originalStart: nil, originalEnd: nil)
        }
        let run = try store.beginRun(command: "test", rulesHash: "h", at: Date())
        let results = texts.map { AnalysedArticle(id: $0.id, contentHash: $0.contentHash, findings: [finding(FindingID("f" + $0.id.rawValue), $0.id)]) }
            + [AnalysedArticle(id: "ghost", contentHash: nil, findings: [finding("fg", "ghost")])]
        #expect(try store.storeAnalysis(results, rulesHash: "h", runID: run) == ["b", "ghost"])
        #expect(try store.findings().map(\.id) == ["fa"])
        #expect(try store.articleTextsToAnalyse(rulesHash: "h").map(\.id) == ["b"])
        #expect(throws: StoreError.self) { try store.storeAnalysis(results, rulesHash: "h", runID: run + 100) }
        let foreignKeys = try store.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
        #expect(throws: (any Error).self) {
            try store.writer.write { db in try db.execute(sql: "INSERT INTO finding (id, articleId, country, indicator, rules, severity, polarity, attribution, confidence, sentenceStart, sentenceEnd) VALUES ('x', 'nowhere', 'KZ', 'i', '', 1, 'concern', '', 1, 0, 1)") }
        }
    }

    @Test("findings are written many rows to a statement: all of them, and a repeated id fails the page with nothing written")
    func storeAnalysisBatches() throws {
        let store = try RightsStore()
        let ids = (0 ..< 40).map { ArticleID("a\($0)") }
        _ = try store.insert(ids.map { article($0.rawValue, "Police detained reporter \($0.rawValue).") }, at: Date())
        func finding(_ id: String, _ article: ArticleID) -> Finding {
            Finding(id: FindingID(id), articleID: article, month: nil, country: "KZ", indicator: "press_freedom", rules: [], severity: 1, polarity: .concern,
                    method: .sentence, attribution: "sentence: 'Kazakhstan' (name)", confidence: 0.9, qualifier: nil, sentence: "", sentenceStart: 0,
                    sentenceEnd: 10, originalStart: nil, originalEnd: nil)
        }
        let run = try store.beginRun(command: "test", rulesHash: "h", at: Date())
        // 40 articles × 3 findings: three statements of 32 rows and one of 24.
        let results = ids.map { id in AnalysedArticle(id: id, contentHash: nil, findings: (0 ..< 3).map { finding("f\(id.rawValue)-\($0)", id) }) }
        #expect(try store.storeAnalysis(results, rulesHash: "h", runID: run).isEmpty)
        #expect(try store.findingCount() == 120)
        #expect(try store.countArticlesToAnalyse(rulesHash: "h", force: false) == 0)
        // Again with new findings, one id twice (in the first statement of 32 rows): the page fails and the findings before stay.
        var repeated = results.map { AnalysedArticle(id: $0.id, contentHash: nil, findings: [finding("g\($0.id.rawValue)", $0.id)]) }
        repeated[5].findings.append(finding("ga5", "a5"))
        #expect(throws: StoreError.self) { try store.storeAnalysis(repeated, rulesHash: "h2", runID: run) }
        #expect(try store.findingCount() == 120)
        #expect(Set(try store.findings().map(\.id)).count == 120)
        #expect(try store.countArticlesToAnalyse(rulesHash: "h", force: false) == 0)
    }

    @Test("undated articles are kept and listed as undated")
    func undated() throws {
        let store = try RightsStore()
        _ = try store.insert([article("d", "Dated text.", published: "2026-10-02"), article("u", "Undated text.", published: nil)], at: Date())
        #expect(try store.articleSummaries(undatedOnly: true).map(\.id) == ["u"])
        #expect(try store.articleSummaries(month: Month(rawValue: "2026-10")).map(\.id) == ["d"])
        #expect(try store.articleSummaries().count == 2)
    }

    @Test("a version taken before reading skips the text lookups only while no article is written, by this store or another connection")
    func storeAnalysisVersion() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("store.sqlite").path
        let store = try RightsStore(path: path)
        _ = try store.insert([article("a", "Police detained a reporter."), article("b", "Courts jailed two bloggers.")], at: Date())
        func finding(_ article: ArticleID) -> Finding {
            Finding(id: FindingID("f" + article.rawValue), articleID: article, month: nil, country: "KZ", indicator: "press_freedom", rules: [],
                    severity: 1, polarity: .concern, method: .sentence, attribution: "sentence: x", confidence: 0.9, qualifier: nil,
                    sentence: "s", sentenceStart: 0, sentenceEnd: 1, originalStart: nil, originalEnd: nil)
        }
        func analyse(meanwhile change: () throws -> Void) throws -> [ArticleID] {
            let version = try store.articleVersion()
            let texts = try store.articleTextsToAnalyse(rulesHash: "h", force: true)
            try change()
            let run = try store.beginRun(command: "test", rulesHash: "h", at: Date())
            return try store.storeAnalysis(texts.map { AnalysedArticle(id: $0.id, contentHash: $0.contentHash, findings: [finding($0.id)]) },
                                           rulesHash: "h", runID: run, unchangedSince: version)
        }
        // Nothing written meanwhile (a run row is not an article): everything is stored.
        #expect(try analyse {}.isEmpty)
        #expect(try store.findings().map(\.id) == ["fa", "fb"])
        // Another connection (another process) re-ingests "b" with new text.
        #expect(try analyse { _ = try RightsStore(path: path).insert([article("b", "Courts freed two bloggers.")], at: Date()) } == ["b"])
        // This store re-ingests "a".
        #expect(try analyse { _ = try store.insert([article("a", "Police freed a reporter.")], at: Date()) } == ["a"])
        #expect(try store.findings().map(\.id) == ["fb"])
    }

    @Test("a database file is created in WAL mode, migrated, and reopened without migrating again")
    func migrationsOnFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("store.sqlite").path
        do {
            let store = try RightsStore(path: path)
            #expect(try store.appliedMigrations() == ["v1", "v2: finding order index", "v3: findings clustered by article", "v4: findings found by month through their articles",
                                                   "v5: findings cite their sentence by its offsets", "v6: findings keep their attribution method",
                                                   "v7: findings name their people"])
            _ = try store.insert([article("a", "Some text.")], at: Date())
        }
        let reopened = try RightsStore(path: path)
        #expect(try reopened.appliedMigrations() == ["v1", "v2: finding order index", "v3: findings clustered by article", "v4: findings found by month through their articles",
                                                   "v5: findings cite their sentence by its offsets", "v6: findings keep their attribution method",
                                                   "v7: findings name their people"])
        #expect(try reopened.articleCount() == 1)
        let (mode, pageSize) = try DatabaseQueue(path: path).read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA page_size"))
        }
        #expect(mode == "wal")
        #expect(pageSize == 16384)
    }

    @Test("an existing database from before the migrations is brought up to date")
    func migratesExistingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("old.sqlite").path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        let store = try RightsStore(path: path)
        #expect(try store.appliedMigrations() == ["v1", "v2: finding order index", "v3: findings clustered by article", "v4: findings found by month through their articles",
                                                   "v5: findings cite their sentence by its offsets", "v6: findings keep their attribution method",
                                                   "v7: findings name their people"])
        #expect(try store.articleCount() == 0)
    }

    @Test("a store from before findings were clustered by article (and kept their sentences) keeps its findings and reviews, in workbook order")
    func migratesFindingsToV5() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v2.sqlite").path
        do {
            let store = try RightsStore(path: path)
            _ = try store.insert([article("a", "Police detained a reporter."), article("b", "Police detained an editor.")], at: Date())
        }
        // Back to the v2 shape, as a store written by the previous release has it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                DROP TABLE finding;
                DELETE FROM grdb_migrations WHERE identifier NOT IN ('v1', 'v2: finding order index');
                CREATE TABLE finding (id TEXT PRIMARY KEY, articleId TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                    runId INTEGER REFERENCES run(id), month TEXT, country TEXT NOT NULL, indicator TEXT NOT NULL, rules TEXT NOT NULL,
                    severity INTEGER NOT NULL, polarity TEXT NOT NULL, attribution TEXT NOT NULL, confidence DOUBLE NOT NULL,
                    sentence TEXT NOT NULL, sentenceStart INTEGER NOT NULL, sentenceEnd INTEGER NOT NULL, originalStart INTEGER,
                    originalEnd INTEGER, qualifier TEXT);
                CREATE INDEX finding_month_order ON finding (month, country, indicator, articleId, sentenceStart, id);
                INSERT INTO finding VALUES ('f2', 'b', NULL, '2026-09', 'KZ', 'press_freedom', 'pf.detained', 2, 'concern', 'sentence', 0.9,
                                            'Police detained an editor.', 0, 26, 0, 26, NULL);
                INSERT INTO finding VALUES ('f1', 'a', NULL, '2026-09', 'KZ', 'press_freedom', 'pf.detained', 2, 'concern', 'sentence', 0.9,
                                            'Police detained a reporter.', 0, 27, 0, 27, NULL);
                INSERT INTO finding VALUES ('f3', 'a', NULL, '2026-09', 'BY', 'press_freedom', 'press_freedom.detained pf.detained', 2, 'concern', 'sentence', 0.8,
                                            'Police detained a reporter.', 0, 27, 0, 27, NULL);
                INSERT INTO review (findingId, decision, reviewedAt) VALUES ('f1', 'accepted', '2026-10-01T00:00:00Z');
                """)
        }
        try queue.close()
        let store = try RightsStore(path: path)
        #expect(try store.appliedMigrations().last == "v7: findings name their people")
        #expect(try store.findingCount() == 3)
        #expect(try store.reviews()["f1"]?.decision == .accepted)
        var order: [FindingID] = []
        try store.forEachFinding(month: Month(rawValue: "2026-09")!) { order.append($0.id) }
        #expect(order == ["f3", "f1", "f2"])
        // The sentences, no longer in the rows, are read from the articles; rule ids come back whole.
        let findings = try store.findings()
        #expect(findings.map(\.sentence) == ["Police detained a reporter.", "Police detained a reporter.", "Police detained an editor."])
        #expect(findings.first { $0.id == "f3" }?.rules == ["press_freedom.detained", "pf.detained"])
        // Still one finding per id, and still removed with its article's new text.
        #expect(throws: StoreError.self) {
            try store.replaceFindings([("a", [Finding(id: "f1", articleID: "a", month: nil, country: "KZ", indicator: "press_freedom", rules: [],
                                                      severity: 1, polarity: .concern, method: .sentence, attribution: "s", confidence: 1,
                                                      qualifier: nil, sentence: "s", sentenceStart: 0, sentenceEnd: 1, originalStart: nil,
                                                      originalEnd: nil)].flatMap { [$0, $0] })], rulesHash: "h",
                                      runID: try store.beginRun(command: "test", rulesHash: "h", at: Date()))
        }
        _ = try store.insert([article("a", "Police released the reporter.")], at: Date())
        #expect(try store.findingCount() == 1)
    }

    @Test("the finding table has the columns FindingColumn lists, in its order, with its types")
    func findingColumnsAreTheTable() throws {
        let store = try RightsStore()
        let table = try store.writer.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(finding)").map { row -> String in
                "\(row["name"] as String) \(row["type"] as String)\((row["notnull"] as Int) == 1 ? " NOT NULL" : "")"
            }
        }
        #expect(table == FindingColumn.allCases.map { "\($0.name) \($0.definition.type)\($0.definition.notNull ? " NOT NULL" : "")" })
    }

    @Test("a store from before findings had an attribution method column gets each one from its attribution text")
    func migratesAttributionMethodToV6() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("v5.sqlite").path
        do {
            let store = try RightsStore(path: path)
            _ = try store.insert([article("a", "Police detained a reporter.")], at: Date())
        }
        // Back to the v5 shape, as a store written by the previous release has it.
        let queue = try DatabaseQueue(path: path)
        let attributions = ["sentence: 'Kazakhstan' (name)", "list: 'Qatar' (name)", "region: 'Central Asia' → KZ", "headline",
                            ":paragraph: 'Almaty' (city)", "dateline: 'ASTANA'", "article: 'Kazakhstan' (3 mentions)", "nearby: 'x'", ""]
        try queue.write { db in
            try db.execute(sql: """
                DROP TABLE finding;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v6%' OR identifier LIKE 'v7%';
                CREATE TABLE finding (articleId TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE, id TEXT NOT NULL,
                    runId INTEGER REFERENCES run(id), month TEXT, country TEXT NOT NULL, indicator TEXT NOT NULL, rules TEXT NOT NULL,
                    severity INTEGER NOT NULL, polarity TEXT NOT NULL, attribution TEXT NOT NULL, confidence DOUBLE NOT NULL,
                    sentenceStart INTEGER NOT NULL, sentenceEnd INTEGER NOT NULL, originalStart INTEGER, originalEnd INTEGER, qualifier TEXT,
                    PRIMARY KEY (articleId, id)) WITHOUT ROWID;
                """)
            for (index, attribution) in attributions.enumerated() {
                try db.execute(sql: """
                    INSERT INTO finding VALUES ('a', ?, NULL, '2026-09', 'KZ', 'press_freedom', 'detained', 2, 'concern', ?, 0.9, 0, 27, 0, 27, NULL)
                    """, arguments: ["f\(index)", attribution])
            }
        }
        try queue.close()
        let store = try RightsStore(path: path)
        #expect(try store.appliedMigrations().last == "v7: findings name their people")
        let findings = try store.findings().sorted { $0.id < $1.id }
        #expect(findings.map(\.attribution) == attributions)
        #expect(findings.map(\.method) == [.sentence, .list, .region, .headline, .paragraph, .dateline, .article, .article, .article])
        #expect(findings.allSatisfy { $0.sentence == "Police detained a reporter." })
        // v7: no one named until the next analysis.
        #expect(findings.allSatisfy { $0.people.isEmpty })
    }

    @Test("a file that is not a database is refused with its path")
    func notADatabase() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("junk.sqlite", String(repeating: "not sqlite ", count: 200))
        #expect {
            _ = try RightsStore(path: file.path)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.localizedDescription.contains(file.path)
        }
    }
}

@Suite struct IngestPipelineTests {
    func pipeline() -> IngestPipeline {
        IngestPipeline(reader: CorpusReader(), builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate)), batchSize: 2)
    }

    @Test("the shared manifest stores 5 articles with ids, titles, sources and dates; a second run stores 0 and reports 5 duplicates",
          .enabled(if: TestPaths.hasCorpus))
    func sharedManifest() throws {
        let store = try RightsStore()
        let files = InputCollector.collect([TestPaths.corpus.appendingPathComponent("manifest.jsonl").path], relativeTo: TestPaths.repository).files
        let first = try pipeline().run(files, into: store)
        #expect(first.inserted.count == 5)
        #expect(first.problems.isEmpty)
        let rferl = try #require(try store.article("kerry-kazakhstan-rferl"))
        #expect(rferl.title == "Kerry In Kazakhstan: Terror Threat No Excuse To Lock Up Foes")
        #expect(rferl.source == "RFE/RL")
        #expect(rferl.published?.day == "2015-11-02")
        let second = try pipeline().run(files, into: store)
        #expect(second.inserted.isEmpty)
        #expect(second.duplicates.count == 5)
        #expect(try store.articleCount() == 5)
    }

    @Test("bad inputs are reported and the rest of the batch still goes in; --published and --source fill gaps")
    func mixedBatch() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.md", "---\ntitle: Good\n---\nPolice detained a reporter.")
        try folder.write("baddate.md", "---\npublished: someday\n---\nAnother text.")
        try folder.write("binary.txt", Data([0, 1, 2]))
        let store = try RightsStore()
        var run = pipeline()
        run.builder.defaultPublished = PublishedDate("2026-10-05")
        run.builder.defaultSource = "Desk"
        let report = try run.run(InputCollector.collect(["."], relativeTo: folder.url).files, into: store)
        #expect(report.inserted == ["good"])
        #expect(report.problems.map(\.error) == [.unparseableDate("someday"), .binaryFile])
        let good = try #require(try store.article("good"))
        #expect(good.published?.day == "2026-10-05")
        #expect(good.source == "Desk")
    }
}
