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

/// Reads `engine.yaml`.
enum EngineSettingsReader {
    static let keys = ["negation", "speakers", "actor_words", "title_words", "not_place_names", "clause_words", "lists", "places",
                       "report_under", "confidence"]

    static func read(_ doc: inout YAMLDocument) -> EngineSettings {
        var settings = EngineSettings()
        guard let root = doc.root, let top = doc.mapping(root, what: "engine.yaml", known: keys) else { return settings }
        func words(_ node: Node?, _ key: String) -> [String] {
            doc.strings(node, key: key).map { Gazetteer.fold($0.0) }
        }
        /// The folded words under `key` of a mapping's entries, as a set.
        func wordSet(_ entries: [String: (key: Node, value: Node)], _ key: String) -> Set<String> {
            Set(words(entries[key]?.value, key))
        }
        if let negation = doc.mapping(top["negation"]?.value, what: "negation", known: ["window", "negators", "denials", "hedges", "exhortation_modals", "breakers"]) {
            settings.exhortationModals = wordSet(negation, "exhortation_modals")
            settings.negationBreakers = wordSet(negation, "breakers")
            settings.negationWindow = doc.integer(negation["window"]?.value, key: "window") ?? settings.negationWindow
            settings.negators = wordSet(negation, "negators")
            settings.denials = wordSet(negation, "denials")
            settings.hedges = wordSet(negation, "hedges")
        }
        if let speakers = doc.mapping(top["speakers"]?.value, what: "speakers", known: ["after", "before", "verbs", "verb_window", "passive_auxiliaries"]) {
            settings.passiveAuxiliaries = wordSet(speakers, "passive_auxiliaries")
            settings.speechVerbs = wordSet(speakers, "verbs")
            settings.speechWindow = doc.integer(speakers["verb_window"]?.value, key: "verb_window") ?? settings.speechWindow
            settings.speakerAfter = words(speakers["after"]?.value, "after").map { $0.split(separator: " ").map(String.init) }
            settings.speakerBefore = words(speakers["before"]?.value, "before").map { $0.split(separator: " ").map(String.init) }
        }
        settings.actorWords = wordSet(top, "actor_words")
        settings.titleWords = wordSet(top, "title_words")
        settings.notPlaceNames = wordSet(top, "not_place_names")
        settings.clauseWords = wordSet(top, "clause_words")
        if let lists = doc.mapping(top["lists"]?.value, what: "lists", known: ["joining_words", "bare_list_joints", "bare_list_frame"]) {
            settings.listJoiningWords = wordSet(lists, "joining_words")
            settings.bareListJoints = wordSet(lists, "bare_list_joints")
            settings.bareListFrame = wordSet(lists, "bare_list_frame")
        }
        if let places = doc.mapping(top["places"]?.value, what: "places", known: ["locatives", "locative_fillers", "determiners", "pair_words", "currency_words"]) {
            settings.locatives = wordSet(places, "locatives")
            settings.locativeFillers = wordSet(places, "locative_fillers")
            settings.determiners = wordSet(places, "determiners")
            settings.pairWords = wordSet(places, "pair_words")
            settings.currencyWords = wordSet(places, "currency_words")
        }
        if let node = top["report_under"]?.value, let mapping = node.mapping {
            for (key, value) in mapping {
                if let from = key.string, let to = value.string { settings.reportUnder[CountryCode(from)] = CountryCode(to) }
            }
        }
        if let confidence = doc.mapping(top["confidence"]?.value, what: "confidence",
                                        known: ["sentence", "list", "paragraph", "headline", "dateline", "article", "region", "ambiguous", "qualified"]) {
            func value(_ key: String, _ current: Double) -> Double {
                guard let node = confidence[key]?.value, let number = doc.number(node, key: key) else { return current }
                if !(0 ... 1).contains(number) {
                    doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(node), "confidence '\(key)' must be between 0 and 1"))
                }
                return number
            }
            var c = settings.confidence
            c.sentence = value("sentence", c.sentence)
            c.list = value("list", c.list)
            c.paragraph = value("paragraph", c.paragraph)
            c.headline = value("headline", c.headline)
            c.dateline = value("dateline", c.dateline)
            c.article = value("article", c.article)
            c.region = value("region", c.region)
            c.ambiguous = value("ambiguous", c.ambiguous)
            c.qualified = value("qualified", c.qualified)
            settings.confidence = c
        }
        return settings
    }
}

/// Reads `scoring.yaml`.
enum ScoringConfigReader {
    static func read(_ doc: inout YAMLDocument) -> ScoringConfig {
        var config = ScoringConfig()
        guard let root = doc.root, let top = doc.mapping(root, what: "scoring.yaml", known: ["coverage", "concern_cap_per_article", "minimum_confidence", "level_values", "incidents"]) else { return config }
        if let valuesNode = top["level_values"]?.value,
           let values = doc.mapping(valuesNode, what: "level_values", known: CoverageLevel.allCases.map(\.rawValue)) {
            for level in CoverageLevel.allCases {
                if let node = values[level.rawValue]?.value, let value = doc.number(node, key: level.rawValue) { config.levelValues[level] = value }
            }
            let ordered = CoverageLevel.allCases.map { config.levelValues[$0] ?? -1 }
            if ordered.first != 0 || ordered.last != 1 || zip(ordered, ordered.dropFirst()).contains(where: { $0 >= $1 }) {
                doc.diagnostics.append(Diagnostic(.weightsSum, doc.location(valuesNode),
                                                  "level_values must rise from none 0 to strong 1 (the index is a weighted share of 100): got \(ordered.map { String($0) }.joined(separator: ", "))"))
            }
        }
        if let coverageNode = top["coverage"]?.value,
           let coverage = doc.mapping(coverageNode, what: "coverage", known: ["thin", "moderate", "strong"]) {
            config.thinArticles = doc.integer(coverage["thin"]?.value, key: "thin") ?? config.thinArticles
            config.moderateArticles = doc.integer(coverage["moderate"]?.value, key: "moderate") ?? config.moderateArticles
            config.strongArticles = doc.integer(coverage["strong"]?.value, key: "strong") ?? config.strongArticles
            if !(config.thinArticles >= 1 && config.thinArticles < config.moderateArticles && config.moderateArticles < config.strongArticles) {
                doc.diagnostics.append(Diagnostic(.thresholdsNotIncreasing, doc.location(coverageNode),
                                                  "coverage thresholds must increase from 1: thin \(config.thinArticles) < moderate \(config.moderateArticles) < strong \(config.strongArticles)"))
            }
        }
        if let node = top["concern_cap_per_article"]?.value, let cap = doc.integer(node, key: "concern_cap_per_article") {
            if cap < 1 { doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(node), "concern_cap_per_article must be at least 1")) }
            config.concernCapPerArticle = max(1, cap)
        }
        if let node = top["minimum_confidence"]?.value, let value = doc.number(node, key: "minimum_confidence") {
            if !(0 ... 1).contains(value) { doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(node), "minimum_confidence must be between 0 and 1")) }
            config.minimumConfidence = value
        }
        return config
    }
}
