import Foundation
import GRDB

/// A `finding` row as read, with its sentence cut from the article's text (migration v5: the row
/// keeps the sentence's offsets only).
struct FindingRecord: Decodable, FetchableRecord {
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

    /// The columns to select from `finding f JOIN article a ON a.id = f.articleId`. SQLite's
    /// `substr` counts characters of a text, which are the Unicode scalars the offsets count.
    static let columns = """
        f.id, f.articleId, f.runId, f.month, f.country, f.indicator, f.rules, f.severity, f.polarity, f.attribution, f.confidence,
        substr(a.cleaned, f.sentenceStart + 1, f.sentenceEnd - f.sentenceStart) AS sentence,
        f.sentenceStart, f.sentenceEnd, f.originalStart, f.originalEnd, f.qualifier
        """

    func finding() -> Finding {
        let method = attribution.split(separator: ":").first.flatMap { AttributionMethod(rawValue: String($0)) } ?? .article
        let indicator = IndicatorID(indicator)
        return Finding(id: FindingID(id), articleID: ArticleID(articleId), month: month.flatMap(Month.init(rawValue:)),
                       country: CountryCode(country), indicator: indicator,
                       rules: StoredRuleList.decode(rules, indicator: indicator), severity: severity,
                       polarity: Polarity(rawValue: polarity) ?? .concern, method: method, attribution: attribution,
                       confidence: confidence, qualifier: qualifier.flatMap(Qualifier.init(rawValue:)), sentence: sentence,
                       sentenceStart: sentenceStart, sentenceEnd: sentenceEnd, originalStart: originalStart, originalEnd: originalEnd)
    }
}

/// The `rules` column: rule ids separated by spaces, those of the finding's own indicator by
/// their name alone ("political_prisoners.critics_jailed" under `political_prisoners` is
/// "critics_jailed"). A rule name has no dot (`<indicator>.<name>`), so a word with one is a whole id.
enum StoredRuleList {
    static func encode(_ rules: [RuleID], indicator: IndicatorID, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        var prefix = indicator.rawValue
        prefix.withUTF8 { prefix in
            for (position, rule) in rules.enumerated() {
                if position > 0 { bytes.append(0x20) }
                var id = rule.rawValue
                id.withUTF8 { id in
                    let own = !prefix.isEmpty && id.count > prefix.count + 1 && id[prefix.count] == UInt8(ascii: ".")
                        && memcmp(id.baseAddress!, prefix.baseAddress!, prefix.count) == 0
                        && !id[(prefix.count + 1)...].contains(UInt8(ascii: "."))
                    bytes.append(contentsOf: own ? UnsafeBufferPointer(rebasing: id[(prefix.count + 1)...]) : id)
                }
            }
        }
    }

    static func decode(_ column: String, indicator: IndicatorID) -> [RuleID] {
        column.split(separator: " ").map { $0.contains(".") ? RuleID(String($0)) : RuleID("\(indicator.rawValue).\($0)") }
    }
}
