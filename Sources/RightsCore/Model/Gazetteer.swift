/// All countries and regions, and every name that refers to them.
///
/// Plain data: the names are made from the countries and regions by the rules layer
/// (`Gazetteer(countries:regions:)`, which needs the tokenizer).
public struct Gazetteer: Sendable {
    public var countries: [Country]
    public var regions: [Region]
    public private(set) var names: [PlaceName]
    private var byCode: [CountryCode: Int] = [:]

    public init(countries: [Country], regions: [Region], names: [PlaceName]) {
        self.countries = countries
        self.regions = regions
        self.names = names
        for (index, country) in countries.enumerated() { byCode[country.code] = index }
    }

    public func country(_ code: CountryCode) -> Country? {
        byCode[code].map { countries[$0] }
    }

    public func contains(_ code: CountryCode) -> Bool { byCode[code] != nil }
}
