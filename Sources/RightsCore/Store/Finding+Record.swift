import Foundation
import GRDB

/// The `finding` table row.
struct FindingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "finding"
    var id: String
    var articleId: String
    var runId: Int64?
    var month: String?
    var country: String
    var indicator: String
    var rules: String
    var severity: Int
    var polarity: String
    var attribution: String
    var confidence: Double
    var sentence: String
    var sentenceStart: Int
    var sentenceEnd: Int
    var originalStart: Int?
    var originalEnd: Int?
    var qualifier: String?

    func finding() -> Finding {
        let method = attribution.split(separator: ":").first.flatMap { AttributionMethod(rawValue: String($0)) } ?? .article
        return Finding(id: FindingID(id), articleID: ArticleID(articleId), month: month.flatMap(Month.init(rawValue:)),
                       country: CountryCode(country), indicator: IndicatorID(indicator),
                       rules: rules.split(separator: " ").map { RuleID(String($0)) }, severity: severity,
                       polarity: Polarity(rawValue: polarity) ?? .concern, method: method, attribution: attribution,
                       confidence: confidence, qualifier: qualifier.flatMap(Qualifier.init(rawValue:)), sentence: sentence,
                       sentenceStart: sentenceStart, sentenceEnd: sentenceEnd, originalStart: originalStart, originalEnd: originalEnd)
    }
}
