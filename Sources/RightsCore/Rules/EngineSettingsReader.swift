import Yams

/// Reads `engine.yaml`.
enum EngineSettingsReader {
    static let keys = ["negation", "speakers", "actor_words", "title_words", "not_place_names", "clause_words", "review_headlines", "lists", "places",
                       "report_under", "confidence", "attribution"]

    /// How many tokens a window of engine.yaml may span: a sentence's worth, far more than any needs.
    static let windows = 0 ... 50

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
        if let negation = doc.mapping(top["negation"]?.value, what: "negation", known: ["window", "negators", "denials", "hedges", "exhortation_modals", "breakers",
                                                                                  "deprivations", "deprivation_reach", "deprivation_followers"]) {
            settings.exhortationModals = wordSet(negation, "exhortation_modals")
            settings.negationBreakers = wordSet(negation, "breakers")
            settings.negationWindow = doc.integer(negation["window"]?.value, key: "window", in: Self.windows) ?? settings.negationWindow
            settings.negators = wordSet(negation, "negators")
            settings.denials = wordSet(negation, "denials")
            settings.hedges = wordSet(negation, "hedges")
            settings.deprivations = wordSet(negation, "deprivations")
            settings.deprivationReach = doc.integer(negation["deprivation_reach"]?.value, key: "deprivation_reach", in: Self.windows) ?? settings.deprivationReach
            settings.deprivationFollowers = wordSet(negation, "deprivation_followers")
        }
        if let speakers = doc.mapping(top["speakers"]?.value, what: "speakers", known: ["after", "before", "verbs", "verb_window", "passive_auxiliaries",
                                                                                   "relative_pronouns"]) {
            settings.passiveAuxiliaries = wordSet(speakers, "passive_auxiliaries")
            settings.relativePronouns = wordSet(speakers, "relative_pronouns")
            settings.speechVerbs = wordSet(speakers, "verbs")
            settings.speechWindow = doc.integer(speakers["verb_window"]?.value, key: "verb_window", in: Self.windows) ?? settings.speechWindow
            settings.speakerAfter = words(speakers["after"]?.value, "after").map { $0.split(separator: " ").map(String.init) }
            settings.speakerBefore = words(speakers["before"]?.value, "before").map { $0.split(separator: " ").map(String.init) }
        }
        settings.actorWords = wordSet(top, "actor_words")
        settings.titleWords = wordSet(top, "title_words")
        settings.notPlaceNames = wordSet(top, "not_place_names")
        settings.clauseWords = wordSet(top, "clause_words")
        if let review = doc.mapping(top["review_headlines"]?.value, what: "review_headlines", known: ["markers", "not_after"]) {
            settings.reviewMarkers = words(review["markers"]?.value, "markers")
            settings.reviewNotAfter = wordSet(review, "not_after")
        }
        if let lists = doc.mapping(top["lists"]?.value, what: "lists", known: ["joining_words", "bare_list_joints", "bare_list_frame"]) {
            settings.listJoiningWords = wordSet(lists, "joining_words")
            settings.bareListJoints = wordSet(lists, "bare_list_joints")
            settings.bareListFrame = wordSet(lists, "bare_list_frame")
        }
        if let places = doc.mapping(top["places"]?.value, what: "places", known: ["locatives", "locative_fillers", "determiners", "pair_words", "currency_words", "mission_words",
                                                                               "national_currencies"]) {
            settings.locatives = wordSet(places, "locatives")
            settings.locativeFillers = wordSet(places, "locative_fillers")
            settings.determiners = wordSet(places, "determiners")
            settings.pairWords = wordSet(places, "pair_words")
            settings.currencyWords = wordSet(places, "currency_words")
            settings.missionWords = wordSet(places, "mission_words")
            if let node = places["national_currencies"]?.value, let byCountry = node.mapping {
                for (key, value) in byCountry {
                    guard let code = doc.string(key, key: "national_currencies") else { continue }
                    for (word, item) in doc.strings(value, key: code) {
                        settings.nationalCurrencies.append(NationalCurrency(word: Gazetteer.fold(word), country: CountryCode(code), location: doc.location(item)))
                    }
                }
            } else if let node = places["national_currencies"]?.value {
                doc.diagnostics.append(Diagnostic(.wrongType, doc.location(node), "national_currencies must be a mapping of country codes to lists of words"))
            }
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
        settings.attributionOrder = attributionOrder(&doc, top["attribution"]?.value) ?? settings.attributionOrder
        return settings
    }
}
