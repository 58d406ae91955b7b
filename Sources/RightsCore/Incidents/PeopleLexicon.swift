/// The words people extraction reads: role phrases with their class, titles, numbers, and what is
/// never a person. Built from `rules/people.yaml`, the rule set's vocabulary classes, its engine
/// word lists and its gazetteer, so that none of it is written in Swift.
public struct PeopleLexicon: Sendable, Equatable {
    /// Role phrases as folded tokens ("opposition leader" → ["opposition", "leader"]) → role class.
    var roles: [[String]: String] = [:]
    var longestRole = 1
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
    /// The gazetteer's capitals and cities (where an event happened, for telling events apart).
    var cityNames: [[String]: Set<CountryCode>] = [:]
    /// Words after a place name that make it a speaker's seat ("Vilnius-based"), from `speakers.after` of `engine.yaml`.
    var speakerAfter: Set<String> = []
    /// Words before "of" that name a place after it ("the city of Aktobe").
    var placeWords: Set<String> = []
    /// Prepositions that set a sentence in a place ("in", "near").
    var locatives: Set<String> = []

    public init() {}

    /// The role class of the role phrase starting at token `index` of `words`, and its length.
    func role(at index: Int, in words: [String]) -> (phrase: String, roleClass: String, length: Int)? {
        var length = min(longestRole, words.count - index)
        while length >= 1 {
            let phrase = Array(words[index ..< index + length])
            if let roleClass = roles[phrase] { return (phrase.joined(separator: " "), roleClass, length) }
            length -= 1
        }
        return nil
    }

    /// The length of the place name starting at token `index`, if one does.
    func placeLength(at index: Int, in words: [String]) -> Int? {
        var length = min(longestPlace, words.count - index)
        while length >= 1 {
            if placeNames.contains(Array(words[index ..< index + length])) { return length }
            length -= 1
        }
        return nil
    }

    /// The length of the capital or city name starting at token `index`, if one does.
    func cityLength(at index: Int, in words: [String]) -> Int? {
        var length = min(longestPlace, words.count - index)
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
