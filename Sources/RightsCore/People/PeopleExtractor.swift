/// Finds the people each sentence of an article names as its subject, by rules that can be tested
/// one by one:
///
/// - a role word before a name: "journalist Amina Yusuf", "opposition leader Ilya Sorin", "his
///   lawyer, Saule Mukhanova" (a possessive makes the person someone else's: not the subject);
/// - a name in apposition: "Amina Yusuf, 34, a reporter for …";
/// - a title before a name: "Dr. Ahmed Salem";
/// - a count before a role: "12 activists", "two local journalists";
/// - a name introduced anywhere in the article, referred to again by its full name or surname;
/// - "he"/"she" opening a sentence: the one person the sentence before in the paragraph named.
///
/// A name is a speaker, not a subject, when a verb of speech follows it ("Yusuf said", "Yusuf, a
/// lawyer, told reporters") or "said" or "according to" stands before it. A capitalised run with an
/// organisation word ("Human Rights Watch") or that is a gazetteer place is not a person. Every word
/// list is data (`PeopleLexicon`).
///
/// - Complexity: O(t) in the article's tokens; each look-around is bounded by a few tokens.
public struct PeopleExtractor: Sendable {
    public let lexicon: PeopleLexicon

    public init(lexicon: PeopleLexicon) {
        self.lexicon = lexicon
    }

    /// The people of every sentence of `text` (an article's cleaned text).
    public func read(_ text: String) -> ArticlePeople {
        read(TextScanner.scan(text))
    }

    /// The people of every sentence of an article already scanned.
    public func read(_ scanned: ScannedText) -> ArticlePeople {
        var people = SentencePeople(lexicon: lexicon, text: scanned)
        return ArticlePeople(sentences: scanned.sentences, people: scanned.sentences.indices.map { people.people(ofSentence: $0) })
    }
}

/// The people of an article's sentences, read only for the sentences asked about: what a finding
/// stores when it is made. A sentence's introductions (who it names by a role, an apposition or a
/// title) are read when asked for; a name that could be someone introduced elsewhere is looked up
/// among the introductions of the sentences that hold its last word, read then (the article's cast
/// of that word): most sentences of an article are never read.
///
/// - Complexity: O(t) in the article's tokens: a pass over the introducing sentences for each of
///   the first few distinct names asked about, then one for all; each sentence's introductions read once.
public struct SentencePeople: Sendable {
    let reader: SentenceReader
    /// What is known of each sentence so far, read when asked for (one array, not one per kind).
    private var states: [SentenceState]
    /// Sentences with a role or a title word, the only ones that introduce anyone: found at the
    /// first name looked up (many articles look up none).
    private var introducing: [Int]?
    /// The article's cast of the people whose name ends in a word, by that word.
    private var casts: [CastKey: Cast] = [:]
    /// The whole article's cast, made once `casts` has `castsBeforeWhole` words: each of those cost
    /// a pass over the introducing sentences, so an article naming thousands of people costs one.
    private var whole: Cast?
    static let castsBeforeWhole = 8
    /// Passes made over the introducing sentences so far (what the bound above keeps small).
    private(set) var castPasses = 0

    private struct SentenceState: Sendable {
        var introductions: [Introduction]?
        /// The people it names itself.
        var own: [PersonMention]?
        /// Its people, or the sentence before's for a "he"/"she" sentence that names no one.
        var resolved: [PersonMention]?
    }

    /// - Parameter marked: the text was read by `CompiledRules` built with `lexicon` (see `SentenceReader`).
    public init(lexicon: PeopleLexicon, text: ScannedText, marked: Bool = false) {
        reader = SentenceReader(lexicon: lexicon, text: text, marked: marked)
        states = Array(repeating: SentenceState(), count: text.sentences.count)
    }

    /// The people sentence `index` of the text names: its own, or for a sentence opening with
    /// "he"/"she" and naming no one, the one person the sentence before in its paragraph named.
    public mutating func people(ofSentence index: Int) -> [PersonMention] {
        guard states.indices.contains(index) else { return [] }
        if let known = states[index].resolved { return known }
        // Back through the sentences whose people are the one before's, then forward: no recursion
        // on a long paragraph of "He …" sentences.
        var first = index
        while first > 0, states[first - 1].resolved == nil, needsSentenceBefore(first) { first -= 1 }
        for current in first ... index {
            var found = ownPeople(current)
            if needsSentenceBefore(current), let before = states[current - 1].resolved ?? states[current - 1].own {
                let named = before.filter { $0.name != nil }
                if named.count == 1 { found = named }
            }
            states[current].resolved = found
        }
        return states[index].resolved ?? []
    }

    private mutating func introductions(of index: Int) -> [Introduction] {
        if let known = states[index].introductions { return known }
        let sentence = reader.text.sentences[index]
        let found = reader.mayIntroduce(sentence) ? reader.introductions(in: sentence) : []
        states[index].introductions = found
        return found
    }

    /// The person the article introduced by the name in tokens `run`: by this full name or,
    /// unambiguously, this surname. Everyone it could be is introduced in a sentence holding the
    /// name's last word, so the cast of the sentences that hold it answers as the whole article's
    /// would. The name's words are folded into strings only when that cast has anyone in it: most
    /// capitalised runs ("Police", a sentence's first word) are no one introduced.
    private mutating func introduced(_ run: Range<Int>) -> Introduction? {
        guard let lastToken = run.last else { return nil }
        let cast: Cast
        if let whole {
            cast = whole
        } else {
            let key = CastKey(reader.text, lastToken)
            if let known = casts[key] {
                cast = known
            } else if casts.count >= Self.castsBeforeWhole {
                var people: [Introduction] = []
                for sentence in introducingSentences() {
                    for person in introductions(of: sentence) where person.name != nil { people.append(person) }
                }
                castPasses += 1
                cast = Cast(people)
                whole = cast
            } else {
                cast = castHolding(lastToken)
                casts[key] = cast
            }
        }
        guard !cast.isEmpty else { return nil }
        return cast.find(run.map(reader.word))
    }

    /// The people introduced by name in the sentences holding token `lastToken`'s word.
    private mutating func castHolding(_ lastToken: Int) -> Cast {
        let tokens = reader.text.tokens
        // A token holds its word packed exactly when the word packs (`Token.pack(last)`): a packed
        // word is only in packed tokens, compared by their two words; any other only in spilled ones.
        let packed = tokens[lastToken].packedWord.map { ($0.low, $0.high) }
        let last = packed == nil ? reader.word(lastToken) : ""
        var people: [Introduction] = []
        for sentence in introducingSentences() {
            let range = reader.text.sentences[sentence].tokenRange
            let holds = if let packed {
                tokens[range].contains { $0.holds(packed) }
            } else {
                range.contains { tokens[$0].spill >= 0 && reader.text.word(of: tokens[$0]) == last }
            }
            if holds {
                for person in introductions(of: sentence) where person.name != nil { people.append(person) }
            }
        }
        castPasses += 1
        return Cast(people)
    }

    private mutating func introducingSentences() -> [Int] {
        if let introducing { return introducing }
        let reader = self.reader, sentences = reader.text.sentences
        let found = sentences.indices.filter { reader.mayIntroduce(sentences[$0]) }
        introducing = found
        return found
    }

    private mutating func ownPeople(_ index: Int) -> [PersonMention] {
        if let known = states[index].own { return known }
        let reader = self.reader
        let found = reader.mentions(in: reader.text.sentences[index], introductions: introductions(of: index)) { introduced($0) }
        states[index].own = found
        return found
    }

    /// Names no one itself, opens with "he"/"she", and follows a sentence of its paragraph.
    private mutating func needsSentenceBefore(_ index: Int) -> Bool {
        let sentences = reader.text.sentences
        return index > 0 && sentences[index].paragraph == sentences[index - 1].paragraph && ownPeople(index).isEmpty
            && reader.opensWithPronoun(sentences[index])
    }
}

/// The people of each sentence of one article.
public struct ArticlePeople: Sendable {
    let sentences: [Sentence]
    let people: [[PersonMention]]

    /// The people of the sentence that starts at `start` (a finding's `sentenceStart`), or of the
    /// sentence holding that offset.
    public func people(sentenceStart start: Int) -> [PersonMention] {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if start < sentences[mid].start { high = mid - 1 } else if start >= sentences[mid].end { low = mid + 1 } else { return people[mid] }
        }
        return []
    }

    /// Every person named anywhere in the article, each once.
    public var everyone: [PersonMention] {
        var seen = Set<PersonMention>()
        return people.joined().filter { seen.insert($0).inserted }
    }
}

/// A person introduced in a sentence, with where their name stands.
struct Introduction: Sendable {
    var name: String?
    var folded: [String]
    var tokens: Range<Int>
    var role: String?
    var roleClass: String?
    var count: Int?
    var isSpeaker: Bool
    /// Someone else's: "his lawyer", "her husband".
    var isRelation: Bool

    var mention: PersonMention { PersonMention(name: name, role: role, roleClass: roleClass, count: count) }
}

/// A cast's word: a token's folded word, by its packed bytes when it has them (no string made).
private enum CastKey: Hashable {
    case packed(PackedWord)
    case spilled(String)

    init(_ text: ScannedText, _ token: Int) {
        if let packed = text.tokens[token].packedWord { self = .packed(packed) } else { self = .spilled(text.word(token)) }
    }
}

/// The named people of an article, by full name and by surname.
struct Cast: Sendable {
    var byName: [[String]: Introduction] = [:]
    var bySurname: [String: [Introduction]] = [:]

    init(_ introductions: some Sequence<Introduction>) {
        for person in introductions {
            // The first introduction with a role gives the person's role.
            if let known = byName[person.folded], known.role != nil || person.role == nil { continue }
            byName[person.folded] = person
        }
        for person in byName.values where person.folded.count > 1 {
            bySurname[person.folded[person.folded.count - 1], default: []].append(person)
        }
    }

    var isEmpty: Bool { byName.isEmpty }

    func find(_ folded: [String]) -> Introduction? {
        if let person = byName[folded] { return person }
        if folded.count == 1, let people = bySurname[folded[0]], people.count == 1 { return people[0] }
        return nil
    }
}
