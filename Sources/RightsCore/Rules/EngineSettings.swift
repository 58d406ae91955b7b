import Yams

/// Word lists that steer negation, hedging and attribution, from `rules/engine.yaml`.
///
/// They are data so that an NGO can tune the engine for its sources without touching Swift.
public struct EngineSettings: Sendable, Equatable {
    /// How many tokens before a match a negator or denial word is looked for.
    public var negationWindow: Int = 3
    /// "not", "no", "never": a negated match ("no journalists were detained") is dropped.
    public var negators: Set<String> = []
    /// "should", "must": "should not detain activists" is an exhortation, not a negation.
    public var exhortationModals: Set<String> = []
    /// "excuse", "pretext": between a negator and a match they end its reach ("no excuse to jail").
    public var negationBreakers: Set<String> = []
    /// "denied", "rejected": an allegation that is denied is still evidence; kept, marked `denied`.
    public var denials: Set<String> = []
    /// "allegedly", "reportedly": kept, marked `alleged`.
    public var hedges: Set<String> = []
    /// "access", "bail", "care": within `deprivationReach` tokens after a denial word (in its
    /// clause, before "that" or "of") they make it something refused to someone, not a denial ("lawyers
    /// were denied access to their clients").
    public var deprivations: Set<String> = []
    public var deprivationReach: Int = 6
    /// "after", "from": right after a denial word they make it something done to someone
    /// ("workers were dismissed after the strike", "dismissed from their posts").
    public var deprivationFollowers: Set<String> = []
    /// Token runs that, right after a place name, make it a speaker, not the subject
    /// ("U.S.-based", "US official said", "British Foreign Secretary").
    public var speakerAfter: [[String]] = []
    /// Token runs that, right before a place name, make it a speaker ("visit to" is not one).
    public var speakerBefore: [[String]] = []
    /// Verbs of speaking or judging that, within `speechWindow` tokens after a place name, make it
    /// a voice rather than the subject ("the United States is concerned that…", "Russia accused…").
    /// A sentence whose only names are voices falls back to the paragraph and article context.
    public var speechVerbs: Set<String> = []
    public var speechWindow: Int = 3
    /// "was", "were": before a verb of speech they make it passive ("were accused"), said of the name.
    public var passiveAuxiliaries: Set<String> = []
    /// "who", "which": before a verb of speech they open a relative clause, said by the people the
    /// name describes ("Eritrean officials who called for reforms"), who stay the subject.
    public var relativePronouns: Set<String> = []
    /// Words after a place name that make it the actor ("Nigerian security forces", "Russian court").
    public var actorWords: Set<String> = []
    /// Capitalised words that may follow a place name without making it an organisation's name
    /// ("Uzbek President", "Egyptian Interior Ministry").
    public var titleWords: Set<String> = []
    /// Words that are never a place name on their own ("the", "will", "court"): `rules check`
    /// refuses a country name, alias, demonym, city or leader alias that is one of them, or a
    /// single letter, unless the country marks it ambiguous.
    public var notPlaceNames: Set<String> = []
    /// Words that mark a headline announcing a review of a film, book or show ("Review: …",
    /// "The Long Yard review – …"): its sentences retell fiction or history.
    public var reviewMarkers: [String] = []
    /// Words before a marker that make it no review ("2025 in review").
    public var reviewNotAfter: Set<String> = []
    /// Words that end a clause: a negator's reach and a frame's parts stop at them ("but", "while").
    public var clauseWords: Set<String> = []
    /// Words that join the names of a list ("Kenya *and* Uganda", "as well as").
    public var listJoiningWords: Set<String> = []
    /// Words that may stand between the names of a bare list of countries continuing the sentence before.
    public var bareListJoints: Set<String> = []
    /// Words that may frame such a list ("They are…", "…among them").
    public var bareListFrame: Set<String> = []
    /// Prepositions that set a sentence in a place ("in", "across").
    public var locatives: Set<String> = []
    /// Words between such a preposition and the place ("the", "neighbouring").
    public var locativeFillers: Set<String> = []
    /// Articles before a name ("the Gambia", "a Kenyan activist").
    public var determiners: Set<String> = []
    /// Words before two names that make them a pair, not a list ("between Jordan and Israel").
    public var pairWords: Set<String> = []
    /// Words after a country name that make it a currency ("U.S. dollars").
    public var currencyWords: Set<String> = []
    /// A state's premises abroad ("embassy", "consulate"): something done inside one happened in
    /// the sending state's, not the host city's country.
    public var missionWords: Set<String> = []
    /// Currencies of one country each, by folded word ("taka", "tk" → BD): an article that names
    /// no country at all (a local paper writing for its own readers) is about the country whose
    /// currency it counts money in. Words of three letters or fewer are symbols ("Tk") and count
    /// only next to a number.
    public var nationalCurrencies: [NationalCurrency] = []
    /// Territories whose findings are reported under another country (Hong Kong → China).
    public var reportUnder: [CountryCode: CountryCode] = [:]
    public var confidence = AttributionConfidence()
    /// The ways of choosing a finding's country, in the order they are tried (`attribution`).
    public var attributionOrder: [AttributionMethod] = [.sentence, .list, .region, .paragraph, .headline, .dateline, .article]

    public init() {}
}

extension EngineSettingsReader {
    /// `attribution: [sentence, list, …]`: each name a strategy (an `AttributionMethod`), each once.
    /// Nil when the key is absent or wrong, which keeps the default order.
    static func attributionOrder(_ doc: inout YAMLDocument, _ node: Node?) -> [AttributionMethod]? {
        guard let node, let items = doc.sequence(node, key: "attribution") else { return nil }
        let known = AttributionMethod.allCases.map(\.rawValue)
        var order: [AttributionMethod] = []
        var valid = true
        for item in items {
            guard let name = doc.string(item, key: "attribution") else { valid = false; continue }
            guard let method = AttributionMethod(rawValue: name) else {
                let suggestion = YAMLDocument.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                doc.diagnostics.append(Diagnostic(.unknownAttributionStrategy, doc.location(item),
                                                  "attribution names '\(name)', which is no way of choosing a country\(suggestion); known: \(known.joined(separator: ", "))"))
                valid = false
                continue
            }
            if order.contains(method) {
                doc.diagnostics.append(Diagnostic(.unknownAttributionStrategy, doc.location(item), "attribution names '\(name)' twice"))
                valid = false
            }
            order.append(method)
        }
        if items.isEmpty {
            doc.diagnostics.append(Diagnostic(.unknownAttributionStrategy, doc.location(node), "attribution names no strategy: no finding could be given a country"))
            valid = false
        }
        return valid ? order : nil
    }
}

/// Confidence of each way of choosing a country.
public struct AttributionConfidence: Sendable, Equatable {
    public var sentence = 0.9
    public var list = 0.85
    public var paragraph = 0.7
    public var headline = 0.6
    public var dateline = 0.6
    public var article = 0.5
    public var region = 0.4
    public var ambiguous = 0.6
    /// Multiplied in when the match is denied or alleged.
    public var qualified = 0.9
}

/// A currency word of engine.yaml `places.national_currencies` and the one country it belongs to.
public struct NationalCurrency: Sendable, Equatable {
    /// Folded.
    public var word: String
    public var country: CountryCode
    /// Where it is written, for `rules check`.
    public var location: SourceLocation

    public init(word: String, country: CountryCode, location: SourceLocation) {
        self.word = word
        self.country = country
        self.location = location
    }

    /// A symbol ("Tk", "Rp") is short, and is a currency only as part of an amount.
    public var isSymbol: Bool { word.count <= 3 }
}
