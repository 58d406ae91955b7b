import Foundation

/// The full consistency check behind `rightsbrief rules check`: everything the loader reports,
/// plus checks that need the whole rule set at once (duplicates, opposite polarity, shared
/// aliases, leader years, patterns that can never fire) and the rules' own examples.
///
/// Every problem is reported; nothing stops at the first.
public enum RulesChecker {
    /// Runs every rule's examples through the engine and reports those that fail (R034, R035).
    ///
    /// Passed in by the caller (`RuleExampleRunner.diagnostics`): running an example takes the
    /// analyser, a later layer than the rules, while the check stays one call with one ordering
    /// and one de-duplication of everything it reports.
    public typealias ExampleCheck = (RuleSet) -> [Diagnostic]

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var ruleSet: RuleSet?

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

        /// Errors and warnings per file, sorted by file.
        public var perFile: [(file: String, errors: Int, warnings: Int)] {
            Dictionary(grouping: diagnostics, by: \.location.file).map { file, items in
                (file, items.filter { $0.severity == .error }.count, items.filter { $0.severity == .warning }.count)
            }.sorted { $0.file < $1.file }
        }
    }

    public static func check(_ folder: URL, display: String? = nil, examples: ExampleCheck) -> Report {
        let loaded = RuleSetLoader.read(folder, display: display)
        var diagnostics = loaded.diagnostics
        if let rules = loaded.ruleSet {
            diagnostics += references(rules)
            diagnostics += duplicatePatterns(rules)
            diagnostics += unusedClasses(rules)
            diagnostics += repeatedAlternatives(rules)
            diagnostics += countries(rules)
            // Examples only make sense once the patterns themselves parse.
            if !loaded.diagnostics.contains(where: { $0.code == DiagnosticCode.patternSyntax.rawValue || $0.code == DiagnosticCode.yamlSyntax.rawValue }) {
                diagnostics += examples(rules)
            }
            diagnostics += missingExamples(rules)
            diagnostics += neverMatching(rules)
        }
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.description).inserted }
        return Report(diagnostics: diagnostics.sorted(by: RuleSetLoader.order), ruleSet: loaded.ruleSet)
    }

    static func references(_ rules: RuleSet) -> [Diagnostic] {
        let known = Set(rules.indicators.map(\.id))
        var diagnostics: [Diagnostic] = []
        for exclusion in rules.globalExclusions {
            for indicator in exclusion.scope where !known.contains(indicator) {
                let suggestion = YAMLDocument.closest(to: indicator.rawValue, in: known.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(Diagnostic(.unknownIndicator, exclusion.scopeLocation ?? exclusion.location,
                                              "names indicator '\(indicator)', which does not exist\(suggestion)", subject: exclusion.id.rawValue))
            }
        }
        return diagnostics
    }

    /// The same pattern twice (R032), or the same phrase in two indicators with opposite polarity (R033).
    static func duplicatePatterns(_ rules: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByText: [String: PatternRule] = [:]
        for rule in rules.patterns {
            let key = rule.pattern.description
            guard let first = firstByText[key] else { firstByText[key] = rule; continue }
            if first.indicator != rule.indicator && first.polarity != rule.polarity {
                diagnostics.append(Diagnostic(.oppositePolarity, rule.patternLocation,
                                              "the same phrase is \(first.polarity.rawValue) in \(first.id) (\(first.patternLocation)) but \(rule.polarity.rawValue) here",
                                              subject: rule.id.rawValue))
            } else if first.indicator == rule.indicator {
                diagnostics.append(Diagnostic(.duplicatePattern, rule.patternLocation,
                                              "the same pattern as \(first.id) (\(first.patternLocation)); remove one", subject: rule.id.rawValue))
            }
        }
        return diagnostics
    }

    /// The rules (patterns and exclusions) that name each class, by class name.
    public static func classUsers(_ rules: RuleSet) -> [String: [RuleID]] {
        var users: [String: [RuleID]] = [:]
        for rule in rules.patterns { for name in rule.pattern.classes { users[name, default: []].append(rule.id) } }
        for rule in rules.exclusions { for name in rule.pattern.classes { users[name, default: []].append(rule.id) } }
        return users
    }

    /// A class that no pattern, exclusion or other class uses (R061).
    static func unusedClasses(_ rules: RuleSet) -> [Diagnostic] {
        let used = Set(classUsers(rules).keys).union(rules.vocabulary.classes.values.flatMap(\.includes))
        return rules.vocabulary.names.filter { !used.contains($0) }.compactMap { name in
            rules.vocabulary.classes[name].map {
                Diagnostic(.unusedClass, $0.location, "class '@\(name)' is used by no pattern, exclusion or class; use it or remove it", subject: "@" + name)
            }
        }
    }

    /// The fewest alternatives of a written group that, repeated in another pattern, should be a class.
    static let repeatedListSize = 6

    /// A list of 6+ alternatives written out (not from a class) that is one list copied into two
    /// patterns (R066): the same list, or a copy that drifted -- at least 6 alternatives shared and
    /// a Jaccard similarity (shared over all) of 0.6 or more. Below that the lists are two lists
    /// that share common words ("arrested|detained|jailed" in a list of charges and one of
    /// sentences). One class would be changed in one place; copies drift apart.
    static func repeatedAlternatives(_ rules: RuleSet) -> [Diagnostic] {
        let leastShared = repeatedListSize
        let leastSimilarity = 0.6
        let shownDifferences = 8
        /// The groups of a pattern's text, each as its written alternatives; `@name` entries are not written lists.
        func writtenLists(_ source: String) -> [Set<String>] {
            var lists: [Set<String>] = []
            var rest = Substring(source)
            // Groups cannot nest (a syntax error), so each '(' closes at the next ')'.
            while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
                let words = rest[rest.index(after: open) ..< close].split(separator: "|")
                    .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }
                    .filter { !$0.isEmpty && !$0.hasPrefix("@") }
                let list = Set(words)
                if list.count >= repeatedListSize { lists.append(list) }
                rest = rest[rest.index(after: close)...]
            }
            return lists
        }
        func listed(_ words: Set<String>) -> String {
            let sorted = words.sorted()
            let shown = sorted.prefix(shownDifferences).map { "'\($0)'" }.joined(separator: ", ")
            return sorted.count > shownDifferences ? shown + " and \(sorted.count - shownDifferences) more" : shown
        }
        let all: [(RuleID, SourceLocation, String)] = rules.patterns.map { ($0.id, $0.patternLocation, $0.source) }
            + rules.exclusions.map { ($0.id, $0.location, $0.source) }
        var earlier: [(id: RuleID, location: SourceLocation, list: Set<String>)] = []
        var diagnostics: [Diagnostic] = []
        for (id, location, source) in all {
            let lists = writtenLists(source)
            var reported = false
            for list in lists where !reported {
                // The closest earlier list of another pattern, if it is the same list.
                let candidates = earlier.filter { $0.id != id }.map { other -> (Double, Int, (id: RuleID, location: SourceLocation, list: Set<String>)) in
                    let shared = list.intersection(other.list).count
                    return (Double(shared) / Double(list.union(other.list).count), shared, other)
                }
                guard let best = candidates.filter({ $0.1 >= leastShared && $0.0 >= leastSimilarity }).max(by: { $0.0 < $1.0 }) else { continue }
                let other = best.2
                let message: String
                if list == other.list {
                    message = "the same \(list.count) alternatives are written out in \(other.id) (\(other.location)); name them once in rules/vocabulary/ and write @name"
                } else {
                    let onlyHere = list.subtracting(other.list), onlyThere = other.list.subtracting(list)
                    let here = onlyHere.isEmpty ? "nothing" : listed(onlyHere)
                    let there = onlyThere.isEmpty ? "nothing" : listed(onlyThere)
                    message = "\(best.1) of these alternatives are also written out in \(other.id) (\(other.location)), a copy drifting from this list "
                        + "(only here: \(here); only there: \(there)); name the list once in rules/vocabulary/ and write @name"
                }
                diagnostics.append(Diagnostic(.repeatedAlternatives, location, message, subject: id.rawValue))
                reported = true
            }
            earlier += lists.map { (id, location, $0) }
        }
        return diagnostics
    }

    /// A name claimed by two countries must be marked ambiguous in both (R041); a leader's years
    /// may not overlap another holder of the same office of the same country (R042).
    static func countries(_ rules: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var claims: [String: [(country: Country, ambiguous: Bool)]] = [:]
        for country in rules.gazetteer.countries {
            var names = [country.name] + country.aliases + country.demonyms + country.capitals + country.cities
            for leader in country.leaders { names += [leader.name] + leader.aliases }
            for key in Set(names.map(Gazetteer.fold)) where !key.isEmpty {
                claims[key, default: []].append((country, country.ambiguous.contains(key)))
            }
        }
        for (name, owners) in claims.sorted(by: { $0.key < $1.key }) where owners.count > 1 && owners.contains(where: { !$0.ambiguous }) {
            let codes = owners.map(\.country.code.rawValue).joined(separator: ", ")
            for owner in owners where !owner.ambiguous {
                diagnostics.append(Diagnostic(.sharedAlias, owner.country.location,
                                              "'\(name)' is claimed by \(codes); mark it `ambiguous` in each of them, or keep it in one",
                                              subject: owner.country.code.rawValue))
            }
        }
        for country in rules.gazetteer.countries {
            for (office, leaders) in Dictionary(grouping: country.leaders, by: \.office) {
                let ordered = leaders.filter { $0.from != nil }.sorted { ($0.from!, $0.to ?? .max) < ($1.from!, $1.to ?? .max) }
                for (earlier, later) in zip(ordered, ordered.dropFirst()) {
                    let earlierEnd = earlier.to ?? .max
                    if later.from! < earlierEnd {
                        diagnostics.append(Diagnostic(.leaderOverlap, later.location,
                                                      "\(later.name) (\(office) from \(later.from!)) overlaps \(earlier.name) (\(earlier.from!)–\(earlier.to.map(String.init) ?? "now"))",
                                                      subject: country.code.rawValue))
                    }
                }
                for leader in leaders {
                    if let from = leader.from, let to = leader.to, to < from {
                        diagnostics.append(Diagnostic(.outOfRange, leader.location, "\(leader.name): 'to' \(to) is before 'from' \(from)", subject: country.code.rawValue))
                    }
                }
            }
        }
        return diagnostics
    }

    static func missingExamples(_ rules: RuleSet) -> [Diagnostic] {
        rules.patterns.compactMap { rule in
            if rule.examples.match.isEmpty && rule.examples.noMatch.isEmpty {
                return Diagnostic(.noExamples, rule.location, "no examples: add `examples: {match: [...], no_match: [...]}` so that `rules test` can check it", subject: rule.id.rawValue)
            }
            if rule.examples.match.isEmpty {
                return Diagnostic(.noExamples, rule.location, "no `match` example: add a sentence it must match", subject: rule.id.rawValue)
            }
            return nil
        }
    }

    /// A pattern one of whose exclusions is written inside it word for word can never produce a
    /// finding (R031): every sentence it matches also holds the exclusion.
    static func neverMatching(_ rules: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules.patterns {
            let required = requiredRuns(rule.pattern)
            for exclusion in rules.exclusions where exclusion.vetoes(rule.indicator) {
                guard let words = exactWords(exclusion.pattern) else { continue }
                if required.contains(where: { $0.containsRun(words) }) {
                    diagnostics.append(Diagnostic(.neverMatches, rule.patternLocation,
                                                  "can never produce a finding: exclusion \(exclusion.id) (\(exclusion.location)) matches wherever it does",
                                                  subject: rule.id.rawValue))
                }
            }
        }
        return diagnostics
    }

    /// Runs of adjacent single-word exact elements every match of the pattern contains, in
    /// whatever order its frame's parts come.
    static func requiredRuns(_ pattern: Pattern) -> [[String]] {
        let first = requiredRuns(pattern.sequences[0])
        return first.filter { run in pattern.sequences.dropFirst().allSatisfy { requiredRuns($0).contains { $0.containsRun(run) } } }
    }

    static func requiredRuns(_ elements: [PatternElement]) -> [[String]] {
        var runs: [[String]] = [[]]
        for element in elements {
            if element.maxGapBefore > 0 { runs.append([]) }
            if element.alternatives.count == 1, element.alternatives[0].allSatisfy({ if case .exact = $0 { return true } else { return false } }) {
                runs[runs.count - 1] += element.alternatives[0].map(\.description)
            } else {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// The words of a pattern made only of exact words without gaps or alternatives, else nil.
    static func exactWords(_ pattern: Pattern) -> [String]? {
        guard !pattern.hasFrame else { return nil }
        var words: [String] = []
        for element in pattern.elements {
            guard element.maxGapBefore == 0, element.alternatives.count == 1 else { return nil }
            for term in element.alternatives[0] {
                guard case let .exact(word) = term else { return nil }
                words.append(word)
            }
        }
        return words
    }
}

extension Array where Element == String {
    func containsRun(_ run: [String]) -> Bool {
        guard !run.isEmpty, run.count <= count else { return false }
        return (0 ... (count - run.count)).contains { Array(self[$0 ..< $0 + run.count]) == run }
    }
}
