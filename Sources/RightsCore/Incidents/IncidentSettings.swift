import Foundation
import Yams

/// When two findings are one event: the `incidents:` section of `rules/scoring.yaml`.
///
/// ```yaml
/// incidents:
///   days_apart: 4
///   similar_sentence: 0.6
///   repeated_sentence_words: 10
/// ```
public struct IncidentSettings: Sendable, Equatable {
    /// Reports of one event are published at most this many days apart.
    public var daysApart = 4
    /// Two sentences that name nobody are one event (same indicator, no other place) when this share
    /// of the shorter one's content words is in the other.
    public var similarSentence = 0.6
    /// A sentence repeated word for word in another article (syndication) is one event when it has
    /// at least this many words.
    public var repeatedSentenceWords = 10

    public init() {}
}

/// Reads the `incidents:` section of `scoring.yaml`; other sections are `ScoringConfigReader`'s.
public enum IncidentSettingsReader {
    public static let fileName = "scoring.yaml"
    static let keys = ["days_apart", "similar_sentence", "repeated_sentence_words"]

    /// The settings of `rules/scoring.yaml`, or the defaults when it has no `incidents:` section.
    /// - Throws: `IncidentError.rules` on a wrong type, an unknown key or a value out of range.
    public static func load(rules folder: URL, display: String = "rules") throws -> IncidentSettings {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return IncidentSettings() }
        var doc = YAMLDocument.load(url, display: "\(display)/\(fileName)")
        let settings = read(&doc)
        if !doc.diagnostics.isEmpty { throw IncidentError.rules(doc.diagnostics) }
        return settings
    }

    static func read(_ doc: inout YAMLDocument) -> IncidentSettings {
        var settings = IncidentSettings()
        guard let root = doc.root, let mapping = root.mapping,
              let node = mapping.first(where: { $0.key.string == "incidents" })?.value,
              let section = doc.mapping(node, what: "incidents", known: keys) else { return settings }
        if let value = section["days_apart"]?.value, let days = doc.integer(value, key: "days_apart") {
            if (0 ... 31).contains(days) { settings.daysApart = days } else {
                doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(value), "incidents: days_apart must be 0 to 31 (one month)"))
            }
        }
        if let value = section["similar_sentence"]?.value, let share = doc.number(value, key: "similar_sentence") {
            if share > 0, share <= 1 { settings.similarSentence = share } else {
                doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(value), "incidents: similar_sentence must be above 0 and at most 1"))
            }
        }
        if let value = section["repeated_sentence_words"]?.value, let words = doc.integer(value, key: "repeated_sentence_words") {
            if words >= 3 { settings.repeatedSentenceWords = words } else {
                doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(value), "incidents: repeated_sentence_words must be at least 3"))
            }
        }
        return settings
    }
}
