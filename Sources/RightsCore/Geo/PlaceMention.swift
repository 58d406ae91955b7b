/// A place name found in an article, with its role.
public struct PlaceMention: Sendable, Equatable {
    public var place: PlaceName
    /// Token range in the article.
    public var start: Int
    public var end: Int
    public var sentence: Int
    public var paragraph: Int
    /// Part of a speaker phrase ("U.S.-based", "a US official said"): not the subject.
    public var isSpeaker: Bool
    /// Followed by an actor word ("Nigerian security forces").
    public var isActor: Bool
    /// Part of an organisation's name ("Palestine Action"): not the subject.
    public var isOrganisation = false
    /// The first half of a dual nationality ("Swedish" in "a Swedish-Iranian researcher"): not the subject.
    public var isOtherNationality = false
    /// Where a state's embassy or consulate stands, when the mission is where something happened
    /// ("Istanbul" in "killed in the Saudi consulate in Istanbul"): the mission is the scene, and it
    /// is the sending state's; the host city is its address, not the subject.
    public var isMissionSeat = false
    /// In the dateline ("(Beirut) –"): where the report was filed, used only as article context.
    public var isDateline = false
    /// After "in", "inside", "across"… ("detained in Tanzania"): where something happened.
    public var isLocative = false
    /// The first word of its sentence (after "the" at most): usually the sentence's subject.
    public var opensSentence = false
    /// After "between" ("talks between Jordan and Israel") or before a hyphen ("British-Egyptian"): one
    /// side of a pair, not the head of a list.
    public var isRelation = false
    /// The text as written.
    public var text: String
    /// The place's first country: its only one unless it is a region. Kept here with the two
    /// flags below, so that reading them does not touch the place, which every analysis task shares.
    public let country: CountryCode
    public let isRegion: Bool
    public let isAmbiguous: Bool

    public init(place: PlaceName, start: Int, end: Int, sentence: Int, paragraph: Int, isSpeaker: Bool, isActor: Bool, text: String) {
        self.place = place
        self.start = start
        self.end = end
        self.sentence = sentence
        self.paragraph = paragraph
        self.isSpeaker = isSpeaker
        self.isActor = isActor
        self.text = text
        country = place.countries.first ?? CountryCode("")
        isRegion = place.kind == .region
        isAmbiguous = place.isAmbiguous
    }

    public var countries: [CountryCode] { place.countries }
}

/// What the whole article says about places, used when a sentence names none.
public struct ArticleContext: Sendable, Equatable {
    /// Countries named unambiguously anywhere (title included), in order of first mention: they
    /// make ambiguous names count.
    public var supported: [CountryCode] = []
    public var headline: [CountryCode] = []
    /// Countries the opening paragraph names (see `CountryAttributor.lead`).
    public var lead: [CountryCode] = []
    public var dateline: CountryCode?
    /// Most-mentioned country (speaker mentions not counted), if any.
    public var main: CountryCode?
    /// When the article names no country as its subject and `main` is the country of the currency
    /// it counts money in: that currency (`CountryAttributor.currencyCountry`).
    public var mainCurrency: NationalCurrency?
    /// Subject mentions per country, in order of first mention.
    public var counts: [CountryCount] = []

    /// How many subject mentions `country` has.
    public func count(of country: CountryCode) -> Int {
        counts.first { $0.country == country }?.count ?? 0
    }
}

/// How often an article names a country as a subject.
public struct CountryCount: Sendable, Equatable {
    public var country: CountryCode
    public var count: Int

    public init(country: CountryCode, count: Int) {
        self.country = country
        self.count = count
    }
}
