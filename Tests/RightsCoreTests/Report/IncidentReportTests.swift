import Foundation
import Testing
@testable import RightsCore

/// Briefs and the workbook by incident: one event told by three outlets, and another event.
@Suite(.serialized) struct IncidentReportTests {
    static let month = Month(rawValue: "2026-10")!

    /// Three outlets report one detention (worded differently), a fourth article another arrest.
    static func store() async throws -> RightsStore {
        let store = try RightsStore()
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate))
        let bodies = [
            ("yusuf1", "2026-10-05", "Steppe Wire", "Police in Almaty detained journalist Amina Yusuf on Monday after she reported on land sales."),
            ("yusuf2", "2026-10-06", "Caspian Post", "Reporter Amina Yusuf was detained by police in Almaty on Monday over her reporting."),
            ("yusuf3", "2026-10-07", "Meridian Wire", "Kazakh police are still holding journalist Amina Yusuf, who was detained in Almaty this week."),
            ("sadykov", "2026-10-06", "Steppe Wire", "Police in Shymkent arrested blogger Daniyar Sadykov over his posts about the governor."),
        ]
        let articles = bodies.map { id, date, source, body in
            try! builder.build(RawArticle(metadata: ArticleMetadata(id: id, title: "Title of \(id)", source: source, url: "https://example.org/\(id)", published: date),
                                          body: body, origin: SourceLocation(file: id), fallbackID: id)).get()
        }
        _ = try store.insert(articles, at: Date(timeIntervalSince1970: 0))
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        return store
    }

    /// The incident of the three Yusuf reports, as the grouping makes it.
    static func yusufIncident(_ store: RightsStore) throws -> Incident {
        let incidents = try ShippedIncidents.of(store)(month).incidents
        return try #require(incidents.first { Set($0.articles) == ["yusuf1", "yusuf2", "yusuf3"] }, "the three reports are not one incident: \(incidents)")
    }

    @Test("the brief counts incidents, quotes each once with how many sources reported it, and lists the people named")
    func brief() async throws {
        let store = try await Self.store()
        let incident = try Self.yusufIncident(store)
        let briefs = try BriefBuilder(rules: ShippedRules.ruleSet).build(month: Self.month, store: store, incidents: ShippedIncidents.of(store))
        let kz = try #require(briefs.countries.first { $0.code == "KZ" })
        #expect(kz.score.incidents == 2)
        #expect(kz.score.articles == 4)
        for evidence in kz.evidence {
            let incidents = evidence.quotes.compactMap(\.incident)
            #expect(Set(incidents).count == incidents.count, "an incident quoted twice under \(evidence.indicator)")
        }
        let quote = try #require(kz.evidence.flatMap(\.quotes).first { $0.incident == incident.id })
        #expect(quote.articles == 3 && quote.sources == 3)
        let people = kz.people.map(\.name)
        #expect(people.contains("Amina Yusuf") && people.contains("Daniyar Sadykov"))
        #expect(people.filter { $0 == "Amina Yusuf" }.count == 1, "one row per person and incident")

        let files = try BriefRenderer(templates: BriefTests.templates).render(briefs)
        let markdown = try #require(files.first { $0.path == "2026-10/KZ.md" }).content
        #expect(markdown.contains("· reported by 3 sources"))
        #expect(markdown.contains("## People named this month"))
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| Amina Yusuf |") })
        #expect(row.contains(incident.id.rawValue))
        #expect(row.contains("[Steppe Wire](https://example.org/yusuf1)") && row.contains("[Caspian Post](https://example.org/yusuf2)"))
        if BriefTests.hasCmark {
            // The people table is a table of 6 columns in CommonMark (GFM tables), a row per person.
            let html = try BriefTests.cmark(markdown)
            let tables = html.components(separatedBy: "<table>").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
            let peopleTable = try #require(tables.first { $0.contains("Amina Yusuf") })
            #expect(peopleTable.components(separatedBy: "<td").count - 1 == 6 * kz.people.count)
        }
    }

    @Test("a brief lists at most peoplePerBrief people, the earliest reported, and says how many more the workbook lists")
    func peopleAreCapped() async throws {
        let store = try await Self.store()
        var builder = BriefBuilder(rules: ShippedRules.ruleSet)
        let all = try #require(try builder.build(month: Self.month, store: store, incidents: ShippedIncidents.of(store)).countries.first { $0.code == "KZ" })
        try #require(all.people.count == 2 && all.peopleNamed == 2, "the sample no longer names two people: \(all.people.map(\.name))")
        builder.peoplePerBrief = 1
        let briefs = try builder.build(month: Self.month, store: store, incidents: ShippedIncidents.of(store))
        let kz = try #require(briefs.countries.first { $0.code == "KZ" })
        #expect(kz.people.map(\.name) == [all.people[0].name])
        #expect(kz.peopleNamed == 2)
        let files = try BriefRenderer(templates: BriefTests.templates).render(briefs)
        let markdown = try #require(files.first { $0.path == "2026-10/KZ.md" }).content
        #expect(markdown.contains("1 more person is named this month: the workbook's Incidents sheet lists them all."))
        #expect(!markdown.contains("| \(all.people[1].name) |"))
        let uncapped = try BriefRenderer(templates: BriefTests.templates).render(try BriefBuilder(rules: ShippedRules.ruleSet)
            .build(month: Self.month, store: store, incidents: ShippedIncidents.of(store)))
        #expect(!(try #require(uncapped.first { $0.path == "2026-10/KZ.md" }).content.contains("named this month: the workbook")))
    }

    @Test("a person named only by a rejected finding is not listed, while the incident still counts")
    func rejectedNameLeavesPeople() async throws {
        let store = try RightsStore()
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate))
        let body = "Police in Almaty detained journalist Amina Yusuf on Monday.\n\nPolice in Almaty also detained three journalists who covered the protest."
        let article = try builder.build(RawArticle(metadata: ArticleMetadata(id: "two", title: "Two", source: "Steppe Wire", url: nil, published: "2026-10-05"),
                                                   body: body, origin: SourceLocation(file: "two"), fallbackID: "two")).get()
        _ = try store.insert([article], at: Date(timeIntervalSince1970: 0))
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        let evidence = try ShippedIncidents.of(store)(Self.month).evidence
        let naming = evidence.values.filter { $0.people.contains { $0.name == "Amina Yusuf" } }.map(\.finding)
        try #require(!naming.isEmpty && naming.count < evidence.count, "the sample no longer gives a finding naming her and one naming no one")
        func people() throws -> [String] {
            try BriefBuilder(rules: ShippedRules.ruleSet).build(month: Self.month, store: store, incidents: ShippedIncidents.of(store))
                .countries.flatMap(\.people).map(\.name)
        }
        #expect(try people() == ["Amina Yusuf"])
        try store.record(naming.map { Review(findingID: $0.id, decision: .rejected, note: nil, reviewer: nil, reviewedAt: "x", sourceFile: nil) })
        #expect(try people().isEmpty)
        let kz = try BriefBuilder(rules: ShippedRules.ruleSet).build(month: Self.month, store: store, incidents: ShippedIncidents.of(store)).countries.first
        #expect(kz?.score.incidents == 1)
    }

    @Test("several articles of one source read \"reported in N articles of one source\"")
    func reportedPhrase() {
        #expect(BriefRenderer.reported(articles: 1, sources: 1) == "")
        #expect(BriefRenderer.reported(articles: 3, sources: 3) == "reported by 3 sources")
        #expect(BriefRenderer.reported(articles: 4, sources: 2) == "reported by 2 sources in 4 articles")
        #expect(BriefRenderer.reported(articles: 2, sources: 1) == "reported in 2 articles of one source")
    }

    @Test("a person's short quote starts near their name and marks what was left out")
    func shortQuote() {
        let sentence = (1 ... 30).map { "w\($0)" }.joined(separator: " ") + " Yusuf was detained on Monday"
        let quote = BriefRenderer.shortQuote(sentence, around: "Amina Yusuf", limit: 10)
        #expect(quote == "…w26 w27 w28 w29 w30 Yusuf was detained on Monday", "near the end, the last words")
        let early = BriefRenderer.shortQuote("Yusuf " + (1 ... 30).map { "w\($0)" }.joined(separator: " "), around: "Amina Yusuf", limit: 5)
        #expect(early == "Yusuf w1 w2 w3 w4…")
        #expect(BriefRenderer.shortQuote("Short sentence about Yusuf.", around: "Amina Yusuf") == "Short sentence about Yusuf.")
    }

    @Test("the Incidents sheet: one row per incident with people, dates, articles and sources; Findings rows carry their incident id")
    func incidentsSheet() async throws {
        let store = try await Self.store()
        let incident = try Self.yusufIncident(store)
        let folder = try TemporaryFolder()
        let file = try WorkbookExporterTests.export(store, to: folder)
        let reader = XlsxSheetReader()
        let sheet = try reader.readSheet(named: "Incidents", from: file)
        #expect(sheet.header == WorkbookExporter.incidentsHeader)
        let all = try ShippedIncidents.of(store)(Self.month).incidents
        #expect(sheet.rows.count - 1 == all.count)
        let row = try #require(sheet.rows.first { $0.first == incident.id.rawValue })
        #expect(row[1] == "KZ")
        #expect(row[3].contains("Amina Yusuf (journalist)"))
        #expect(row[4] == "2026-10-05" && row[5] == "2026-10-07")
        #expect(row[7] == "3" && row[8] == "3")
        #expect(row[9] == "Caspian Post; Meridian Wire; Steppe Wire")
        let findings = try reader.readSheet(named: "Findings", from: file)
        let listed = Set(findings.rows.dropFirst().filter { $0.count > 14 && $0[14] == incident.id.rawValue }.map { $0[0] })
        #expect(listed == Set(incident.findings.map(\.rawValue)))
        #expect(try Self.sheetXML(file, "xl/worksheets/sheet3.xml").contains("<formula1>\"accepted,rejected,needs follow-up\"</formula1>"))
    }

    static func sheetXML(_ file: URL, _ part: String) throws -> String {
        String(decoding: try XlsxArchive(url: file, limits: .standard).data(of: part), as: UTF8.self)
    }

    /// Sets decisions on rows of the Incidents sheet (columns L and M).
    static func reviewIncidents(_ file: URL, _ decisions: [String: (String, String)], to output: URL) throws -> URL {
        try WorkbookExporterTests.review(file, decisions: decisions, to: output, sheet: "Incidents", part: "xl/worksheets/sheet3.xml", columns: ("L", "M"))
    }

    @Test("round trip: a decision on an incident row reaches every finding of the incident, and only those")
    func incidentRoundTrip() async throws {
        let store = try await Self.store()
        let incident = try Self.yusufIncident(store)
        #expect(incident.findings.count >= 3)
        let folder = try TemporaryFolder()
        let file = try WorkbookExporterTests.export(store, to: folder)
        let reviewed = try Self.reviewIncidents(file, [incident.id.rawValue: ("rejected", "a misread")], to: folder.url.appendingPathComponent("reviewed.xlsx"))
        let report = try ReviewImporter().importReviews(from: reviewed, reviewer: "ana", store: store, now: Date(timeIntervalSince1970: 0))
        #expect(report.incidents == 1)
        #expect(report.rejected == incident.findings.count)
        #expect(report.unknownIncidents.isEmpty)
        let stored = try store.reviews()
        for finding in incident.findings {
            #expect(stored[finding]?.decision == .rejected)
            #expect(stored[finding]?.note == "a misread")
        }
        #expect(stored.count == incident.findings.count, "a finding of another incident was reviewed")

        // Rejected in review, the incident no longer counts.
        let briefs = try BriefBuilder(rules: ShippedRules.ruleSet).build(month: Self.month, store: store, incidents: ShippedIncidents.of(store))
        let kz = try #require(briefs.countries.first { $0.code == "KZ" })
        #expect(kz.score.incidents == 1)
        #expect(!kz.people.contains { $0.name == "Amina Yusuf" })
    }

    @Test("a finding row the reviewer changed wins over its incident's decision; rows that only repeat the stored decision do not")
    func findingRowWins() async throws {
        let store = try await Self.store()
        let incident = try Self.yusufIncident(store)
        let folder = try TemporaryFolder()
        let first = try WorkbookExporterTests.export(store, to: folder)
        let one = incident.findings[0].rawValue
        let halfway = try WorkbookExporterTests.review(first, decisions: [one: ("needs follow-up", "ask the source")],
                                                       to: folder.url.appendingPathComponent("halfway.xlsx"))
        let reviewed = try Self.reviewIncidents(halfway, [incident.id.rawValue: ("accepted", "")], to: folder.url.appendingPathComponent("reviewed.xlsx"))
        let report = try ReviewImporter().importReviews(from: reviewed, reviewer: "ana", store: store, now: Date(timeIntervalSince1970: 0))
        #expect(report.followUp == 1 && report.accepted == incident.findings.count - 1)
        var stored = try store.reviews()
        #expect(stored[incident.findings[0]]?.decision == .followUp)
        for finding in incident.findings.dropFirst() { #expect(stored[finding]?.decision == .accepted) }

        // Exported again, every finding row is filled with its stored decision; deciding the
        // incident anew still reaches all of them.
        let exportFolder = try TemporaryFolder()
        let again = try WorkbookExporterTests.export(store, to: exportFolder)
        let findings = try XlsxSheetReader().readSheet(named: "Findings", from: again)
        #expect(findings.rows.contains { $0[0] == one && $0[12] == "needs follow-up" })
        let rejected = try Self.reviewIncidents(again, [incident.id.rawValue: ("rejected", "")], to: folder.url.appendingPathComponent("again.xlsx"))
        let second = try ReviewImporter().importReviews(from: rejected, reviewer: "ana", store: store, now: Date(timeIntervalSince1970: 0))
        #expect(second.rejected == incident.findings.count)
        stored = try store.reviews()
        for finding in incident.findings { #expect(stored[finding]?.decision == .rejected) }
    }

    @Test("an incident on two rows with different decisions: the later row wins and both are named; an unknown incident id is reported")
    func incidentRowsConflict() async throws {
        let store = try await Self.store()
        let incident = try Self.yusufIncident(store)
        let folder = try TemporaryFolder()
        func cell(_ reference: String, _ text: String) -> String { "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        func row(_ number: Int, _ cells: [String]) -> String {
            "<row r=\"\(number)\">" + cells.enumerated().map { cell("\(Character(UnicodeScalar(65 + $0.offset)!))\(number)", $0.element) }.joined() + "</row>"
        }
        var findingRows = row(1, ["finding id", "decision", "note", "incident id"])
        for (index, finding) in incident.findings.enumerated() { findingRows += row(index + 2, [finding.rawValue, "", "", incident.id.rawValue]) }
        let incidentRows = row(1, ["incident id", "decision", "note"]) + row(2, [incident.id.rawValue, "accepted", ""])
            + row(3, ["i0000000000000000", "rejected", ""]) + row(4, [incident.id.rawValue, "rejected", "not her"])
        let workbook = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("Findings", XlsxFixture.sheet(findingRows)), ("Incidents", XlsxFixture.sheet(incidentRows))]),
                                           to: folder.url.appendingPathComponent("twice.xlsx"))
        let report = try ReviewImporter().importReviews(from: workbook, reviewer: nil, store: store, now: Date(timeIntervalSince1970: 0))
        #expect(report.incidentConflicts.map(\.description) == ["incident \(incident.id) is on rows 2 (accepted) and 4 (rejected) of the Incidents sheet; row 4 is kept"])
        #expect(report.unknownIncidents == ["i0000000000000000"])
        #expect(report.rejected == incident.findings.count)

        let badWord = row(1, ["incident id", "decision", "note"]) + row(2, [incident.id.rawValue, "perhaps", ""])
        let bad = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("Findings", XlsxFixture.sheet(findingRows)), ("Incidents", XlsxFixture.sheet(badWord))]),
                                      to: folder.url.appendingPathComponent("bad.xlsx"))
        #expect(throws: ReviewImportError.unknownDecision(file: bad.path, row: 2, word: "perhaps", sheet: "Incidents")) {
            _ = try ReviewImporter().importReviews(from: bad, reviewer: nil, store: store, now: Date())
        }
    }
}
