import Foundation

/// Findings as JSON Lines and CSV, for scripts and spreadsheets.
public enum FindingExport {
    /// One JSON object per finding; keys as `../shared/tools/score.py` reads them (`article_id`, `country`, `indicator`).
    public static func jsonLine(_ finding: Finding) -> String {
        var object: [String: Any] = [
            "id": finding.id.rawValue,
            "article_id": finding.articleID.rawValue,
            "country": finding.country.rawValue,
            "indicator": finding.indicator.rawValue,
            "rules": finding.rules.map(\.rawValue),
            "severity": finding.severity,
            "polarity": finding.polarity.rawValue,
            "attribution": finding.attribution,
            "confidence": finding.confidence,
            "sentence": finding.sentence,
            "sentence_start": finding.sentenceStart,
            "sentence_end": finding.sentenceEnd,
        ]
        object["month"] = finding.month?.rawValue ?? NSNull()
        object["qualifier"] = finding.qualifier?.rawValue ?? NSNull()
        object["original_start"] = finding.originalStart ?? NSNull()
        object["original_end"] = finding.originalEnd ?? NSNull()
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public static let csvHeader = ["id", "article_id", "month", "country", "indicator", "rules", "severity", "polarity",
                                   "qualifier", "confidence", "attribution", "sentence"]

    public static func csvRow(_ finding: Finding) -> [String] {
        [finding.id.rawValue, finding.articleID.rawValue, finding.month?.rawValue ?? "", finding.country.rawValue,
         finding.indicator.rawValue, finding.rules.map(\.rawValue).joined(separator: " "), String(finding.severity),
         finding.polarity.rawValue, finding.qualifier?.rawValue ?? "", String(finding.confidence), finding.attribution, finding.sentence]
    }

    /// One CSV line (RFC 4180), with cells that a spreadsheet would run as a formula neutralised
    /// as OWASP advises (a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` in front).
    public static func csvLine(_ cells: [String]) -> String {
        cells.map { cell in
            var value = cell
            if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }.joined(separator: ",")
    }
}
