/// A finding with what grouping compares: its article's source and day, the people its sentence
/// names, the places it is set in and its content words.
public struct IncidentEvidence: Sendable, Equatable {
    public var finding: Finding
    public var source: String?
    /// Publication day, `YYYY-MM-DD`.
    public var day: String?
    public var people: [PersonMention]
    /// Folded names of the towns and cities the sentence is set in (not its country: every finding
    /// of a group shares that).
    public var places: Set<String>
    /// The sentence's folded words, in order (a syndicated sentence repeats them exactly).
    public var words: [String]
    /// Its content words: no function words, no numbers.
    public var contentWords: Set<String>

    public init(finding: Finding, source: String?, day: String?, people: [PersonMention], places: Set<String>, words: [String],
                contentWords: Set<String>) {
        self.finding = finding
        self.source = source
        self.day = day
        self.people = people
        self.places = places
        self.words = words
        self.contentWords = contentWords
    }

    /// Named people, and counted groups as "12 media_worker".
    var identity: Set<String> {
        Set(people.compactMap { person in
            person.key ?? person.count.map { "\($0) \(person.roleClass ?? "")" }
        })
    }

    var names: [String] { people.compactMap(\.key) }
}

/// Makes the `IncidentEvidence` of an article's findings: the people each finding stored when it
/// was made, and the places and words of its sentence.
public struct IncidentEvidenceBuilder: Sendable {
    public let extractor: PeopleExtractor

    public init(extractor: PeopleExtractor) {
        self.extractor = extractor
    }

    /// - Parameter findings: findings of `article` (others are ignored).
    public func evidence(of article: Article, findings: [Finding]) -> [IncidentEvidence] {
        let mine = findings.filter { $0.articleID == article.id }
        guard !mine.isEmpty else { return [] }
        return mine.map { finding in
            let scanned = TextScanner.scan(finding.sentence)
            let reader = SentenceReader(lexicon: extractor.lexicon, text: scanned)
            let words = reader.words
            return IncidentEvidence(finding: finding, source: article.source, day: article.published?.day,
                                    people: finding.people, places: places(reader, country: finding.country),
                                    words: words, contentWords: contentWords(words))
        }
    }

    func contentWords(_ words: [String]) -> Set<String> {
        Set(words.filter { $0.count > 2 && !extractor.lexicon.functionWords.contains($0) && Int($0) == nil })
    }

    /// Cities and capitals of the gazetteer, and a capitalised name after "in", "near", "outside"
    /// ("in Gebze", "in the western city of Aktobe") that is no country and no organisation. A
    /// dateline in capitals ("ALMATY —") says where the story was filed, not where it happened;
    /// a city of another country or a speaker's seat ("Vilnius-based") is not the place either.
    func places(_ reader: SentenceReader, country: CountryCode) -> Set<String> {
        let lexicon = extractor.lexicon
        let words = reader.words
        let tokens = reader.text.tokens
        var found = Set<String>()
        var index = 0
        while index < words.count {
            if !(tokens[index].isAllCaps && words[index].count > 1), let length = lexicon.cityLength(at: index, in: words) {
                // A city of another country, or a speaker's seat ("Vilnius-based"), is not where it happened.
                let isSeat = index + length < words.count && lexicon.speakerAfter.contains(words[index + length])
                if lexicon.cityCountries(at: index, length: length, in: words).contains(country), !isSeat {
                    found.insert(words[index ..< index + length].joined(separator: " "))
                }
                index += length
                continue
            }
            if lexicon.locatives.contains(words[index]) {
                var start = index + 1
                // "in the western Kazakh city of Aktobe"
                if let of = (start ..< min(words.count, start + 6)).first(where: { words[$0] == "of" }), of > start,
                   lexicon.placeWords.contains(words[of - 1]) {
                    start = of + 1
                }
                if start < words.count, let run = reader.nameRun(at: start, end: words.count), reader.kind(of: run) == .person,
                   lexicon.placeLength(at: run.lowerBound, in: words) == nil {
                    found.insert(words[run].joined(separator: " "))
                    index = run.upperBound
                    continue
                }
            }
            index += 1
        }
        return found
    }
}
