import Foundation
import Testing
@testable import RightsCore

/// Workbooks of a big month go out and come back; sheets past what an export can hold are refused clearly.
@Suite(.serialized) struct XlsxScaleTests {
    /// A store with one month of `count` findings, ten an article, made directly (analysis is not under test).
    static func store(findings count: Int) throws -> RightsStore {
        let store = try RightsStore()
        let rules = ShippedRules.ruleSet
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: .none))
        let countries: [CountryCode] = ["KZ", "UZ", "GE", "BY", "TR", "NG"]
        var articles: [Article] = []
        var results: [(article: ArticleID, findings: [Finding])] = []
        for number in 0 ..< count / 10 {
            let article = try builder.build(RawArticle(metadata: ArticleMetadata(id: "a\(number)", title: "Article \(number)", source: "Source \(number % 7)",
                                                                                 url: "https://example.org/\(number)", published: "2026-10-15"),
                                                       body: "Police detained journalist number \(number).", origin: SourceLocation(file: "gen"), fallbackID: "a\(number)")).get()
            articles.append(article)
            results.append((article.id, (0 ..< 10).map { slot in
                let rule = rules.patterns[(number * 10 + slot) % rules.patterns.count]
                let country = countries[(number + slot) % countries.count]
                return Finding(id: Finding.makeID(article: article.id, sentenceStart: slot, sentenceEnd: slot + 1, indicator: rule.indicator, country: country),
                               articleID: article.id, month: article.published?.month, country: country, indicator: rule.indicator, rules: [rule.id],
                               severity: rule.severity, polarity: rule.polarity, method: .sentence, attribution: "sentence: generated", confidence: 0.9,
                               qualifier: nil, sentence: "Generated evidence sentence \(slot) of article \(number), as long as a real quote in a cell.",
                               sentenceStart: slot, sentenceEnd: slot + 1, originalStart: nil, originalEnd: nil)
            }))
        }
        _ = try store.insert(articles, at: Date(timeIntervalSince1970: 0))
        try store.replaceFindings(results, rulesHash: "test", runID: try store.beginRun(command: "test", rulesHash: "test", at: Date(timeIntervalSince1970: 0)))
        return store
    }

    /// Writes `decisions` (by 1-based sheet row) into the Findings sheet of `file` as a spreadsheet
    /// program would, and re-zips it to `output`.
    /// - Returns: the finding id (column A) of each edited row.
    static func edit(_ file: URL, rows decisions: [Int: String], to output: URL) throws -> [Int: String] {
        var ids: [Int: String] = [:]
        let archive = try XlsxArchive(url: file, limits: .standard)
        var parts: [(String, Data)] = []
        for name in archive.partNames {
            var data = try archive.data(of: name)
            if name == "xl/worksheets/sheet2.xml" {
                // Searched as bytes: a String search of 13 MB per row is slow in a debug build.
                var xml = [UInt8](data)
                func find(_ text: String, from start: Int) throws -> Int {
                    let needle = Array(text.utf8)
                    var index = start
                    while index + needle.count <= xml.count {
                        if xml[index] == needle[0], xml[index ..< index + needle.count].elementsEqual(needle) { return index }
                        index += 1
                    }
                    throw EditError.missing(text)
                }
                for (number, decision) in decisions.sorted(by: { $0.key > $1.key }) {
                    let row = try find("<row r=\"\(number)\"", from: 0)
                    let idStart = try find("<t>", from: row) + 3
                    ids[number] = String(decoding: xml[idStart ..< (try find("</t>", from: idStart))], as: UTF8.self)
                    let close = try find("</row>", from: row)
                    xml.replaceSubrange(close ..< close + 6, with: Array("<c r=\"M\(number)\" t=\"inlineStr\"><is><t>\(decision)</t></is></c></row>".utf8))
                }
                data = Data(xml)
            }
            parts.append((name, data))
        }
        try XlsxFixture.zip(parts, to: output)
        return ids
    }

    enum EditError: Error { case missing(String) }

    /// The month's incidents as `export` groups them: 20,000 findings on one day, the grouping's
    /// worst case for the number of findings it could compare.
    static func grouped(_ store: RightsStore) -> (Month) throws -> MonthIncidents {
        { month in try MonthIncidents.read(store: store, month: month, extractor: PeopleExtractor(lexicon: ShippedRules.ruleSet.people), settings: IncidentSettings()) }
    }

    @Test("a month of 20,000 findings, its Findings sheet over 10 MB of XML, is exported, edited and imported back")
    func bigMonthRoundTrip() throws {
        let store = try Self.store(findings: 20_000)
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("month.xlsx")
        _ = try WorkbookExporter(rules: ShippedRules.ruleSet, toolVersion: "test").export(month: Month(rawValue: "2026-10")!, store: store, incidents: Self.grouped(store), to: file,
                                                                                         now: Date(timeIntervalSince1970: 1_800_000_000))
        // Rows 2, 3, 10,001 and 20,001 (the last) accepted or rejected.
        let reviewed = folder.url.appendingPathComponent("reviewed.xlsx")
        let ids = try Self.edit(file, rows: [2: "accepted", 3: "rejected", 10_001: "rejected", 20_001: "accepted"], to: reviewed)
        #expect(try XlsxArchive(url: reviewed, limits: .standard).data(of: "xl/worksheets/sheet2.xml").count > 10_000_000)
        let report = try ReviewImporter().importReviews(from: reviewed, reviewer: "ana", store: store, now: Date(timeIntervalSince1970: 0))
        #expect(report.accepted == 2 && report.rejected == 2 && report.unknownIDs.isEmpty && report.unchanged == 19_996)
        let decisions = Dictionary(uniqueKeysWithValues: try store.reviews().map { ($0.key.rawValue, $0.value.decision) })
        #expect(decisions.count == 4)
        #expect(decisions[ids[2] ?? ""] == .accepted && decisions[ids[3] ?? ""] == .rejected)
        #expect(decisions[ids[10_001] ?? ""] == .rejected && decisions[ids[20_001] ?? ""] == .accepted)
    }

    @Test("a sheet of a million empty rows is refused with the row limit, not read on")
    func millionEmptyRows() throws {
        let folder = try TemporaryFolder()
        var rows = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Finding id</t></is></c></row>"#
        rows.reserveCapacity(30_000_000)
        for number in 2 ... 1_000_000 { rows += "<row r=\"\(number)\"/>" }
        let url = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("Findings", XlsxFixture.sheet(rows))]),
                                      to: folder.url.appendingPathComponent("padded.xlsx"))
        let error = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().readSheet(named: "Findings", from: url) }
        #expect(error == .tooManyRows(path: url.path, sheet: "Findings", limit: XlsxReadLimits.standard.maxRows))
        #expect(XlsxReadLimits.standard.maxRows < 1_000_000 && XlsxReadLimits.standard.maxRows > 100_001)
        #expect(error.localizedDescription.contains("more than \(XlsxReadLimits.standard.maxRows) rows"))
    }

    @Test("a DOCTYPE split between two chunks of the stream is still refused", arguments: [3, 5, 7, 64])
    func doctypeAcrossChunks(chunk: Int) throws {
        let folder = try TemporaryFolder()
        let sheet = XlsxFixture.sheet("") + "<!DOCTYPE x [<!ENTITY a \"b\">]>"
        let url = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("S", sheet)]), to: folder.url.appendingPathComponent("split.xlsx"))
        let archive = try XlsxArchive(url: url, limits: .standard)
        let stream = XlsxPartInputStream(reader: try archive.reader(of: "xl/worksheets/sheet1.xml"), part: "xl/worksheets/sheet1.xml", path: url.path)
        stream.open()
        var buffer = [UInt8](repeating: 0, count: chunk)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { stream.read($0.baseAddress!, maxLength: chunk) }
            if count <= 0 { break }
            total += count
        }
        #expect(stream.failure == .forbiddenDoctype(path: url.path, part: "xl/worksheets/sheet1.xml"))
        #expect(total < sheet.utf8.count)
    }
}
