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
    ///
    /// Written here rather than by `JSONSerialization`, whose sorting of keys compares them by locale:
    /// that was three quarters of listing 110,000 findings. The keys are in the order it sorted them
    /// (a test compares the two), and text is escaped as it escaped it.
    public static func jsonLine(_ finding: Finding, incident: IncidentID? = nil) -> String {
        var line = JSONLine()
        line.key("article_id", first: true); line.string(finding.articleID.rawValue)
        line.key("attribution"); line.string(finding.attribution)
        line.key("confidence"); line.number(finding.confidence)
        line.key("country"); line.string(finding.country.rawValue)
        line.key("id"); line.string(finding.id.rawValue)
        line.key("incident_id"); line.string(incident?.rawValue)
        line.key("indicator"); line.string(finding.indicator.rawValue)
        line.key("month"); line.string(finding.month?.rawValue)
        line.key("original_end"); line.number(finding.originalEnd)
        line.key("original_start"); line.number(finding.originalStart)
        line.key("people")
        line.punctuation(UInt8(ascii: "["))
        for (index, person) in finding.people.enumerated() {
            if index > 0 { line.punctuation(UInt8(ascii: ",")) }
            line.punctuation(UInt8(ascii: "{"))
            var first = true
            func field(_ name: String) {
                line.key(name, first: first)
                first = false
            }
            if let count = person.count { field("count"); line.number(count) }
            if let name = person.name { field("name"); line.string(name) }
            if let role = person.role { field("role"); line.string(role) }
            if let roleClass = person.roleClass { field("role_class"); line.string(roleClass) }
            line.punctuation(UInt8(ascii: "}"))
        }
        line.punctuation(UInt8(ascii: "]"))
        line.key("polarity"); line.string(finding.polarity.rawValue)
        line.key("qualifier"); line.string(finding.qualifier?.rawValue)
        line.key("rules")
        line.punctuation(UInt8(ascii: "["))
        for (index, rule) in finding.rules.enumerated() {
            if index > 0 { line.punctuation(UInt8(ascii: ",")) }
            line.string(rule.rawValue)
        }
        line.punctuation(UInt8(ascii: "]"))
        line.key("sentence"); line.string(finding.sentence)
        line.key("sentence_end"); line.number(finding.sentenceEnd)
        line.key("sentence_start"); line.number(finding.sentenceStart)
        line.key("severity"); line.number(finding.severity)
        line.punctuation(UInt8(ascii: "}"))
        return line.text
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

/// One JSON object written as `JSONSerialization` writes it with sorted keys and unescaped slashes.
struct JSONLine {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    init() { bytes.reserveCapacity(512) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func key(_ name: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func number(_ value: Int?) {
        guard let value else { return raw("null") }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// An integral value without a fraction ("1", not "1.0"), as `JSONSerialization` writes it.
    mutating func number(_ value: Double) {
        let written = value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        bytes.append(contentsOf: written.utf8)
    }

    /// A string, escaped byte by byte: every escape is of an ASCII byte, which UTF-8 never uses
    /// inside another character.
    mutating func string(_ value: String?) {
        guard var value else { return raw("null") }
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var plainStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart ..< index]))
                plainStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A bracket, a brace or a comma.
    mutating func punctuation(_ mark: UInt8) { bytes.append(mark) }
}
