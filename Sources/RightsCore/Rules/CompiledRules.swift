/// A rule's match in a sentence, token range `start ..< end` of the article's tokens.
public struct RuleMatch: Sendable, Equatable {
    public var rule: Int
    public var start: Int
    public var end: Int
}

/// A place name found in a sentence.
public struct PlaceMatch: Sendable, Equatable {
    public var place: Int
    public var start: Int
    public var end: Int
}

/// What one scan of a sentence finds: rule matches, exclusion matches and place names.
public struct SentenceScan: Sendable, Equatable {
    public var rules: [RuleMatch] = []
    public var exclusions: [RuleMatch] = []
    public var places: [PlaceMatch] = []
}

/// The rule set compiled once: every pattern, exclusion and place name in one `PhraseAutomaton`.
///
/// Built once per run and shared (read-only) by all analysis tasks.
public struct CompiledRules: Sendable {
    public let ruleSet: RuleSet
    public let rules: [PatternRule]
    public let exclusions: [ExclusionRule]
    public let places: [PlaceName]
    /// The exact words each rule is written with: a negator a rule names itself ("neither free
    /// nor fair") does not negate its own match.
    public let ruleWords: [Set<String>]
    let automaton: PhraseAutomaton

    public init(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        rules = ruleSet.patterns
        exclusions = ruleSet.exclusions
        places = ruleSet.gazetteer.names
        ruleWords = ruleSet.patterns.map { rule in
            Set(rule.pattern.elements.flatMap { $0.alternatives.flatMap { $0 } }.compactMap { term -> String? in
                if case let .exact(word) = term { return word } else { return nil }
            })
        }
        var automaton = PhraseAutomaton()
        for (index, rule) in rules.enumerated() { automaton.add(rule.pattern, payload: Int32(index)) }
        let exclusionBase = rules.count
        for (index, exclusion) in exclusions.enumerated() { automaton.add(exclusion.pattern, payload: Int32(exclusionBase + index)) }
        let placeBase = exclusionBase + exclusions.count
        for (index, place) in places.enumerated() {
            automaton.add(phrase: place.tokens, payload: Int32(placeBase + index), capitalized: true)
        }
        automaton.freeze()
        self.automaton = automaton
    }

    public var contentHash: String { ruleSet.contentHash }

    /// Scans `tokens` (one sentence) once.
    ///
    /// Place names must start with a capital in the text ("Turkey", not "turkey"), and where
    /// names overlap the longest wins ("Papua New Guinea" over "Guinea").
    public func scan(_ tokens: [Token], _ range: Range<Int>) -> SentenceScan {
        var scan = SentenceScan()
        let exclusionBase = rules.count
        let placeBase = exclusionBase + exclusions.count
        var placeMatches: [PlaceMatch] = []
        for match in automaton.matches(in: tokens[range]) {
            let payload = Int(automaton.entryPayload[match.entry])
            if payload < exclusionBase {
                scan.rules.append(RuleMatch(rule: payload, start: match.start, end: match.end))
            } else if payload < placeBase {
                scan.exclusions.append(RuleMatch(rule: payload - exclusionBase, start: match.start, end: match.end))
            } else if places[payload - placeBase].requiresCapitals
                        ? tokens[match.start ..< match.end].allSatisfy(\.isAllCaps) : tokens[match.start].isCapitalized {
                placeMatches.append(PlaceMatch(place: payload - placeBase, start: match.start, end: match.end))
            }
        }
        scan.rules = Self.unique(scan.rules)
        scan.exclusions = Self.unique(scan.exclusions)
        // Longest first, then leftmost; drop names inside a longer one.
        placeMatches.sort { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var taken: [PlaceMatch] = []
        for match in placeMatches where !taken.contains(where: { $0.start < match.end && match.start < $0.end && ($0.start != match.start || $0.end != match.end) }) {
            taken.append(match)
        }
        scan.places = taken.sorted { ($0.start, $0.place) < ($1.start, $1.place) }
        return scan
    }

    /// One match per rule and start (alternative readings of the same rule at the same place).
    private static func unique(_ matches: [RuleMatch]) -> [RuleMatch] {
        var seen = Set<Int>()
        var result: [RuleMatch] = []
        for match in matches {
            let key = match.rule &* 1_000_003 &+ match.start
            if seen.insert(key).inserted { result.append(match) }
        }
        return result
    }
}
