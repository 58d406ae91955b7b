/// The words people extraction reads: role phrases with their class, titles, numbers, and what is
/// never a person. Built from `rules/people.yaml`, the rule set's vocabulary classes, its engine
/// word lists and its gazetteer, so that none of it is written in Swift.
public struct PeopleLexicon: Sendable, Equatable {
    /// Role phrases as folded tokens ("opposition leader" → ["opposition", "leader"]).
    var roles: [[String]: RolePhrase] = [:]
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
    /// The longest gazetteer name starting with each word: most words start none, and are passed
    /// over with one look-up instead of one per name length.
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

    /// What each listed word can start or be, made by `indexWords()` once the lists are read: the
    /// compiled rules mark each token with them, and a text read otherwise looks each token up
    /// once (`SentenceReader`) instead of once per list.
    var facts: [String: WordFacts] = [:]
    /// The same, for the words a token holds packed (ASCII of up to 16 bytes, nearly all): looked up
    /// from the token's two words, without making a `String` and hashing it.
    var packedFacts: [PackedWord: WordFacts] = [:]
    /// `roles` and `placeNames` word by word, made by `indexWords()`: a phrase is looked up from a
    /// text's tokens without making an array of each length tried.
    var roleTrie = PhraseTrie<RolePhrase>()
    var placeTrie = PhraseTrie<Bool>()

    public init() {}

    /// Fills `facts` from the lists; call after the last word is added.
    mutating func indexWords() {
        facts = [:]
        for phrase in roles.keys { if let first = phrase.first { facts[first, default: []].insert(.roleStart) } }
        for word in placeStarts.keys { facts[word, default: []].insert(.placeStart) }
        for word in titles { facts[word, default: []].insert(.title) }
        for word in notNames { facts[word, default: []].insert(.notName) }
        for word in organisationWords { facts[word, default: []].insert(.organisation) }
        for word in numbers.keys { facts[word, default: []].insert(.number) }
        for word in functionWords { facts[word, default: []].insert(.functionWord) }
        for word in possessives { facts[word, default: []].insert(.possessive) }
        for word in determiners { facts[word, default: []].insert(.determiner) }
        for word in particles { facts[word, default: []].insert(.particle) }
        for word in pronouns { facts[word, default: []].insert(.pronoun) }
        for word in sourceFillers { facts[word, default: []].insert(.sourceFiller) }
        for word in speechFillers { facts[word, default: []].insert(.speechFiller) }
        let singulars = roles.keys.map { ($0, singular(of: $0)) }
        for (phrase, singular) in singulars { roles[phrase]?.singular = singular }
        roleTrie = PhraseTrie()
        for (phrase, role) in roles { roleTrie.insert(phrase, role) }
        placeTrie = PhraseTrie()
        for phrase in placeNames { placeTrie.insert(phrase, true) }
        packedFacts = [:]
        for (word, fact) in facts { if let packed = Token.pack(word) { packedFacts[PackedWord(packed)] = fact } }
    }

    /// A token's lexicon facts, looked up (a text the compiled rules read has them in its tokens).
    @inline(__always)
    func facts(of token: Token, in text: ScannedText) -> WordFacts {
        if let packed = token.packedWord { return packedFacts[packed] ?? [] }
        return facts[text.word(of: token)] ?? []
    }

    mutating func addRole(_ phrase: [String], roleClass: String) {
        guard !phrase.isEmpty, roles[phrase] == nil else { return }
        roles[phrase] = RolePhrase(singular: phrase.joined(separator: " "), roleClass: roleClass)
    }

    /// A gazetteer name; `city`: the countries of a capital or city name.
    mutating func addPlace(_ tokens: [String], cityOf countries: [CountryCode]?) {
        guard let first = tokens.first else { return }
        placeNames.insert(tokens)
        placeStarts[first] = max(placeStarts[first] ?? 0, tokens.count)
        if let countries { cityNames[tokens, default: []].formUnion(countries) }
    }

    /// No role word and no title: nothing could introduce a person (a rules folder without people.yaml).
    var namesNoOne: Bool { roles.isEmpty && titles.isEmpty }

    /// "journalists" → "journalist" when the singular is a role too.
    func singular(of phrase: [String]) -> String {
        guard let last = phrase.last else { return "" }
        var parts = phrase
        for (suffix, replacement) in [("ies", "y"), ("es", ""), ("s", ""), ("men", "man")] where last.hasSuffix(suffix) {
            parts[parts.count - 1] = String(last.dropLast(suffix.count)) + replacement
            if roles[parts] != nil { return parts.joined(separator: " ") }
            parts[parts.count - 1] = last
        }
        return phrase.joined(separator: " ")
    }

    /// The longest role phrase starting at token `index` of `text`: the phrase (in the singular),
    /// its role class and its length. (`SentenceReader.role(at:)` first asks the token's facts,
    /// which most tokens fail.)
    func role(at index: Int, in text: ScannedText) -> (phrase: String, roleClass: String, length: Int)? {
        guard let (role, length) = roleTrie.longest(at: index, limit: text.tokens.count - index, in: text) else { return nil }
        return (role.singular, role.roleClass, length)
    }

    /// The length of the place name starting at token `index`, if one does.
    func placeLength(at index: Int, in words: [String]) -> Int? {
        placeTrie.longest(at: index, limit: words.count - index) { words[$0] }?.length
    }

    /// The same, over the tokens of `text`.
    func placeLength(at index: Int, in text: ScannedText) -> Int? {
        placeTrie.longest(at: index, limit: text.tokens.count - index, in: text)?.length
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

/// What a folded word is to the people rules: whether it starts a role phrase or a place name,
/// and the lists it is on. The bits are above the rules' own word classes (`WordClass`, the low
/// 16), so that the compiled rules note them on each token as it is read (`Token.classes`) and a
/// reader of that text tests a bit instead of looking the word up.
public struct WordFacts: OptionSet, Sendable, Equatable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    static let roleStart = WordFacts(rawValue: 1 << 16)
    static let placeStart = WordFacts(rawValue: 1 << 17)
    static let title = WordFacts(rawValue: 1 << 18)
    static let notName = WordFacts(rawValue: 1 << 19)
    static let organisation = WordFacts(rawValue: 1 << 20)
    /// A number word ("twelve"); digits are read by `PeopleLexicon.number`.
    static let number = WordFacts(rawValue: 1 << 21)
    static let functionWord = WordFacts(rawValue: 1 << 22)
    static let possessive = WordFacts(rawValue: 1 << 23)
    static let determiner = WordFacts(rawValue: 1 << 24)
    static let particle = WordFacts(rawValue: 1 << 25)
    static let pronoun = WordFacts(rawValue: 1 << 26)
    static let sourceFiller = WordFacts(rawValue: 1 << 27)
    static let speechFiller = WordFacts(rawValue: 1 << 28)
    /// Every bit a fact may use (`Token.classMask` leaves room for them).
    static let all = WordFacts(rawValue: 0x1FFF << 16)
}

/// A role phrase of `people.yaml`'s role classes.
struct RolePhrase: Sendable, Equatable {
    /// The phrase in the singular when that is a role too ("journalists" → "journalist"), else as written.
    var singular: String
    var roleClass: String
}

/// Phrases of folded words with a value each, looked up word by word: the longest phrase starting
/// at a token is found without making an array of words for each length tried.
struct PhraseTrie<Value: Sendable & Equatable>: Sendable, Equatable {
    private var children: [[String: Int32]] = [[:]]
    /// The same edges for the words a token holds packed (ASCII of up to 16 bytes, nearly all), by
    /// node: a token's word is then looked up without making its `String` and hashing it.
    private var packedChildren = PackedWordTable<Int32>()
    private var values: [Value?] = [nil]

    mutating func insert(_ phrase: [String], _ value: Value) {
        guard !phrase.isEmpty else { return }
        var node = 0
        for word in phrase {
            if let next = children[node][word] {
                node = Int(next)
            } else {
                children.append([:])
                values.append(nil)
                children[node][word] = Int32(children.count - 1)
                if let packed = Token.pack(word) { packedChildren.set(Int32(children.count - 1), for: PackedWord(packed), tag: Int32(node)) }
                node = children.count - 1
            }
        }
        values[node] = value
    }

    /// The node after `node` by the folded word of `token`. A token holds its word packed exactly
    /// when the word packs, so a packed token's word is among the packed edges if it is an edge
    /// at all; a spilled one is looked up by its string.
    @inline(__always)
    private func child(of node: Int, _ token: Token, in text: ScannedText) -> Int? {
        if let packed = token.packedWord { return packedChildren.value(packed, tag: Int32(node)).map(Int.init) }
        return children[node][text.word(of: token)].map(Int.init)
    }

    /// `longest(at:limit:word:)` over the tokens of `text`, read packed.
    func longest(at index: Int, limit: Int, in text: ScannedText) -> (value: Value, length: Int)? {
        longest(limit: limit) { node, length in child(of: node, text.tokens[index + length], in: text) }
    }

    /// The value of the one-word phrase that is token `index`'s word, if there is one.
    func value(ofWordAt index: Int, in text: ScannedText) -> Value? {
        guard let node = child(of: 0, text.tokens[index], in: text) else { return nil }
        return values[node]
    }

    /// The longest phrase of at most `limit` words starting at word `index`: its value and length.
    func longest(at index: Int, limit: Int, word: (Int) -> String) -> (value: Value, length: Int)? {
        longest(limit: limit) { node, length in children[node][word(index + length)].map(Int.init) }
    }

    /// The walk of both: `child(node, length)` is the node after `node` by the phrase's word at
    /// `length`, or nil.
    @inline(__always)
    private func longest(limit: Int, child: (Int, Int) -> Int?) -> (value: Value, length: Int)? {
        var node = 0, length = 0
        var best: (value: Value, length: Int)?
        while length < limit, let next = child(node, length) {
            node = next
            length += 1
            if let value = values[node] { best = (value, length) }
        }
        return best
    }
}
