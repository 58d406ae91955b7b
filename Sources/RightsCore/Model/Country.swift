/// A country or territory of `rules/countries.yaml`.
public struct Country: Sendable, Equatable {
    public var code: CountryCode
    public var alpha3: String
    public var name: String
    public var aliases: [String]
    public var demonyms: [String]
    public var capitals: [String]
    public var cities: [String]
    /// Folded forms of the names that mean something else too; they need supporting context.
    public var ambiguous: Set<String>
    public var leaders: [Leader]
    public var location: SourceLocation
}

public struct Leader: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    public var office: String
    public var from: Int?
    public var to: Int?
    public var location: SourceLocation
}
