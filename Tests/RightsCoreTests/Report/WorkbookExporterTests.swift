import Foundation
import Testing
@testable import RightsCore

/// The exported review workbook, read back as XML, and the review round trip.
@Suite(.serialized) struct WorkbookExporterTests {
    static func store() async throws -> RightsStore {
        let store = try RightsStore()
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate))
        let bodies = [
            ("kz1", "Steppe Wire", "https://example.org/kz1", "Police in Kazakhstan detained three journalists after a protest."),
            ("kz2", "Other Wire", "https://example.org/kz2", "=HYPERLINK(\"http://evil\") Police in Kazakhstan arrested a blogger for his posts."),
            ("uz1", "Tashkent Desk", "not a url", "Authorities in Uzbekistan sentenced a journalist to seven years in prison."),
        ]
        let articles = bodies.map { id, source, url, body in
            try! builder.build(RawArticle(metadata: ArticleMetadata(id: id, title: "Title \(id)", source: source, url: url, published: "2026-10-05"),
                                          body: body, origin: SourceLocation(file: id), fallbackID: id)).get()
        }
        _ = try store.insert(articles, at: Date(timeIntervalSince1970: 0))
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        return store
    }

    static func export(_ store: RightsStore, to folder: TemporaryFolder) throws -> URL {
        let path = folder.url.appendingPathComponent("review.xlsx")
        _ = try WorkbookExporter(rules: ShippedRules.ruleSet, toolVersion: "test").export(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store), to: path,
                                                                                         now: Date(timeIntervalSince1970: 1_800_000_000))
        return path
    }

    static func part(_ file: URL, _ name: String) throws -> String {
        String(decoding: try XlsxArchive(url: file, limits: .standard).data(of: name), as: UTF8.self)
    }

    @Test("sheets, header, frozen panes, autofilter, drop-down, conditional formats, chart, hyperlinks, formula-looking text as text")
    func workbookStructure() async throws {
        let store = try await Self.store()
        let folder = try TemporaryFolder()
        let file = try Self.export(store, to: folder)
        let reader = XlsxSheetReader()
        #expect(try reader.sheetNames(in: file) == ["Summary", "Findings", "Incidents", "Articles", "Rules", "About"])
        let findings = try reader.readSheet(named: "Findings", from: file)
        #expect(findings.header == WorkbookExporter.findingsHeader)
        #expect(findings.rows.count - 1 == (try store.findingCount()))
        let sheet = try Self.part(file, "xl/worksheets/sheet2.xml")
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"1\""))
        #expect(sheet.contains("<autoFilter ref=\"A1:O\(findings.rows.count)\"/>"))
        #expect(sheet.contains("<dataValidation type=\"list\""))
        #expect(sheet.contains("<formula1>\"accepted,rejected,needs follow-up\"</formula1>"))
        #expect(!sheet.contains("<f>"), "an article sentence became a formula")
        #expect(sheet.contains("=HYPERLINK(\"http://evil\") Police in Kazakhstan"))
        #expect(sheet.contains("<hyperlink ref=\"L"))
        let rels = try Self.part(file, "xl/worksheets/_rels/sheet2.xml.rels")
        #expect(rels.contains("https://example.org/kz1"))
        #expect(!rels.contains("not a url"))
        let summary = try Self.part(file, "xl/worksheets/sheet1.xml")
        #expect(summary.contains("<pane xSplit=\"1\" ySplit=\"1\""))
        #expect(summary.contains("<conditionalFormatting"))
        #expect(summary.contains("type=\"colorScale\""))
        #expect(summary.contains("<drawing"))
        let summaryTable = try reader.readSheet(named: "Summary", from: file)
        #expect(summaryTable.header.prefix(4) == ["Country", "Code", "Coverage index", "Concern"])
        #expect(Set((1 ..< summaryTable.rows.count).map { summaryTable[$0, 1] }) == ["KZ", "UZ"])
        #expect(try XlsxArchive(url: file, limits: .standard).partNames.contains("xl/charts/chart1.xml"))
        let about = try reader.readSheet(named: "About", from: file)
        #expect(about.rows.contains { $0.first == "Rules hash" && $0.last == ShippedRules.ruleSet.contentHash })
        #expect(about.rows.contains { $0.first == "Re-import" })
    }

    @Test("already reviewed findings come pre-filled")
    func prefilled() async throws {
        let store = try await Self.store()
        let first = try #require(try store.findings().first)
        try store.record([Review(findingID: first.id, decision: .accepted, note: "checked", reviewer: "ana", reviewedAt: "2026-11-01T00:00:00Z", sourceFile: nil)])
        let folder = try TemporaryFolder()
        let file = try Self.export(store, to: folder)
        let table = try XlsxSheetReader().readSheet(named: "Findings", from: file)
        let row = try #require(table.rows.firstIndex { $0.first == first.id.rawValue })
        #expect(table[row, 12] == "accepted")
        #expect(table[row, 13] == "checked")
    }

    /// Puts decision and note cells into the Findings sheet XML of `file`, as a spreadsheet program would, and re-zips it.
    /// `sheet` and its part, and the decision and note columns, default to the Findings sheet's.
    static func review(_ file: URL, decisions: [String: (String, String)], to output: URL, sheet: String = "Findings",
                       part: String = "xl/worksheets/sheet2.xml", columns: (String, String) = ("M", "N")) throws -> URL {
        let archive = try XlsxArchive(url: file, limits: .standard)
        var parts: [(String, Data)] = []
        for name in archive.partNames {
            var data = try archive.data(of: name)
            if name == part {
                var xml = String(decoding: data, as: UTF8.self)
                let table = try XlsxSheetReader().readSheet(named: sheet, from: file)
                for (rowIndex, row) in table.rows.enumerated() where rowIndex > 0 {
                    guard let (decision, note) = decisions[row[0]] else { continue }
                    let number = rowIndex + 1
                    let cells = "<c r=\"\(columns.0)\(number)\" t=\"inlineStr\"><is><t>\(decision)</t></is></c><c r=\"\(columns.1)\(number)\" t=\"inlineStr\"><is><t>\(note)</t></is></c>"
                    let open = "<row r=\"\(number)\""
                    let start = try #require(xml.range(of: open))
                    let close = try #require(xml.range(of: "</row>", range: start.upperBound ..< xml.endIndex))
                    xml.replaceSubrange(close, with: cells + "</row>")
                }
                data = Data(xml.utf8)
            }
            parts.append((name, data))
        }
        return try XlsxFixture.zip(parts, to: output)
    }

    @Test("round trip: reject and accept in the sheet, import, and the scores and briefs follow")
    func roundTrip() async throws {
        let store = try await Self.store()
        let folder = try TemporaryFolder()
        let file = try Self.export(store, to: folder)
        let findings = try store.findings(FindingFilter(month: Month(rawValue: "2026-10")!))
        let uzbek = findings.filter { $0.country == "UZ" }
        let kazakh = try #require(findings.first { $0.country == "KZ" && $0.articleID == "kz1" })
        #expect(!uzbek.isEmpty)
        var decisions: [String: (String, String)] = [:]
        for finding in uzbek { decisions[finding.id.rawValue] = ("rejected", "not about a journalist") }
        decisions[kazakh.id.rawValue] = ("Accepted", "confirmed with the source")
        let reviewed = try Self.review(file, decisions: decisions, to: folder.url.appendingPathComponent("reviewed.xlsx"))

        let report = try ReviewImporter().importReviews(from: reviewed, reviewer: "ana", store: store, now: Date(timeIntervalSince1970: 0))
        #expect(report.rejected == uzbek.count)
        #expect(report.accepted == 1)
        #expect(report.unknownIDs.isEmpty)
        let again = try ReviewImporter().importReviews(from: reviewed, reviewer: "ana", store: store, now: Date(timeIntervalSince1970: 0))
        #expect(again.accepted == 0 && again.rejected == 0 && again.unchanged == findings.count)

        let briefs = try BriefBuilder(rules: ShippedRules.ruleSet).build(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store))
        #expect(!briefs.countries.contains { $0.code == "UZ" }, "rejected findings still scored")
        let kz = try #require(briefs.countries.first { $0.code == "KZ" })
        #expect(kz.score.score(kazakh.indicator)?.verified == 1)
        let rendered = try BriefRenderer(templates: BriefTests.templates).render(briefs)
        #expect(rendered.first { $0.path == "2026-10/KZ.md" }?.content.contains("✔ verified") == true)
        #expect(!rendered.contains { $0.path == "2026-10/UZ.md" })
        let exportFolder = try TemporaryFolder()
        let exported = try XlsxSheetReader().readSheet(named: "Findings", from: try Self.export(store, to: exportFolder))
        #expect(exported.rows.contains { $0[0] == kazakh.id.rawValue && $0[12] == "accepted" && $0[13] == "confirmed with the source" })
    }

    @Test("the same finding on two rows with different decisions: the later row wins, and both rows are named")
    func conflictingRows() async throws {
        let store = try await Self.store()
        let folder = try TemporaryFolder()
        let findings = try store.findings()
        let twice = findings[0].id.rawValue, once = findings[1].id.rawValue
        func cell(_ reference: String, _ text: String) -> String { "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        func row(_ number: Int, _ id: String, _ decision: String, _ note: String) -> String {
            "<row r=\"\(number)\">\(cell("A\(number)", id))\(cell("B\(number)", decision))\(cell("C\(number)", note))</row>"
        }
        let rows = row(1, "finding id", "decision", "note") + row(2, twice, "accepted", "seen") + row(3, once, "accepted", "")
            + row(4, twice, "rejected", "not this country") + row(5, once, "accepted", "")
        let workbook = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("Findings", XlsxFixture.sheet(rows))]),
                                           to: folder.url.appendingPathComponent("twice.xlsx"))
        let report = try ReviewImporter().importReviews(from: workbook, reviewer: "ana", store: store, now: Date(timeIntervalSince1970: 0))
        #expect(report.conflicts == [ReviewConflict(findingID: FindingID(twice), firstRow: 2, firstDecision: .accepted, laterRow: 4, laterDecision: .rejected)])
        #expect(report.conflicts.first?.description == "finding \(twice) is on rows 2 (accepted) and 4 (rejected) of the Findings sheet; row 4 is kept")
        #expect(report.accepted == 1 && report.rejected == 1 && report.unchanged == 0)
        let stored = try store.reviews()
        #expect(stored[FindingID(twice)]?.decision == .rejected)
        #expect(stored[FindingID(twice)]?.note == "not this country")
        #expect(stored[FindingID(once)]?.decision == .accepted)
    }

    @Test("bad workbooks change nothing: unknown decision (named with its row), missing column, not an xlsx; unknown ids are skipped")
    func badInput() async throws {
        let store = try await Self.store()
        let folder = try TemporaryFolder()
        let file = try Self.export(store, to: folder)
        let findings = try store.findings()
        var decisions: [String: (String, String)] = [findings[0].id.rawValue: ("rejected", "")]
        decisions[findings[1].id.rawValue] = ("maybe", "")
        let reviewed = try Self.review(file, decisions: decisions, to: folder.url.appendingPathComponent("bad.xlsx"))
        #expect {
            _ = try ReviewImporter().importReviews(from: reviewed, reviewer: nil, store: store, now: Date())
        } throws: { error in
            guard case let .unknownDecision(_, row, word, _)? = error as? ReviewImportError else { return false }
            return word == "maybe" && row >= 2
        }
        #expect(try store.reviews().isEmpty)

        let noColumn = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("Findings", XlsxFixture.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>finding id</t></is></c></row>"))]),
                                            to: folder.url.appendingPathComponent("nocolumn.xlsx"))
        #expect(throws: ReviewImportError.self) { _ = try ReviewImporter().importReviews(from: noColumn, reviewer: nil, store: store, now: Date()) }
        let notXlsx = try folder.write("notes.xlsx", "id,decision\n")
        #expect(throws: XlsxReadError.self) { _ = try ReviewImporter().importReviews(from: notXlsx, reviewer: nil, store: store, now: Date()) }
        #expect(try store.reviews().isEmpty)

        let unknown = try Self.review(file, decisions: [findings[0].id.rawValue: ("rejected", "")], to: folder.url.appendingPathComponent("ok.xlsx"))
        let otherStore = try RightsStore()
        let report = try ReviewImporter().importReviews(from: unknown, reviewer: nil, store: otherStore, now: Date())
        #expect(report.unknownIDs == [findings[0].id.rawValue])
    }
}
