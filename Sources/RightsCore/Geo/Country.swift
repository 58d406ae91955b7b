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

/// A region word that may stand for its member countries ("Central Asia").
public struct Region: Sendable, Equatable {
    public var id: String
    public var names: [String]
    public var members: [CountryCode]
    public var location: SourceLocation
}

/// How a name refers to a country, strongest first.
public enum PlaceKind: String, Sendable, Codable, Comparable {
    case name, alias, demonym, capital, city, leader, region

    public static func < (lhs: PlaceKind, rhs: PlaceKind) -> Bool {
        let order: [PlaceKind] = [.name, .alias, .capital, .leader, .demonym, .city, .region]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

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

/// All countries and regions, and every name that refers to them.
public struct Gazetteer: Sendable {
    public var countries: [Country]
    public var regions: [Region]
    public private(set) var names: [PlaceName] = []
    private var byCode: [CountryCode: Int] = [:]

    public init(countries: [Country], regions: [Region]) {
        self.countries = countries
        self.regions = regions
        for (index, country) in countries.enumerated() { byCode[country.code] = index }
        var seen = Set<String>()
        func add(_ text: String, _ codes: [CountryCode], _ kind: PlaceKind, ambiguous: Bool, region: String? = nil) {
            let tokens = Tokenizer.words(text)
            guard !tokens.isEmpty else { return }
            let key = tokens.joined(separator: " ") + "|" + codes.map(\.rawValue).joined(separator: ",")
            guard seen.insert(key).inserted else { return }
            let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
            let capitals = !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
            names.append(PlaceName(text: text, tokens: tokens, countries: codes, kind: kind, isAmbiguous: ambiguous, regionID: region,
                                   requiresCapitals: capitals))
        }
        for country in countries {
            func isAmbiguous(_ text: String) -> Bool { country.ambiguous.contains(Self.fold(text)) }
            add(country.name, [country.code], .name, ambiguous: isAmbiguous(country.name))
            for alias in country.aliases { add(alias, [country.code], .alias, ambiguous: isAmbiguous(alias)) }
            for demonym in country.demonyms { add(demonym, [country.code], .demonym, ambiguous: isAmbiguous(demonym)) }
            for capital in country.capitals { add(capital, [country.code], .capital, ambiguous: isAmbiguous(capital)) }
            for city in country.cities { add(city, [country.code], .city, ambiguous: isAmbiguous(city)) }
            for leader in country.leaders {
                add(leader.name, [country.code], .leader, ambiguous: isAmbiguous(leader.name))
                for alias in leader.aliases { add(alias, [country.code], .leader, ambiguous: isAmbiguous(alias)) }
            }
        }
        for region in regions {
            for name in region.names { add(name, region.members, .region, ambiguous: false, region: region.id) }
        }
    }

    public func country(_ code: CountryCode) -> Country? {
        byCode[code].map { countries[$0] }
    }

    public func contains(_ code: CountryCode) -> Bool { byCode[code] != nil }

    static func fold(_ text: String) -> String {
        Tokenizer.words(text).joined(separator: " ")
    }
}
