import Foundation
import Yams

/// Reads `rules/people.yaml` into a `PeopleLexicon`, reporting every problem with file, line and
/// column. `RuleSetLoader` calls it after the vocabulary, the engine's word lists and the
/// gazetteer, which the lexicon is built from too; the rule set carries the result (`RuleSet.people`).
enum PeopleLexiconReader {
    static let fileName = "people.yaml"

    static let keys = ["role_classes", "roles", "titles", "numbers", "name_particles", "organisation_words", "not_names",
                       "possessives", "source_before", "source_fillers", "speech_fillers", "pronouns", "locatives", "place_words"]

    static func read(_ doc: inout YAMLDocument, ruleSet: RuleSet) -> PeopleLexicon {
        var lexicon = PeopleLexicon()
        lexicon.speechVerbs = ruleSet.engine.speechVerbs
        lexicon.functionWords = ruleSet.engine.notPlaceNames
        lexicon.speakerAfter = Set(ruleSet.engine.speakerAfter.filter { $0.count == 1 }.map { $0[0] })
        lexicon.locatives = ruleSet.engine.locatives
        lexicon.determiners = ruleSet.engine.determiners
        for name in ruleSet.gazetteer.names where !name.isAmbiguous {
            lexicon.addPlace(name.tokens, cityOf: name.kind == .capital || name.kind == .city ? name.countries : nil)
        }
        guard let root = doc.root, let top = doc.mapping(root, what: fileName, known: keys) else { return lexicon }

        func words(_ key: String) -> [(String, Node)] {
            doc.strings(top[key]?.value, key: key).map { (Tokenizer.words($0.0).joined(separator: " "), $0.1) }
        }
        func addRole(_ phrase: [String], _ roleClass: String) {
            lexicon.addRole(phrase, roleClass: roleClass)
        }

        for (name, node) in doc.strings(top["role_classes"]?.value, key: "role_classes") {
            guard let entries = ruleSet.vocabulary.entries(of: name) else {
                let suggestion = ruleSet.vocabulary.closestName(to: name).map { "; did you mean '\($0)'?" } ?? ""
                doc.diagnostics.append(Diagnostic(.unknownClass, doc.location(node), "role_classes: no vocabulary class '\(name)'\(suggestion)"))
                continue
            }
            for entry in entries {
                var phrase: [String] = []
                for term in entry { if case let .exact(word) = term { phrase.append(word) } else { phrase = []; break } }
                // "organisers of the" introduces a group, not a name.
                guard let last = phrase.last, !ruleSet.engine.notPlaceNames.contains(last) else { continue }
                addRole(phrase, name)
            }
        }
        if let node = top["roles"]?.value, let classes = doc.mapping(node, what: "roles", known: Array(Set(node.mapping?.keys.compactMap(\.string) ?? []))) {
            for (roleClass, entry) in classes.sorted(by: { $0.key < $1.key }) {
                for (phrase, _) in doc.strings(entry.value, key: roleClass) { addRole(Tokenizer.words(phrase), roleClass) }
            }
        }
        lexicon.titles = Set(words("titles").map(\.0))
        lexicon.particles = Set(words("name_particles").map(\.0))
        lexicon.organisationWords = Set(words("organisation_words").map(\.0))
        lexicon.notNames = Set(words("not_names").map(\.0))
        lexicon.possessives = Set(words("possessives").map(\.0))
        lexicon.placeWords = Set(words("place_words").map(\.0))
        lexicon.sourceFillers = Set(words("source_fillers").map(\.0))
        lexicon.speechFillers = Set(words("speech_fillers").map(\.0))
        lexicon.pronouns = Set(words("pronouns").map(\.0))
        lexicon.locatives.formUnion(words("locatives").map(\.0))
        lexicon.sourceBefore = words("source_before").map { $0.0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
        if let node = top["numbers"]?.value, let numbers = doc.mapping(node, what: "numbers", known: Array(Set(node.mapping?.keys.compactMap(\.string) ?? []))) {
            for (word, entry) in numbers {
                guard let value = doc.integer(entry.value, key: word) else { continue }
                if value < 1 {
                    doc.diagnostics.append(Diagnostic(.outOfRange, doc.location(entry.value), "numbers: '\(word)' must stand for 1 or more"))
                    continue
                }
                lexicon.numbers[TextNormalizer.foldWord(word)] = value
            }
        }
        lexicon.indexWords()
        for key in ["titles", "organisation_words", "not_names"] where top[key] == nil {
            doc.diagnostics.append(Diagnostic(.missingKey, doc.location(root), "\(fileName) has no '\(key)'"))
        }
        return lexicon
    }
}
