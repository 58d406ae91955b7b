/// One name of the gazetteer as the automaton indexes it.
///
/// Immutable and shared: every mention of a place in every article points at the same name, so
/// passing mentions around costs one reference count, not one per field.
public final class PlaceName: Sendable, Equatable {
    public let text: String
    public let tokens: [String]
    /// The countries it names: one, or a region's members.
    public let countries: [CountryCode]
    public let kind: PlaceKind
    public let isAmbiguous: Bool
    public let regionID: String?
    /// Written in capitals ("US", "UAE"): only matches capitals in the text, never the word "us".
    public let requiresCapitals: Bool

    public init(text: String, tokens: [String], countries: [CountryCode], kind: PlaceKind, isAmbiguous: Bool, regionID: String?,
                requiresCapitals: Bool) {
        self.text = text
        self.tokens = tokens
        self.countries = countries
        self.kind = kind
        self.isAmbiguous = isAmbiguous
        self.regionID = regionID
        self.requiresCapitals = requiresCapitals
    }

    public static func == (lhs: PlaceName, rhs: PlaceName) -> Bool {
        lhs === rhs || (lhs.text == rhs.text && lhs.tokens == rhs.tokens && lhs.countries == rhs.countries && lhs.kind == rhs.kind
            && lhs.isAmbiguous == rhs.isAmbiguous && lhs.regionID == rhs.regionID && lhs.requiresCapitals == rhs.requiresCapitals)
    }
}
