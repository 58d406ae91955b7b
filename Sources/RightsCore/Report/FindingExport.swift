import Foundation

/// Findings as JSON Lines and CSV, for scripts and spreadsheets, each with the people it names and
/// the incident it belongs to.
public enum FindingExport {
    /// The incident of each finding of `months`, as `rightsbrief incidents` groups them: a month's
    /// findings are grouped all together, whatever part of them is exported, so a finding's
    /// incident id does not depend on the filter.
    public static func incidentIDs(_ months: [MonthIncidents]) -> [FindingID: IncidentID] {
        var ids: [FindingID: IncidentID] = [:]
        for month in months {
            for incident in month.incidents { for finding in incident.findings { ids[finding] = incident.id } }
        }
        return ids
    }

    /// One JSON object per finding; keys as `../shared/tools/score.py` reads them (`article_id`, `country`, `indicator`).
    /// `people` is an array of objects (`name`, `role`, `role_class`, `count`, each only when known);
    /// `incident_id` null for an undated finding (incidents are a month's).
    public static func jsonLine(_ finding: Finding, incident: IncidentID? = nil) -> String {
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
        object["incident_id"] = incident?.rawValue ?? NSNull()
        object["people"] = finding.people.map { person -> [String: Any] in
            var entry: [String: Any] = [:]
            entry["name"] = person.name
            entry["role"] = person.role
            entry["role_class"] = person.roleClass
            entry["count"] = person.count
            return entry
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public static let csvHeader = ["id", "article_id", "month", "country", "indicator", "rules", "severity", "polarity",
                                   "qualifier", "confidence", "attribution", "sentence", "people", "incident_id"]

    /// `people` in one cell: "Amina Yusuf (journalist); 2 activists".
    public static func csvRow(_ finding: Finding, incident: IncidentID? = nil) -> [String] {
        [finding.id.rawValue, finding.articleID.rawValue, finding.month?.rawValue ?? "", finding.country.rawValue,
         finding.indicator.rawValue, finding.rules.map(\.rawValue).joined(separator: " "), String(finding.severity),
         finding.polarity.rawValue, finding.qualifier?.rawValue ?? "", String(finding.confidence), finding.attribution, finding.sentence,
         PersonMention.line(finding.people), incident?.rawValue ?? ""]
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
