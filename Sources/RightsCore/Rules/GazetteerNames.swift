extension Gazetteer {
    /// The gazetteer of these countries and regions, with every name they are known by, each
    /// tokenised as the matcher reads text: names, aliases, demonyms, capitals, cities, leaders,
    /// then regions. A name given twice for the same countries is kept once.
    public init(countries: [Country], regions: [Region]) {
        var names: [PlaceName] = []
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
        self.init(countries: countries, regions: regions, names: names)
    }

    /// A name as the matcher compares it: its folded words, joined by spaces.
    static func fold(_ text: String) -> String {
        Tokenizer.words(text).joined(separator: " ")
    }
}
