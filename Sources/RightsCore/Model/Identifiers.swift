/// Ids as small types so that an indicator id can never be passed where a rule id belongs.
public protocol StringIdentifier: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String {
    init(rawValue: String)
}

extension StringIdentifier {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public struct IndicatorID: StringIdentifier { public var rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
public struct RuleID: StringIdentifier { public var rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// ISO 3166-1 alpha-2, upper case (`KZ`).
public struct CountryCode: StringIdentifier { public var rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
public struct FindingID: StringIdentifier { public var rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// An article's identifier: the manifest's `id`, the front matter's `id`, or derived from the file path.
public struct ArticleID: StringIdentifier { public var rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
/// An incident's id: "i" and 16 hex digits of the hash of its earliest finding's id, so re-running
/// on the same articles gives the same id. Declared here so that scoring, a layer before the
/// grouping, can count by it.
public struct IncidentID: StringIdentifier { public var rawValue: String; public init(rawValue: String) { self.rawValue = rawValue } }
