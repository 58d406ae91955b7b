/// A region word that may stand for its member countries ("Central Asia").
public struct Region: Sendable, Equatable {
    public var id: String
    public var names: [String]
    public var members: [CountryCode]
    public var location: SourceLocation
}
