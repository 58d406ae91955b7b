/// The words people extraction reads: role phrases with their class, titles, numbers, and what is
/// never a person. Built from `rules/people.yaml`, the rule set's vocabulary classes, its engine
/// word lists and its gazetteer, so that none of it is written in Swift.
public struct PeopleLexicon: Sendable, Equatable {
    /// Role phrases as folded tokens ("opposition leader" → ["opposition", "leader"]) → role class.
    var roles: [[String]: String] = [:]
    var longestRole = 1
    /// The longest role phrase starting with each word: most words start none, and are passed
    /// over with one look-up instead of one per phrase length.
    var roleStarts: [String: Int] = [:]
    var titles: Set<String> = []
    var numbers: [String: Int] = [:]
    var particles: Set<String> = []
    var organisationWords: Set<String> = []
    var notNames: Set<String> = []
    var possessives: Set<String> = []
    /// Phrases before a name that make it a source ("according to").
    var sourceBefore: [[String]] = []
    /// Verbs of speech after a name that make it a speaker (`speakers.verbs` of `engine.yaml`).
    var speechVerbs: Set<String> = []
    /// Function words (`not_place_names` of `engine.yaml`): never between a count and its role, and
    /// not counted when sentences are compared.
    var functionWords: Set<String> = []
    /// Every gazetteer name as folded tokens (places are not people).
    var placeNames: Set<[String]> = []
    var longestPlace = 1
    /// The longest gazetteer name starting with each word, as `roleStarts`.
    var placeStarts: [String: Int] = [:]
    /// The gazetteer's capitals and cities (where an event happened, for telling events apart).
    var cityNames: [[String]: Set<CountryCode>] = [:]
    /// Words after a place name that make it a speaker's seat ("Vilnius-based"), from `speakers.after` of `engine.yaml`.
    var speakerAfter: Set<String> = []
    /// Words before "of" that name a place after it ("the city of Aktobe").
    var placeWords: Set<String> = []
    /// Prepositions that set a sentence in a place ("in", "near").
    var locatives: Set<String> = []
    /// engine.yaml's determiners ("a", "the"): allowed before an apposition's role.
    var determiners: Set<String> = []
    /// Words allowed between a source word and the name it introduces, and between a name and its verb of speech.
    var sourceFillers: Set<String> = []
    var speechFillers: Set<String> = []
    /// Words opening a sentence that refer back to the person named before ("She was detained …").
    var pronouns: Set<String> = []

    /// What each listed word can start or be, made by `indexWords()` once the lists are read: a
    /// reader looks each token up once (`SentenceReader.facts`) instead of once per list.
    var facts: [String: WordFacts] = [:]
    /// The same, for the words a token holds packed (ASCII of up to 16 bytes, nearly all): looked up
    /// from the token's two words, without making a `String` and hashing it.
    var packedFacts: [PackedWord: WordFacts] = [:]

    public init() {}

    /// Fills `facts` from the lists; call after the last word is added.
    mutating func indexWords() {
        facts = [:]
        for (word, length) in roleStarts { facts[word, default: WordFacts()].roleLength = length }
        for (word, length) in placeStarts { facts[word, default: WordFacts()].placeLength = length }
        for word in titles { facts[word, default: WordFacts()].isTitle = true }
        for word in notNames { facts[word, default: WordFacts()].isNotName = true }
        for word in organisationWords { facts[word, default: WordFacts()].isOrganisation = true }
        for word in numbers.keys { facts[word, default: WordFacts()].isNumber = true }
        packedFacts = [:]
        for (word, fact) in facts { if let packed = Token.pack(word) { packedFacts[PackedWord(packed)] = fact } }
    }

    /// A token's lexicon facts.
    @inline(__always)
    func facts(of token: Token, in text: ScannedText) -> WordFacts? {
        if let packed = token.packedWord { return packedFacts[packed] }
        return facts[text.word(of: token)]
    }

    mutating func addRole(_ phrase: [String], roleClass: String) {
        guard let first = phrase.first, roles[phrase] == nil else { return }
        roles[phrase] = roleClass
        longestRole = max(longestRole, phrase.count)
        roleStarts[first] = max(roleStarts[first] ?? 0, phrase.count)
    }

    /// A gazetteer name; `city`: the countries of a capital or city name.
    mutating func addPlace(_ tokens: [String], cityOf countries: [CountryCode]?) {
        guard let first = tokens.first else { return }
        placeNames.insert(tokens)
        longestPlace = max(longestPlace, tokens.count)
        placeStarts[first] = max(placeStarts[first] ?? 0, tokens.count)
        if let countries { cityNames[tokens, default: []].formUnion(countries) }
    }

    /// No role word and no title: nothing could introduce a person (a rules folder without people.yaml).
    var namesNoOne: Bool { roles.isEmpty && titles.isEmpty }

    /// The role class of the role phrase starting at token `index` of `words`, and its length.
    /// (`SentenceReader.role(at:)` first asks the token's facts, which most tokens fail.)
    func role(at index: Int, in words: [String]) -> (phrase: String, roleClass: String, length: Int)? {
        guard let longest = roleStarts[words[index]] else { return nil }
        var length = min(longest, words.count - index)
        while length >= 1 {
            let phrase = Array(words[index ..< index + length])
            if let roleClass = roles[phrase] { return (phrase.joined(separator: " "), roleClass, length) }
            length -= 1
        }
        return nil
    }

    /// The length of the place name starting at token `index`, if one does.
    func placeLength(at index: Int, in words: [String]) -> Int? {
        guard let longest = placeStarts[words[index]] else { return nil }
        var length = min(longest, words.count - index)
        while length >= 1 {
            if placeNames.contains(Array(words[index ..< index + length])) { return length }
            length -= 1
        }
        return nil
    }

    /// The length of the capital or city name starting at token `index`, if one does.
    func cityLength(at index: Int, in words: [String]) -> Int? {
        guard let longest = placeStarts[words[index]] else { return nil }
        var length = min(longest, words.count - index)
        while length >= 1 {
            if cityNames[Array(words[index ..< index + length])] != nil { return length }
            length -= 1
        }
        return nil
    }

    /// The countries a capital or city name of that length at `index` belongs to.
    func cityCountries(at index: Int, length: Int, in words: [String]) -> Set<CountryCode> {
        cityNames[Array(words[index ..< index + length])] ?? []
    }

    /// The number a token stands for: digits ("12", at most 100 000) or a number word ("twelve").
    func number(_ word: String) -> Int? {
        if let value = numbers[word] { return value }
        guard word.count <= 6, word.allSatisfy(\.isASCII), let value = Int(word), value > 0 else { return nil }
        return value
    }
}

/// What a folded word is to the people rules: the longest role phrase and place name it starts
/// (0: none), and the lists it is on.
struct WordFacts: Sendable, Equatable {
    var roleLength = 0
    var placeLength = 0
    var isTitle = false
    var isNotName = false
    var isOrganisation = false
    /// A number word ("twelve"); digits are read by `PeopleLexicon.number`.
    var isNumber = false
}
