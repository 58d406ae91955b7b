import Yams

/// Reads `countries.yaml` and `regions.yaml`.
enum GazetteerReader {
    static let countryKeys = ["alpha2", "alpha3", "name", "aliases", "demonyms", "capitals", "cities", "ambiguous", "leaders", "numeric", "official_name"]
    static let leaderKeys = ["name", "aliases", "office", "from", "to"]
    static let regionKeys = ["id", "names", "members"]

    /// - Parameter notPlaceNames: folded words no name may be (engine.yaml `not_place_names`).
    static func countries(_ doc: inout YAMLDocument, notPlaceNames: Set<String> = []) -> [Country] {
        guard let root = doc.root, let top = doc.mapping(root, what: "countries.yaml", known: ["countries"]),
              let list = doc.sequence(doc.require(top, "countries", in: root, what: "countries.yaml"), key: "countries") else { return [] }
        var countries: [Country] = []
        for node in list {
            guard let entries = doc.mapping(node, what: "a country", known: countryKeys) else { continue }
            guard let codeNode = doc.require(entries, "alpha2", in: node, what: "a country"),
                  let code = doc.string(codeNode, key: "alpha2") else { continue }
            if code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                doc.diagnostics.append(Diagnostic(.malformedCountryCode, doc.location(codeNode), "alpha2 '\(code)' must be two upper-case letters", subject: code))
            }
            let alpha3 = doc.string(entries["alpha3"]?.value, key: "alpha3", subject: code) ?? ""
            if let alpha3Node = entries["alpha3"]?.value, alpha3.count != 3 || !alpha3.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                doc.diagnostics.append(Diagnostic(.malformedCountryCode, doc.location(alpha3Node), "alpha3 '\(alpha3)' must be three upper-case letters", subject: code))
            }
            guard let nameNode = doc.require(entries, "name", in: node, what: "country \(code)", subject: code),
                  let name = doc.string(nameNode, key: "name", subject: code) else { continue }
            // Every text the gazetteer turns into a place name, with where it is written.
            var placeNames: [(String, Node)] = [(name, nameNode)]
            func list(_ key: String) -> [String] {
                let items = doc.strings(entries[key]?.value, key: key, subject: code)
                placeNames += items
                return items.map(\.0)
            }
            let aliases = list("aliases"), demonyms = list("demonyms"), capitals = list("capitals"), cities = list("cities")
            var allNames = Set(([name] + aliases + demonyms + capitals + cities).map(Gazetteer.fold))
            var leaders: [Leader] = []
            for leaderNode in doc.sequence(entries["leaders"]?.value, key: "leaders", subject: code) ?? [] {
                guard let fields = doc.mapping(leaderNode, what: "a leader", known: leaderKeys, subject: code),
                      let leaderNameNode = doc.require(fields, "name", in: leaderNode, what: "a leader of \(code)", subject: code),
                      let leaderName = doc.string(leaderNameNode, key: "name", subject: code)
                else { continue }
                let leaderAliases = doc.strings(fields["aliases"]?.value, key: "aliases", subject: code)
                placeNames += [(leaderName, leaderNameNode)] + leaderAliases
                leaders.append(Leader(
                    name: leaderName,
                    aliases: leaderAliases.map(\.0),
                    office: doc.string(fields["office"]?.value, key: "office", subject: code) ?? "leader",
                    from: doc.integer(fields["from"]?.value, key: "from", subject: code),
                    to: doc.integer(fields["to"]?.value, key: "to", subject: code),
                    location: doc.location(leaderNode)))
            }
            for leader in leaders { allNames.formUnion(([leader.name] + leader.aliases).map(Gazetteer.fold)) }
            var ambiguous = Set<String>()
            for (text, item) in doc.strings(entries["ambiguous"]?.value, key: "ambiguous", subject: code) {
                let folded = Gazetteer.fold(text)
                ambiguous.insert(folded)
                if !allNames.contains(folded) {
                    doc.diagnostics.append(Diagnostic(.ambiguousNotAName, doc.location(item), "'\(text)' is marked ambiguous but is not one of \(code)'s names", subject: code))
                }
            }
            for (text, item) in placeNames {
                if let reason = notAPlaceName(text, notPlaceNames: notPlaceNames), !ambiguous.contains(Gazetteer.fold(text)) {
                    doc.diagnostics.append(Diagnostic(.commonWordPlaceName, doc.location(item),
                                                      "'\(text)' is \(reason), not a place name: remove it, or list it in \(code)'s `ambiguous` if it must stay",
                                                      subject: code))
                }
            }
            countries.append(Country(code: CountryCode(code), alpha3: alpha3, name: name, aliases: aliases, demonyms: demonyms,
                                     capitals: capitals, cities: cities, ambiguous: ambiguous, leaders: leaders, location: doc.location(node)))
        }
        return countries
    }

    /// Why a text cannot be a place name on its own, or nil when it can. A name written in
    /// capitals ("US", "UAE") only ever matches capitals in the text, so it is not the word "us";
    /// a single letter is refused even then ("A court in Nairobi…").
    static func notAPlaceName(_ text: String, notPlaceNames: Set<String>) -> String? {
        let folded = Gazetteer.fold(text)
        if folded.count == 1 { return "a single letter" }
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.allSatisfy({ $0.properties.isUppercase }) { return nil }
        if notPlaceNames.contains(folded) { return "a common word (engine.yaml `not_place_names`)" }
        return nil
    }

    static func regions(_ doc: inout YAMLDocument, notPlaceNames: Set<String> = []) -> [Region] {
        guard let root = doc.root, let top = doc.mapping(root, what: "regions.yaml", known: ["regions"]),
              let list = doc.sequence(top["regions"]?.value, key: "regions") else { return [] }
        return list.compactMap { node in
            guard let entries = doc.mapping(node, what: "a region", known: regionKeys),
                  let id = doc.string(doc.require(entries, "id", in: node, what: "a region"), key: "id") else { return nil }
            let names = doc.strings(entries["names"]?.value, key: "names", subject: id)
            for (text, item) in names {
                if let reason = notAPlaceName(text, notPlaceNames: notPlaceNames) {
                    doc.diagnostics.append(Diagnostic(.commonWordPlaceName, doc.location(item), "'\(text)' is \(reason), not a region name: remove it", subject: id))
                }
            }
            return Region(id: id,
                          names: names.map(\.0),
                          members: doc.strings(entries["members"]?.value, key: "members", subject: id).map { CountryCode($0.0) },
                          location: doc.location(node))
        }
    }
}
