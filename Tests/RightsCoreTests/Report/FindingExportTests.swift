import Foundation
import Testing
@testable import RightsCore

/// `findings --format jsonl` writes its lines itself; they must be what `JSONSerialization` made
/// (sorted keys, slashes unescaped), which scripts and the shared scorer read.
@Suite struct FindingExportTests {
    /// The line as `JSONSerialization` writes it, the reference.
    static func serialized(_ finding: Finding, incident: IncidentID?) -> String {
        var object: [String: Any] = [
            "id": finding.id.rawValue, "article_id": finding.articleID.rawValue, "country": finding.country.rawValue,
            "indicator": finding.indicator.rawValue, "rules": finding.rules.map(\.rawValue), "severity": finding.severity,
            "polarity": finding.polarity.rawValue, "attribution": finding.attribution, "confidence": finding.confidence,
            "sentence": finding.sentence, "sentence_start": finding.sentenceStart, "sentence_end": finding.sentenceEnd,
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
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func finding(sentence: String, confidence: Double, people: [PersonMention], month: Month?, qualifier: Qualifier?, original: Range<Int>?) -> Finding {
        Finding(id: FindingID("f0123456789abcdef"), articleID: ArticleID("a/b\\c \"d\""), month: month, country: CountryCode("KZ"),
                indicator: IndicatorID("press_freedom"), rules: [RuleID("press_freedom.journalist_arrested"), RuleID("press_freedom.x")],
                severity: 3, polarity: .concern, method: .sentence, attribution: "sentence: 'Almaty' (city)", confidence: confidence,
                qualifier: qualifier, sentence: sentence, sentenceStart: 12, sentenceEnd: 12 + sentence.unicodeScalars.count,
                originalStart: original?.lowerBound, originalEnd: original?.upperBound, people: people)
    }

    @Test("each line is what JSONSerialization writes: escapes, numbers, nulls, people with some fields", arguments: [
        "Reporter Amina Yusuf was detained in Almaty.",
        "Quotes \"here\", a back\\slash, a/slash, tab\tnew\nline\r, bell\u{7}, unit\u{1F}, nul\u{0}, \u{8}\u{C}.",
        "Accents é, ü, a line separator \u{2028}, an emoji 😀 and “curly” quotes.",
        "",
    ])
    func sameAsSerialization(sentence: String) {
        let people = [PersonMention(name: "Amina \"Ami\" Yusuf", role: "journalist", roleClass: "media_worker", count: nil),
                      PersonMention(name: nil, role: "activists", roleClass: "activist", count: 12),
                      PersonMention(name: "Ilya", role: nil, roleClass: nil, count: nil)]
        for confidence in [1.0, 0.85, 0.5, 0.0, 0.7000000000000001, 0.13] {
            for (month, qualifier, original) in [(Month(rawValue: "2026-10"), Qualifier.alleged, 3 ..< 90), (nil, nil, nil)] as [(Month?, Qualifier?, Range<Int>?)] {
                for incident in [IncidentID("i0123456789abcdef"), nil] {
                    for list in [people, []] {
                        let finding = Self.finding(sentence: sentence, confidence: confidence, people: list, month: month, qualifier: qualifier, original: original)
                        #expect(FindingExport.jsonLine(finding, incident: incident) == Self.serialized(finding, incident: incident))
                    }
                }
            }
        }
    }

    @Test("the findings of the samples, line by line")
    func samples() throws {
        let analyzer = ShippedRules.analyzer
        let text = "Police in Almaty detained reporter Amina Yusuf, 34, and two activists on Monday. \"We were beaten,\" she said."
        let findings = analyzer.analyze(text: text, title: "Arrests in Kazakhstan").findings
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(FindingExport.jsonLine(finding) == Self.serialized(finding, incident: nil))
        }
    }
}
