import Foundation
import GRDB

/// A column of the `finding` table, in the table's order.
///
/// The one list of the table's columns: the insert writes them (`FindingRow.bind`, whose switch
/// the compiler holds to every case), the select reads them (`FindingRow.selection`), and a test
/// holds the migrated table to them. Adding a column is a case here, its value in `bind`, its
/// reading in `finding(_:)`, and a migration; the migration spells its columns out, as a shipped
/// migration must not change when this list grows.
enum FindingColumn: Int, CaseIterable {
    case articleId, id, runId, month, country, indicator, rules, severity, polarity, attributionMethod, attribution, confidence
    case sentenceStart, sentenceEnd, originalStart, originalEnd, qualifier, people

    /// The column's name in the table.
    var name: String { String(describing: self) }

    /// The SQLite type and whether it may be NULL, as the migrations create it.
    var definition: (type: String, notNull: Bool) {
        switch self {
        case .articleId, .id, .country, .indicator, .rules, .polarity, .attributionMethod, .attribution, .people: return ("TEXT", true)
        case .month, .qualifier: return ("TEXT", false)
        case .severity, .sentenceStart, .sentenceEnd: return ("INTEGER", true)
        case .runId, .originalStart, .originalEnd: return ("INTEGER", false)
        case .confidence: return ("DOUBLE", true)
        }
    }
}

/// A finding as a row of the `finding` table: how one is written and read back.
///
/// The sentence is not written: the row keeps its offsets in the article's text (migration v5)
/// and the select cuts it from the article. Rule ids are kept short (`StoredRuleList`); people are
/// JSON (`StoredPeople`).
enum FindingRow {
    /// `INSERT OR IGNORE` of `rows` findings, every column.
    static func insertSQL(rows: Int) -> String {
        "INSERT OR IGNORE INTO finding (\(columnNames)) VALUES \(BatchedStatement.placeholders(rows: rows, columns: FindingColumn.allCases.count))"
    }

    private static let columnNames = FindingColumn.allCases.map(\.name).joined(separator: ", ")

    /// The columns to select from `finding f JOIN article a ON a.id = f.articleId`: every column in
    /// order, then the sentence. SQLite's `substr` counts characters of a text, which are the
    /// Unicode scalars the offsets count; but it loads the whole text for each row, so for an
    /// article with more than `manyFindings` findings the sentence is NULL here and cut from the
    /// article once by `FindingSentences` (one long article with 80,000 findings took minutes).
    static let selection = FindingColumn.allCases.map { "f." + $0.name }.joined(separator: ", ")
        + ", CASE WHEN f.articleId IN (SELECT articleId FROM finding GROUP BY articleId HAVING count(*) > \(manyFindings)) THEN NULL"
        + " ELSE substr(a.cleaned, f.sentenceStart + 1, f.sentenceEnd - f.sentenceStart) END AS sentence"

    /// Findings of one article past which their sentences are cut in Swift.
    static let manyFindings = 64

    /// Where the selected sentence stands, after the columns.
    private static let sentenceIndex = FindingColumn.allCases.count

    /// Inserts the findings of `results[index]` for each index in `articles`, many rows to a statement.
    ///
    /// Each value is bound straight to SQLite (`StatementBinder`): analysis writes about five
    /// findings per article, and boxing every value first cost as much as SQLite's own work.
    static func insert(_ results: [AnalysedArticle], articles: [Int], runID: Int64, db: Database, arena: TextArena) throws {
        var positions: [(article: Int, finding: Int)] = []
        positions.reserveCapacity(articles.reduce(0) { $0 + results[$1].findings.count })
        for article in articles {
            for finding in results[article].findings.indices { positions.append((article, finding)) }
        }
        // The rules and people columns are written into reused buffers instead of a new string per row.
        var buffers = ColumnBuffers()
        // Each finding is read where it lies, through a pointer: passed as a value, it was copied
        // for every row (a retain and a release of each of its texts), as the binder it is bound
        // into could, for all the compiler knows, change it meanwhile.
        try results.withUnsafeBufferPointer { results in
            try BatchedStatement.run(positions, db: db, arena: arena, inserts: true, sql: insertSQL) { binder, position in
                results[position.article].findings.withUnsafeBufferPointer { findings in
                    bind(findings.baseAddress! + position.finding, runID: runID, buffers: &buffers, into: &binder)
                }
            }
        }
    }

    /// The columns in order, made once (`allCases` makes a new array at each call).
    private static let columns = FindingColumn.allCases

    /// The bytes of the columns written by hand, kept from row to row.
    struct ColumnBuffers {
        var rules: [UInt8] = []
        var people: [UInt8] = []

        init() {
            rules.reserveCapacity(256)
            people.reserveCapacity(256)
        }
    }

    /// Binds every column of the finding at `row`, in `FindingColumn` order.
    static func bind(_ row: UnsafePointer<Finding>, runID: Int64, buffers: inout ColumnBuffers, into binder: inout StatementBinder) {
        for column in columns {
            switch column {
            case .articleId: binder.bind(row.pointee.articleID.rawValue)
            case .id: binder.bind(row.pointee.id.rawValue)
            case .runId: binder.bind(runID)
            case .month: binder.bind(row.pointee.month?.rawValue)
            case .country: binder.bind(row.pointee.country.rawValue)
            case .indicator: binder.bind(row.pointee.indicator.rawValue)
            case .rules:
                StoredRuleList.encode(row.pointee.rules, indicator: row.pointee.indicator, into: &buffers.rules)
                buffers.rules.withUnsafeBufferPointer { binder.bind(bytes: $0) }
            case .severity: binder.bind(row.pointee.severity)
            case .polarity: binder.bind(row.pointee.polarity.rawValue)
            case .attributionMethod: binder.bind(row.pointee.method.rawValue)
            case .attribution: binder.bind(row.pointee.attribution)
            case .confidence: binder.bind(row.pointee.confidence)
            case .sentenceStart: binder.bind(row.pointee.sentenceStart)
            case .sentenceEnd: binder.bind(row.pointee.sentenceEnd)
            case .originalStart: binder.bind(row.pointee.originalStart)
            case .originalEnd: binder.bind(row.pointee.originalEnd)
            case .qualifier: binder.bind(row.pointee.qualifier?.rawValue)
            case .people:
                StoredPeople.encode(row.pointee.people, into: &buffers.people)
                buffers.people.withUnsafeBufferPointer { binder.bind(bytes: $0) }
            }
        }
    }

    /// The finding a row selected with `selection` holds; a sentence not selected is cut by `sentences`.
    static func finding(_ row: Row, sentences: inout FindingSentences, db: Database) throws -> Finding {
        func text(_ column: FindingColumn) -> String { row[column.rawValue] }
        func optionalText(_ column: FindingColumn) -> String? { row[column.rawValue] }
        func number(_ column: FindingColumn) -> Int { row[column.rawValue] }
        func optionalNumber(_ column: FindingColumn) -> Int? { row[column.rawValue] }
        let indicator = IndicatorID(text(.indicator))
        let selected: String? = row[sentenceIndex]
        let sentence = try selected ?? sentences.sentence(article: text(.articleId), start: number(.sentenceStart), end: number(.sentenceEnd), db: db)
        return Finding(id: FindingID(text(.id)), articleID: ArticleID(text(.articleId)), month: optionalText(.month).flatMap(Month.init(rawValue:)),
                       country: CountryCode(text(.country)), indicator: indicator, rules: StoredRuleList.decode(text(.rules), indicator: indicator),
                       severity: number(.severity), polarity: Polarity(rawValue: text(.polarity)) ?? .concern,
                       method: AttributionMethod(rawValue: text(.attributionMethod)) ?? .article, attribution: text(.attribution),
                       confidence: row[FindingColumn.confidence.rawValue], qualifier: optionalText(.qualifier).flatMap(Qualifier.init(rawValue:)),
                       sentence: sentence, sentenceStart: number(.sentenceStart), sentenceEnd: number(.sentenceEnd),
                       originalStart: optionalNumber(.originalStart), originalEnd: optionalNumber(.originalEnd),
                       people: StoredPeople.decode(text(.people)))
    }
}
