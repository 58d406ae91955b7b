import Foundation

/// Writes a month's review workbook: Summary, Findings and Incidents (each with the review
/// columns), Articles, Rules and About. Rows are written in order, in libxlsxwriter's constant-memory mode, so a
/// month of 100,000 findings does not need memory in proportion to its rows.
public struct WorkbookExporter: Sendable {
    public let rules: RuleSet
    public var toolVersion: String

    public static let findingsSheet = "Findings"
    public static let findingsHeader = ["finding id", "country", "indicator", "severity", "polarity", "confidence", "attribution",
                                        "sentence", "article title", "source", "date", "url", "decision", "note", "incident id"]
    public static let incidentsSheet = "Incidents"
    public static let incidentsHeader = ["incident id", "country", "indicators", "people", "first date", "last date", "findings", "articles",
                                         "sources", "source names", "quote", "decision", "note"]
    public static let decisionWords = ReviewDecision.allCases.map(\.rawValue)

    public init(rules: RuleSet, toolVersion: String) {
        self.rules = rules
        self.toolVersion = toolVersion
    }

    public struct Result: Sendable {
        public var path: URL
        public var findings: Int
        public var incidents: Int
        public var countries: Int
        public var articles: Int
    }

    /// Exports `month` to `path` (written to a temporary file, then renamed over `path`).
    /// - Parameters:
    ///   - incidents: each month's grouping (this month's and the one before, for trends).
    ///   - now: the run date shown on the About sheet (a clock passed in, never read here).
    public func export(month: Month, store: RightsStore, incidents: IncidentsOfMonth, to path: URL, now: Date) throws -> Result {
        let reviews = try store.reviews()
        let articleIDs = try store.articleIDs(withFindingsIn: month)
        let articles = try store.articleReferences(articleIDs)
        let weights = rules.indicators.map { Scorer.Weight(indicator: $0.id, weight: $0.weight) }
        let read = try IncidentScoringInputs.read(months: [month.previous, month], store: store, incidents: incidents)
        let scores = Scorer.score(read.inputs, month: month, indicators: weights, config: rules.scoring)
            .sorted { ($1.concern, $0.country) < ($0.concern, $1.country) }
        let monthIncidents = read.incidents.values.filter { $0.month == month }
            .sorted { ($0.country, $0.firstDay ?? "", $0.id) < ($1.country, $1.firstDay ?? "", $1.id) }
        var incidentOf: [FindingID: IncidentID] = [:]
        for incident in monthIncidents { for finding in incident.findings { incidentOf[finding] = incident.id } }
        let findingsByID = Dictionary(read.inputs.map { ($0.finding.id, $0.finding) }, uniquingKeysWith: { first, _ in first })

        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = path.deletingLastPathComponent().appendingPathComponent(".\(path.lastPathComponent).tmp-\(getpid())")
        try? FileManager.default.removeItem(at: temporary)
        var tally = Tally()
        do {
            let workbook = try XlsxWorkbook(path: temporary.path, constantMemory: true)
            let header = try workbook.addStyle(XlsxFormat(isBold: true, fillColor: .paleGrey, hasBorder: true))
            try writeSummary(workbook, scores: scores, month: month, header: header)
            tally = try writeFindings(workbook, month: month, store: store, articles: articles, reviews: reviews, incidentOf: incidentOf, header: header)
            try writeIncidents(workbook, monthIncidents, findings: findingsByID, articles: read.articles, reviews: reviews, header: header)
            try writeArticles(workbook, articleIDs: articleIDs, articles: articles, tally: tally, header: header)
            try writeRules(workbook, tally: tally, header: header)
            try writeAbout(workbook, month: month, now: now, header: header, tally: tally)
            try workbook.setDocumentProperties(title: "Rightsbrief review \(month)", subject: "Findings for review", author: "Rightsbrief")
            try workbook.close()
            if rename(temporary.path, path.path) != 0 {
                throw AtomicFileError.cannotWrite(path: path.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return Result(path: path, findings: tally.findings, incidents: monthIncidents.count, countries: scores.count, articles: articleIDs.count)
    }

    /// Counts gathered while the Findings sheet streams by, for the sheets after it.
    struct Tally {
        var findings = 0
        var links = 0
        var perRule: [RuleID: Int] = [:]
        var perArticle: [ArticleID: (count: Int, countries: Set<String>, indicators: Set<String>)] = [:]
    }

    /// Excel allows 65,530 hyperlinks per sheet and libxlsxwriter holds each in memory until the
    /// file closes; past this many, URLs are written as text so memory stays flat (the Articles
    /// sheet still links each article).
    static let maxLinksPerSheet = 10_000

    // MARK: Sheets

    private func writeSummary(_ workbook: XlsxWorkbook, scores: [CountryScore], month: Month, header: XlsxStyle) throws {
        let sheet = try workbook.addWorksheet("Summary")
        let indicators = rules.indicators
        let levelStart = 4, concernStart = 4 + indicators.count
        var titles = ["Country", "Code", "Coverage index", "Concern"]
        titles += indicators.map { "\($0.name) (coverage)" }
        titles += indicators.map { "\($0.name) (concern)" }
        for (column, title) in titles.enumerated() { try sheet.write(title, row: 0, column: column, style: header) }
        for (index, score) in scores.enumerated() {
            let row = index + 1
            try sheet.write(rules.gazetteer.country(score.country)?.name ?? score.country.rawValue, row: row, column: 0)
            try sheet.write(score.country.rawValue, row: row, column: 1)
            try sheet.write(Double(score.coverageIndex), row: row, column: 2)
            try sheet.write(Double(score.concern), row: row, column: 3)
            for (offset, indicator) in indicators.enumerated() {
                let value = score.score(indicator.id)
                try sheet.write(value?.level.rawValue ?? CoverageLevel.none.rawValue, row: row, column: levelStart + offset)
                try sheet.write(Double(value?.concern ?? 0), row: row, column: concernStart + offset)
            }
        }
        try sheet.setColumnWidth(22, columns: 0 ... 0)
        try sheet.setColumnWidth(8, columns: 1 ... 1)
        try sheet.setColumnWidth(14, columns: 2 ... 3)
        try sheet.setColumnWidth(16, columns: levelStart ... (concernStart + indicators.count - 1))
        try sheet.freezePanes(row: 1, column: 1)
        if !scores.isEmpty {
            let last = scores.count
            let levels = XlsxRange(rows: 1 ... last, columns: levelStart ... (concernStart - 1))
            let fills: [(CoverageLevel, XlsxColor)] = [(.none, XlsxColor(rgb: 0xF2F2F2)), (.thin, XlsxColor(rgb: 0xFDE0C5)),
                                                       (.moderate, XlsxColor(rgb: 0xF59E62)), (.strong, XlsxColor(rgb: 0xC2410C))]
            for (level, color) in fills {
                let style = try workbook.addStyle(XlsxFormat(fillColor: color, fontColor: level == .strong ? .white : .black))
                try sheet.highlightCells(equalTo: level.rawValue, in: levels, style: style)
            }
            // Higher concern is worse: green for low, red for high.
            try sheet.addColorScale(XlsxRange(rows: 1 ... last, columns: concernStart ... (concernStart + indicators.count - 1)),
                                    low: .scaleGreen, middle: .scaleYellow, high: .scaleRed)
            try sheet.addColorScale(XlsxRange(rows: 1 ... last, columns: 3 ... 3), low: .scaleGreen, middle: .scaleYellow, high: .scaleRed)
            try sheet.insertColumnChart(at: XlsxCell(row: last + 3, column: 0), title: "Concern by country, \(month.displayName)", dataSheet: "Summary",
                                        categories: XlsxRange(rows: 1 ... last, columns: 1 ... 1), values: XlsxRange(rows: 1 ... last, columns: 3 ... 3),
                                        seriesName: "Concern")
        }
    }

    private func writeFindings(_ workbook: XlsxWorkbook, month: Month, store: RightsStore, articles: [ArticleID: ArticleReference],
                               reviews: [FindingID: Review], incidentOf: [FindingID: IncidentID], header: XlsxStyle) throws -> Tally {
        let sheet = try workbook.addWorksheet(Self.findingsSheet)
        let wrap = try workbook.addStyle(XlsxFormat(wrapsText: true))
        let link = try workbook.addStyle(XlsxFormat(fontColor: XlsxColor(rgb: 0x0563C1), isHyperlink: true))
        let decided = try workbook.addStyle(XlsxFormat(fillColor: .paleYellow))
        for (column, title) in Self.findingsHeader.enumerated() { try sheet.write(title, row: 0, column: column, style: header) }
        var tally = Tally()
        try store.forEachFinding(month: month) { finding in
            tally.findings += 1
            let row = tally.findings
            let article = articles[finding.articleID]
            try sheet.write(finding.id.rawValue, row: row, column: 0)
            try sheet.write(finding.country.rawValue, row: row, column: 1)
            try sheet.write(finding.indicator.rawValue, row: row, column: 2)
            try sheet.write(Double(finding.severity), row: row, column: 3)
            try sheet.write(finding.polarity.rawValue + (finding.qualifier.map { " (\($0.rawValue))" } ?? ""), row: row, column: 4)
            try sheet.write(finding.confidence, row: row, column: 5)
            try sheet.write(finding.attribution, row: row, column: 6)
            try sheet.write(finding.sentence, row: row, column: 7, style: wrap)
            try sheet.write(article?.title ?? finding.articleID.rawValue, row: row, column: 8)
            try sheet.write(article?.source ?? "", row: row, column: 9)
            try sheet.write(article?.day ?? "", row: row, column: 10)
            if let url = article?.url, !url.isEmpty {
                if tally.links < Self.maxLinksPerSheet, try sheet.writeLink(url, text: url, row: row, column: 11, style: link) {
                    tally.links += 1
                } else if tally.links >= Self.maxLinksPerSheet {
                    try sheet.write(url, row: row, column: 11)
                }
            }
            if let review = reviews[finding.id] {
                try sheet.write(review.decision.rawValue, row: row, column: 12, style: decided)
                if let note = review.note { try sheet.write(note, row: row, column: 13) }
            }
            if let incident = incidentOf[finding.id] { try sheet.write(incident.rawValue, row: row, column: 14) }
            for rule in finding.rules { tally.perRule[rule, default: 0] += 1 }
            var entry = tally.perArticle[finding.articleID] ?? (0, [], [])
            entry.count += 1
            entry.countries.insert(finding.country.rawValue)
            entry.indicators.insert(finding.indicator.rawValue)
            tally.perArticle[finding.articleID] = entry
        }
        let last = max(1, tally.findings)
        try sheet.setColumnWidth(18, columns: 0 ... 0)
        try sheet.setColumnWidth(8, columns: 1 ... 1)
        try sheet.setColumnWidth(18, columns: 2 ... 2)
        try sheet.setColumnWidth(9, columns: 3 ... 5)
        try sheet.setColumnWidth(28, columns: 6 ... 6)
        try sheet.setColumnWidth(70, columns: 7 ... 7)
        try sheet.setColumnWidth(30, columns: 8 ... 8)
        try sheet.setColumnWidth(16, columns: 9 ... 10)
        try sheet.setColumnWidth(30, columns: 11 ... 11)
        try sheet.setColumnWidth(16, columns: 12 ... 12)
        try sheet.setColumnWidth(40, columns: 13 ... 13)
        try sheet.setColumnWidth(20, columns: 14 ... 14)
        try sheet.freezePanes(row: 1, column: 1)
        try sheet.setAutofilter(XlsxRange(rows: 0 ... last, columns: 0 ... Self.findingsHeader.count - 1))
        try sheet.addListValidation(Self.decisionWords, range: XlsxRange(rows: 1 ... last, columns: 12 ... 12))
        return tally
    }

    /// One row per incident. Its decision column reviews every finding the Findings sheet lists
    /// under its id (see `ReviewImporter`); it shows a decision already stored when all those
    /// findings share it.
    private func writeIncidents(_ workbook: XlsxWorkbook, _ incidents: [Incident], findings: [FindingID: Finding],
                                articles: [ArticleID: ArticleReference], reviews: [FindingID: Review], header: XlsxStyle) throws {
        let sheet = try workbook.addWorksheet(Self.incidentsSheet)
        let wrap = try workbook.addStyle(XlsxFormat(wrapsText: true))
        let decided = try workbook.addStyle(XlsxFormat(fillColor: .paleYellow))
        for (column, title) in Self.incidentsHeader.enumerated() { try sheet.write(title, row: 0, column: column, style: header) }
        for (index, incident) in incidents.enumerated() {
            let row = index + 1
            let members = incident.findings.compactMap { findings[$0] }
            let sources = Array(Set(incident.articles.map { articles[$0]?.source ?? $0.rawValue })).sorted()
            let strongest = members.min { ($0.polarity == .concern ? 0 : 1, -$0.severity, -$0.confidence, $0.id) < ($1.polarity == .concern ? 0 : 1, -$1.severity, -$1.confidence, $1.id) }
            try sheet.write(incident.id.rawValue, row: row, column: 0)
            try sheet.write(incident.country.rawValue, row: row, column: 1)
            try sheet.write(incident.indicators.map(\.rawValue).joined(separator: " "), row: row, column: 2)
            try sheet.write(incident.people.map(\.description).joined(separator: "; "), row: row, column: 3, style: wrap)
            try sheet.write(incident.firstDay ?? "", row: row, column: 4)
            try sheet.write(incident.lastDay ?? "", row: row, column: 5)
            try sheet.write(Double(incident.findings.count), row: row, column: 6)
            try sheet.write(Double(incident.articles.count), row: row, column: 7)
            try sheet.write(Double(sources.count), row: row, column: 8)
            try sheet.write(sources.joined(separator: "; "), row: row, column: 9)
            try sheet.write(strongest?.sentence ?? "", row: row, column: 10, style: wrap)
            let decisions = incident.findings.map { reviews[$0] }
            if let first = decisions.first, let review = first, decisions.allSatisfy({ $0?.decision == review.decision }) {
                try sheet.write(review.decision.rawValue, row: row, column: 11, style: decided)
                if let note = review.note, decisions.allSatisfy({ $0?.note == note }) { try sheet.write(note, row: row, column: 12) }
            }
        }
        let last = max(1, incidents.count)
        try sheet.setColumnWidth(20, columns: 0 ... 0)
        try sheet.setColumnWidth(8, columns: 1 ... 1)
        try sheet.setColumnWidth(24, columns: 2 ... 2)
        try sheet.setColumnWidth(36, columns: 3 ... 3)
        try sheet.setColumnWidth(12, columns: 4 ... 8)
        try sheet.setColumnWidth(24, columns: 9 ... 9)
        try sheet.setColumnWidth(70, columns: 10 ... 10)
        try sheet.setColumnWidth(16, columns: 11 ... 11)
        try sheet.setColumnWidth(40, columns: 12 ... 12)
        try sheet.freezePanes(row: 1, column: 1)
        try sheet.setAutofilter(XlsxRange(rows: 0 ... last, columns: 0 ... Self.incidentsHeader.count - 1))
        try sheet.addListValidation(Self.decisionWords, range: XlsxRange(rows: 1 ... last, columns: 11 ... 11))
    }

    private func writeArticles(_ workbook: XlsxWorkbook, articleIDs: [ArticleID], articles: [ArticleID: ArticleReference],
                               tally: Tally, header: XlsxStyle) throws {
        let sheet = try workbook.addWorksheet("Articles")
        for (column, title) in ["article id", "title", "source", "date", "url", "findings", "countries", "indicators"].enumerated() {
            try sheet.write(title, row: 0, column: column, style: header)
        }
        for (index, id) in articleIDs.enumerated() {
            let row = index + 1
            let article = articles[id]
            let counts = tally.perArticle[id] ?? (0, [], [])
            try sheet.write(id.rawValue, row: row, column: 0)
            try sheet.write(article?.title ?? "", row: row, column: 1)
            try sheet.write(article?.source ?? "", row: row, column: 2)
            try sheet.write(article?.day ?? "", row: row, column: 3)
            if let url = article?.url, !url.isEmpty {
                if row <= Self.maxLinksPerSheet { try sheet.writeLink(url, text: url, row: row, column: 4) } else { try sheet.write(url, row: row, column: 4) }
            }
            try sheet.write(Double(counts.count), row: row, column: 5)
            try sheet.write(counts.countries.sorted().joined(separator: " "), row: row, column: 6)
            try sheet.write(counts.indicators.sorted().joined(separator: " "), row: row, column: 7)
        }
        try sheet.setColumnWidth(30, columns: 0 ... 1)
        try sheet.setColumnWidth(16, columns: 2 ... 3)
        try sheet.setColumnWidth(30, columns: 4 ... 4)
        try sheet.setColumnWidth(10, columns: 5 ... 5)
        try sheet.setColumnWidth(24, columns: 6 ... 7)
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.setAutofilter(XlsxRange(rows: 0 ... max(1, articleIDs.count), columns: 0 ... 7))
    }

    private func writeRules(_ workbook: XlsxWorkbook, tally: Tally, header: XlsxStyle) throws {
        let sheet = try workbook.addWorksheet("Rules")
        for (column, title) in ["rule id", "indicator", "severity", "polarity", "pattern", "findings this month"].enumerated() {
            try sheet.write(title, row: 0, column: column, style: header)
        }
        let counts = tally.perRule
        for (index, rule) in rules.patterns.sorted(by: { $0.id < $1.id }).enumerated() {
            let row = index + 1
            try sheet.write(rule.id.rawValue, row: row, column: 0)
            try sheet.write(rule.indicator.rawValue, row: row, column: 1)
            try sheet.write(Double(rule.severity), row: row, column: 2)
            try sheet.write(rule.polarity.rawValue, row: row, column: 3)
            try sheet.write(rule.source, row: row, column: 4)
            try sheet.write(Double(counts[rule.id] ?? 0), row: row, column: 5)
        }
        try sheet.setColumnWidth(40, columns: 0 ... 0)
        try sheet.setColumnWidth(18, columns: 1 ... 3)
        try sheet.setColumnWidth(60, columns: 4 ... 4)
        try sheet.setColumnWidth(18, columns: 5 ... 5)
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.setAutofilter(XlsxRange(rows: 0 ... max(1, rules.patterns.count), columns: 0 ... 5))
    }

    private func writeAbout(_ workbook: XlsxWorkbook, month: Month, now: Date, header: XlsxStyle, tally: Tally) throws {
        let sheet = try workbook.addWorksheet("About")
        let formatter = ISO8601DateFormatter()
        let rows: [(String, String)] = [
            ("Month", month.rawValue),
            ("Exported", formatter.string(from: now)),
            ("Findings", String(tally.findings)),
            ("Links", tally.links >= Self.maxLinksPerSheet ? "URLs after the first \(Self.maxLinksPerSheet) findings are plain text (links are held in memory until the file is written); the Articles sheet links every article." : "Every URL is a link."),
            ("Rules hash", rules.contentHash),
            ("Tool", "Rightsbrief \(toolVersion)"),
            ("How to review", "On the Findings sheet, choose a decision for each finding (accepted, rejected or needs follow-up) and add a note if useful. On the Incidents sheet, a decision reviews every finding the Findings sheet lists with that incident id; a finding row whose decision you changed keeps its own. Do not change the id columns."),
            ("Re-import", "Save the workbook as .xlsx and run: rightsbrief review import THIS-FILE.xlsx --reviewer YOUR-NAME. Rejected findings then drop out of scores and briefs; accepted ones are marked verified."),
        ]
        try sheet.write("Item", row: 0, column: 0, style: header)
        try sheet.write("Value", row: 0, column: 1, style: header)
        let wrap = try workbook.addStyle(XlsxFormat(wrapsText: true))
        for (index, row) in rows.enumerated() {
            try sheet.write(row.0, row: index + 1, column: 0)
            try sheet.write(row.1, row: index + 1, column: 1, style: wrap)
        }
        try sheet.setColumnWidth(16, columns: 0 ... 0)
        try sheet.setColumnWidth(100, columns: 1 ... 1)
    }
}
