import Foundation

/// What `review import` did.
public struct ReviewImportReport: Sendable, Equatable {
    public var accepted = 0
    public var rejected = 0
    public var followUp = 0
    /// Rows whose decision and note were already stored, or that carry no decision.
    public var unchanged = 0
    /// Finding ids not in the store (reported, skipped).
    public var unknownIDs: [String] = []
    /// Findings on two rows with different decisions or notes; the later row was kept.
    public var conflicts: [ReviewConflict] = []
    /// Incident rows with a decision that reviewed at least one finding.
    public var incidents = 0
    /// Incident ids of the Incidents sheet that no row of the Findings sheet carries (skipped).
    public var unknownIncidents: [String] = []
    /// Incidents on two rows with different decisions or notes; the later row was kept.
    public var incidentConflicts: [IncidentReviewConflict] = []
}

/// One incident on two rows of the Incidents sheet with a different decision or note; the later row wins.
public struct IncidentReviewConflict: Sendable, Equatable, CustomStringConvertible {
    public var incidentID: IncidentID
    public var firstRow: Int
    public var firstDecision: ReviewDecision
    public var laterRow: Int
    public var laterDecision: ReviewDecision

    public var description: String {
        "incident \(incidentID) is on rows \(firstRow) (\(firstDecision.rawValue)) and \(laterRow) (\(laterDecision.rawValue)) of the Incidents sheet; row \(laterRow) is kept"
    }
}

/// One finding on two rows of the Findings sheet (a row copied, or a sheet pasted twice) with a
/// different decision or note. The later row wins, as it would if a reviewer read the sheet top down.
public struct ReviewConflict: Sendable, Equatable, CustomStringConvertible {
    public var findingID: FindingID
    /// Row numbers as the spreadsheet shows them (the header is row 1).
    public var firstRow: Int
    public var firstDecision: ReviewDecision
    public var laterRow: Int
    public var laterDecision: ReviewDecision

    public init(findingID: FindingID, firstRow: Int, firstDecision: ReviewDecision, laterRow: Int, laterDecision: ReviewDecision) {
        self.findingID = findingID
        self.firstRow = firstRow
        self.firstDecision = firstDecision
        self.laterRow = laterRow
        self.laterDecision = laterDecision
    }

    public var description: String {
        "finding \(findingID) is on rows \(firstRow) (\(firstDecision.rawValue)) and \(laterRow) (\(laterDecision.rawValue)) of the Findings sheet; row \(laterRow) is kept"
    }
}

/// Problems with a reviewed workbook; any of them means nothing was imported.
public enum ReviewImportError: Error, Equatable, Sendable, LocalizedError {
    case missingColumn(file: String, column: String, found: [String], sheet: String = WorkbookExporter.findingsSheet)
    case unknownDecision(file: String, row: Int, word: String, sheet: String = WorkbookExporter.findingsSheet)

    public var errorDescription: String? {
        switch self {
        case let .missingColumn(file, column, found, sheet):
            return "\(file): the \(sheet) sheet has no '\(column)' column (found: \(found.filter { !$0.isEmpty }.joined(separator: ", ")))"
        case let .unknownDecision(file, row, word, sheet):
            return "\(file): \(sheet) row \(row): unknown decision '\(word)'; use accepted, rejected or needs follow-up"
        }
    }
}

/// Reads the Findings and Incidents sheets of a reviewed workbook and records the decisions, all
/// or nothing.
///
/// A decision on an incident row reviews every finding the Findings sheet lists under that
/// incident id (what the reviewer saw, not a grouping made again at import). For one finding:
/// 1. its own row's decision wins when it differs from the stored one (the reviewer changed that
///    finding);
/// 2. else its incident's decision, with the incident row's note;
/// 3. else its own row's decision (the one already stored: unchanged).
///
/// A finding row that only repeats the stored decision does not hold back an incident's new one,
/// because the export fills every finding row with its stored decision: if such rows won, deciding
/// an incident already reviewed once would change nothing.
public struct ReviewImporter: Sendable {
    public let reader: XlsxSheetReader

    public init(reader: XlsxSheetReader = XlsxSheetReader()) {
        self.reader = reader
    }

    /// A decision read from a row, with the row number as the spreadsheet shows it (header is row 1).
    struct RowDecision {
        var row: Int
        var decision: ReviewDecision
        var note: String
    }

    /// One row of a sheet with an id column.
    struct SheetRow {
        var id: String
        var decision: RowDecision?
        var extra: [String: String]
    }

    /// - Parameters:
    ///   - reviewer: recorded with each decision.
    ///   - now: the review time recorded (a clock passed in).
    /// - Throws: `XlsxReadError` for a file that is not a readable workbook, `ReviewImportError`
    ///   for a missing column or an unknown decision word; the store is then unchanged.
    public func importReviews(from file: URL, reviewer: String?, store: RightsStore, now: Date) throws -> ReviewImportReport {
        let tables = try reader.readSheets(named: [WorkbookExporter.findingsSheet], optional: [WorkbookExporter.incidentsSheet], from: file)
        let existing = try store.reviews()
        let known = try store.findingIDs()
        var report = ReviewImportReport()

        // The decision each finding's rows give: its last row. In order of first appearance.
        var order: [FindingID] = []
        var seen = Set<FindingID>()
        var own: [FindingID: RowDecision] = [:]
        var incidentOf: [FindingID: IncidentID] = [:]
        let findings = try Self.rows(of: tables[WorkbookExporter.findingsSheet]!, file: file, id: "finding id", optional: ["incident id"])
        for row in findings {
            let findingID = FindingID(row.id)
            guard known.contains(findingID) else {
                if row.decision != nil { report.unknownIDs.append(row.id) }
                continue
            }
            if seen.insert(findingID).inserted { order.append(findingID) }
            if let incident = row.extra["incident id"], !incident.isEmpty { incidentOf[findingID] = IncidentID(incident) }
            guard let decision = row.decision else { continue }
            if let earlier = own[findingID], earlier.decision != decision.decision || earlier.note != decision.note {
                report.conflicts.append(ReviewConflict(findingID: findingID, firstRow: earlier.row, firstDecision: earlier.decision,
                                                       laterRow: decision.row, laterDecision: decision.decision))
            }
            own[findingID] = decision
        }

        var byIncident: [IncidentID: RowDecision] = [:]
        var incidentOrder: [IncidentID] = []
        if let sheet = tables[WorkbookExporter.incidentsSheet] {
            for row in try Self.rows(of: sheet, file: file, id: "incident id", optional: []) {
                guard let decision = row.decision else { continue }
                let id = IncidentID(row.id)
                if let earlier = byIncident[id] {
                    if earlier.decision != decision.decision || earlier.note != decision.note {
                        report.incidentConflicts.append(IncidentReviewConflict(incidentID: id, firstRow: earlier.row, firstDecision: earlier.decision,
                                                                               laterRow: decision.row, laterDecision: decision.decision))
                    }
                } else {
                    incidentOrder.append(id)
                }
                byIncident[id] = decision
            }
        }
        let listed = Set(incidentOf.values)
        report.unknownIncidents = incidentOrder.filter { !listed.contains($0) }.map(\.rawValue)

        var reviews: [Review] = []
        var applied = Set<IncidentID>()
        let stamp = RightsStore.timestamp(now)
        for findingID in order {
            let stored = existing[findingID]
            let mine = own[findingID]
            let changed = mine.map { stored?.decision != $0.decision || (stored?.note ?? "") != $0.note } ?? false
            var chosen = mine
            if !changed, let incident = incidentOf[findingID], let decision = byIncident[incident] {
                chosen = decision
                applied.insert(incident)
            }
            guard let chosen else { report.unchanged += 1; continue }
            if let stored, stored.decision == chosen.decision, (stored.note ?? "") == chosen.note {
                report.unchanged += 1
                continue
            }
            switch chosen.decision {
            case .accepted: report.accepted += 1
            case .rejected: report.rejected += 1
            case .followUp: report.followUp += 1
            }
            reviews.append(Review(findingID: findingID, decision: chosen.decision, note: chosen.note.isEmpty ? nil : chosen.note, reviewer: reviewer,
                                  reviewedAt: stamp, sourceFile: file.lastPathComponent))
        }
        report.incidents = applied.count
        try store.record(reviews)
        return report
    }

    /// The rows of a sheet with an id: each one's id, decision (nil when the cell is empty) and the
    /// `optional` columns present.
    static func rows(of table: SheetTable, file: URL, id idName: String, optional: [String]) throws -> [SheetRow] {
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw ReviewImportError.missingColumn(file: file.path, column: name, found: table.header, sheet: table.name)
            }
            return index
        }
        let idColumn = try column(idName), decisionColumn = try column("decision"), noteColumn = try column("note")
        let extraColumns = optional.compactMap { name in header.firstIndex(of: name).map { (name, $0) } }
        var rows: [SheetRow] = []
        for rowIndex in 1 ..< max(1, table.rows.count) {
            let id = table[rowIndex, idColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            if id.isEmpty { continue }
            let word = table[rowIndex, decisionColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            let note = table[rowIndex, noteColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            var extra: [String: String] = [:]
            for (name, index) in extraColumns { extra[name] = table[rowIndex, index].trimmingCharacters(in: .whitespacesAndNewlines) }
            var decision: RowDecision?
            if !word.isEmpty {
                guard let parsed = ReviewDecision(word: word) else {
                    // Row numbers as the spreadsheet shows them (header is row 1).
                    throw ReviewImportError.unknownDecision(file: file.path, row: rowIndex + 1, word: word, sheet: table.name)
                }
                decision = RowDecision(row: rowIndex + 1, decision: parsed, note: note)
            }
            rows.append(SheetRow(id: id, decision: decision, extra: extra))
        }
        return rows
    }
}
