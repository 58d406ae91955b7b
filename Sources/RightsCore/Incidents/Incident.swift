/// One event of one month and country, however many articles reported it.
public struct Incident: Sendable, Equatable, Codable, Identifiable {
    public var id: IncidentID
    public var month: Month?
    public var country: CountryCode
    public var indicators: [IndicatorID]
    /// Its findings, earliest report first.
    public var findings: [FindingID]
    public var articles: [ArticleID]
    public var sources: [String]
    /// The people its findings name, each once; counted groups after the named.
    public var people: [PersonMention]
    /// First and last publication day (`YYYY-MM-DD`) of its articles.
    public var firstDay: String?
    public var lastDay: String?

    static func makeID(earliest: FindingID) -> IncidentID {
        var hash = ContentHash()
        hash.update(earliest.rawValue)
        return IncidentID(hash.shortDigest(prefix: UInt8(ascii: "i")))
    }
}
