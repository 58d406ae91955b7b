/// One named word class of `rules/vocabulary/<name>.yaml`: the entries a pattern's `@name` stands for.
public struct VocabularyClass: Sendable, Equatable {
    public var name: String
    /// What the class is for, in one line.
    public var about: String
    /// Every entry once expanded (verb and noun forms generated, included classes inlined), each a
    /// run of adjacent terms.
    public var entries: [[PatternTerm]]
    /// For each expanded entry, what was written for it: "detain" for "detained", "@abduct" for an
    /// entry of an included class; `explain` shows it.
    public var origins: [String]
    /// The classes it includes (`@name` entries), directly.
    public var includes: [String]
    public var location: SourceLocation
}

/// The named word classes of a rule set, by name.
public struct Vocabulary: Sendable, Equatable {
    public private(set) var classes: [String: VocabularyClass] = [:]

    public init(_ classes: [VocabularyClass] = []) {
        for item in classes { self.classes[item.name] = item }
    }

    public var names: [String] { classes.keys.sorted() }

    public func entries(of name: String) -> [[PatternTerm]]? { classes[name]?.entries }

    public func closestName(to name: String) -> String? { YAMLDocument.closest(to: name, in: names) }

    /// What was written for the entry `words` of class `name` ("taken into custody", or "detain"
    /// for "detained"), if the entry is one of the class's.
    public func origin(of words: [PatternTerm], in name: String) -> String? {
        guard let item = classes[name], let index = item.entries.firstIndex(of: words) else { return nil }
        return item.origins[index]
    }
}

/// The regular forms of English verbs and nouns, so that a class lists `detain` once, not four times.
///
/// Irregular forms ("taken", "men") are written as plain entries; doubling ("kidnapped") too, as
/// it cannot be told from the spelling.
public enum WordForms {
    /// `detain` → detain, detains, detained, detaining. In a phrase the first word is inflected
    /// ("round up" → "rounded up").
    public static func verb(_ words: [String]) -> [[String]] {
        guard let head = words.first else { return [] }
        let rest = Array(words.dropFirst())
        return verbForms(head).map { [$0] + rest }
    }

    /// `journalist` → journalist, journalists. In a phrase the last word is inflected
    /// ("rights defender" → "rights defenders").
    public static func noun(_ words: [String]) -> [[String]] {
        guard let last = words.last else { return [] }
        let rest = Array(words.dropLast())
        return [words, rest + [plural(last)]]
    }

    static func verbForms(_ base: String) -> [String] {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        var past = base + "ed", gerund = base + "ing"
        if base.hasSuffix("ie") {
            past = base + "d"
            gerund = String(base.dropLast(2)) + "ying"
        } else if base.hasSuffix("ee") || base.hasSuffix("ye") || base.hasSuffix("oe") {
            past = base + "d"
        } else if base.hasSuffix("e") {
            past = base + "d"
            gerund = String(base.dropLast()) + "ing"
        } else if base.count > 1, base.hasSuffix("y"), !vowels.contains(base[base.index(base.endIndex, offsetBy: -2)]) {
            past = String(base.dropLast()) + "ied"
        }
        return [base, plural(base), past, gerund]
    }

    static func plural(_ word: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if ["s", "x", "z", "ch", "sh"].contains(where: { word.hasSuffix($0) }) { return word + "es" }
        if word.count > 1, word.hasSuffix("y"), !vowels.contains(word[word.index(word.endIndex, offsetBy: -2)]) {
            return String(word.dropLast()) + "ies"
        }
        return word + "s"
    }
}
