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
    case missingColumn(file: String, column: String, found: [String])
    case unknownDecision(file: String, row: Int, word: String)

    public var errorDescription: String? {
        switch self {
        case let .missingColumn(file, column, found):
            return "\(file): the Findings sheet has no '\(column)' column (found: \(found.filter { !$0.isEmpty }.joined(separator: ", ")))"
        case let .unknownDecision(file, row, word):
            return "\(file): Findings row \(row): unknown decision '\(word)'; use accepted, rejected or needs follow-up"
        }
    }
}

/// Reads the Findings sheet of a reviewed workbook and records the decisions, all or nothing.
public struct ReviewImporter: Sendable {
    public let reader: XlsxSheetReader

    public init(reader: XlsxSheetReader = XlsxSheetReader()) {
        self.reader = reader
    }

    /// - Parameters:
    ///   - reviewer: recorded with each decision.
    ///   - now: the review time recorded (a clock passed in).
    /// - Throws: `XlsxReadError` for a file that is not a readable workbook, `ReviewImportError`
    ///   for a missing column or an unknown decision word; the store is then unchanged.
    public func importReviews(from file: URL, reviewer: String?, store: RightsStore, now: Date) throws -> ReviewImportReport {
        let table = try reader.readSheet(named: WorkbookExporter.findingsSheet, from: file)
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw ReviewImportError.missingColumn(file: file.path, column: name, found: table.header)
            }
            return index
        }
        let idColumn = try column("finding id"), decisionColumn = try column("decision"), noteColumn = try column("note")
        let existing = try store.reviews()
        let known = try store.findingIDs()
        var report = ReviewImportReport()
        // The decision each finding gets: its last row in the sheet. In order of first appearance.
        var chosen: [(id: FindingID, row: Int, decision: ReviewDecision, note: String)] = []
        var position: [FindingID: Int] = [:]
        for rowIndex in 1 ..< max(1, table.rows.count) {
            let id = table[rowIndex, idColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            let word = table[rowIndex, decisionColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            let note = table[rowIndex, noteColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            if id.isEmpty { continue }
            if word.isEmpty { report.unchanged += 1; continue }
            guard let decision = ReviewDecision(word: word) else {
                // Row numbers as the spreadsheet shows them (header is row 1).
                throw ReviewImportError.unknownDecision(file: file.path, row: rowIndex + 1, word: word)
            }
            let findingID = FindingID(id)
            guard known.contains(findingID) else { report.unknownIDs.append(id); continue }
            guard let index = position[findingID] else {
                position[findingID] = chosen.count
                chosen.append((findingID, rowIndex + 1, decision, note))
                continue
            }
            let earlier = chosen[index]
            if earlier.decision != decision || earlier.note != note {
                report.conflicts.append(ReviewConflict(findingID: findingID, firstRow: earlier.row, firstDecision: earlier.decision,
                                                       laterRow: rowIndex + 1, laterDecision: decision))
            }
            chosen[index] = (findingID, rowIndex + 1, decision, note)
        }
        var reviews: [Review] = []
        let stamp = RightsStore.timestamp(now)
        for (findingID, _, decision, note) in chosen {
            if let previous = existing[findingID], previous.decision == decision, (previous.note ?? "") == note {
                report.unchanged += 1
                continue
            }
            switch decision {
            case .accepted: report.accepted += 1
            case .rejected: report.rejected += 1
            case .followUp: report.followUp += 1
            }
            reviews.append(Review(findingID: findingID, decision: decision, note: note.isEmpty ? nil : note, reviewer: reviewer,
                                  reviewedAt: stamp, sourceFile: file.lastPathComponent))
        }
        try store.record(reviews)
        return report
    }
}
