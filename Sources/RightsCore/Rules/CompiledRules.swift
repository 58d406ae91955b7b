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

/// What the scans of an article's sentences found, in three lists for the whole article; each
/// sentence's share is a range of each. (Three arrays per sentence were most of the allocations
/// of an article.)
public struct ArticleScan: Sendable {
    public var rules: [RuleMatch] = []
    public var exclusions: [RuleMatch] = []
    public var places: [PlaceMatch] = []
    /// One per sentence scanned, in order.
    public var sentences: [Share] = []

    public struct Share: Sendable {
        public var rules: Range<Int>
        public var exclusions: Range<Int>
        public var places: Range<Int>
    }

    public init() {}
}

/// What analysis asks of a pattern rule for each match, without copying the rule: plain values.
struct RuleFacts: Sendable {
    /// Index in `CompiledRules.indicators`, whose order is the ids' order.
    var indicator: Int
    var severity: Int
    var polarity: Polarity
    /// Position of the rule's id among all ids, sorted.
    var rank: Int
    /// The rule has an order-free frame, whose parts must share a clause.
    var hasFrame: Bool
}

/// Classes of words the engine asks about (rules/engine.yaml), noted on each token as it is read
/// so that the analysis tests a bit instead of hashing a word.
public struct WordClass: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let negator = WordClass(rawValue: 1 << 0)
    public static let exhortationModal = WordClass(rawValue: 1 << 1)
    public static let negationBreaker = WordClass(rawValue: 1 << 2)
    public static let denial = WordClass(rawValue: 1 << 3)
    public static let hedge = WordClass(rawValue: 1 << 4)
    public static let clauseWord = WordClass(rawValue: 1 << 5)
    public static let actor = WordClass(rawValue: 1 << 6)
    public static let title = WordClass(rawValue: 1 << 7)
    public static let speechVerb = WordClass(rawValue: 1 << 8)
    /// First word of a speaker phrase that follows a name ("officials" in "US officials said").
    public static let speakerAfterFirst = WordClass(rawValue: 1 << 9)
    /// Last word of a speaker phrase that precedes a name ("of" in "Secretary of").
    public static let speakerBeforeLast = WordClass(rawValue: 1 << 10)
    public static let listWord = WordClass(rawValue: 1 << 11)
    /// "in", "across"… before a place where something happened.
    public static let locative = WordClass(rawValue: 1 << 12)
    /// "the", "neighbouring"… between such a preposition and the place.
    public static let locativeFiller = WordClass(rawValue: 1 << 13)
    public static let between = WordClass(rawValue: 1 << 14)
    /// "dollar", "dollars": after a country name ("U.S. dollars") it makes a currency.
    public static let currency = WordClass(rawValue: 1 << 15)
    // Bits 16 to 28 are the people rules' facts (`WordFacts`); 29 is the last a token keeps.
    /// "access", "bail": after a denial word, what was refused ("denied access to a lawyer").
    public static let deprivation = WordClass(rawValue: 1 << 29)
    /// Every class, for the test that a token has room for them all.
    static let all: WordClass = [.negator, .exhortationModal, .negationBreaker, .denial, .hedge, .clauseWord, .actor, .title, .speechVerb,
                                 .speakerAfterFirst, .speakerBeforeLast, .listWord, .locative, .locativeFiller, .between, .currency, .deprivation]
}

extension Token {
    @inline(__always)
    public func `is`(_ wordClass: WordClass) -> Bool { classes & wordClass.rawValue != 0 }
}

/// A text read for these rules: tokens and sentences, and the atoms of each token.
public struct PreparedText: Sendable {
    public var scanned: ScannedText
    let atoms: TokenAtoms

    public var tokens: [Token] { scanned.tokens }
    public var sentences: [Sentence] { scanned.sentences }
}

/// The rule set compiled once: every pattern, exclusion and place name in one `PhraseAutomaton`.
///
/// Built once per run and shared (read-only) by all analysis tasks.
public final class CompiledRules: Sendable {
    public let ruleSet: RuleSet
    public let rules: [PatternRule]
    public let exclusions: [ExclusionRule]
    public let places: [PlaceName]
    /// The exact words each rule is written with: a negator a rule names itself ("neither free
    /// nor fair") does not negate its own match.
    public let ruleWords: [Set<String>]
    /// The indicators of the rules, sorted by id.
    let indicators: [IndicatorID]
    /// Per rule, in `rules` order.
    let ruleFacts: [RuleFacts]
    let automaton: PhraseAutomaton
    /// engine.yaml `deprivation_followers`, packed as tokens hold them (no class bit is left for them;
    /// they are asked about only next to a denial word).
    let deprivationFollowers: [(UInt64, UInt64)]

    public init(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        rules = ruleSet.patterns
        exclusions = ruleSet.exclusions
        places = ruleSet.gazetteer.names
        ruleWords = ruleSet.patterns.map { rule in
            Set(rule.pattern.sequences.flatMap { $0.flatMap { $0.alternatives.flatMap { $0 } } }.compactMap { term -> String? in
                if case let .exact(word) = term { return word } else { return nil }
            })
        }
        let patterns = ruleSet.patterns
        let indicators = Set(patterns.map(\.indicator)).sorted()
        self.indicators = indicators
        var ranks = [Int](repeating: 0, count: patterns.count)
        for (rank, rule) in patterns.indices.sorted(by: { patterns[$0].id < patterns[$1].id }).enumerated() { ranks[rule] = rank }
        ruleFacts = patterns.indices.map { index in
            RuleFacts(indicator: indicators.firstIndex(of: patterns[index].indicator)!, severity: patterns[index].severity,
                      polarity: patterns[index].polarity, rank: ranks[index], hasFrame: patterns[index].pattern.hasFrame)
        }
        var automaton = PhraseAutomatonBuilder()
        for (index, rule) in rules.enumerated() { automaton.add(rule.pattern, payload: Int32(index)) }
        let exclusionBase = rules.count
        for (index, exclusion) in exclusions.enumerated() { automaton.add(exclusion.pattern, payload: Int32(exclusionBase + index)) }
        let placeBase = exclusionBase + exclusions.count
        for (index, place) in places.enumerated() {
            automaton.add(phrase: place.tokens, payload: Int32(placeBase + index), capitalized: true)
        }
        let settings = ruleSet.engine
        let classes: [(Set<String>, WordClass)] = [
            (settings.negators, .negator), (settings.exhortationModals, .exhortationModal), (settings.negationBreakers, .negationBreaker),
            (settings.denials, .denial), (settings.hedges, .hedge), (settings.clauseWords, .clauseWord),
            (settings.actorWords, .actor), (settings.titleWords, .title), (settings.speechVerbs, .speechVerb),
            (Set(settings.speakerAfter.compactMap(\.first)), .speakerAfterFirst), (Set(settings.speakerBefore.compactMap(\.last)), .speakerBeforeLast),
            (settings.listJoiningWords, .listWord),
            (settings.locatives, .locative), (settings.locativeFillers, .locativeFiller), (settings.pairWords, .between), (settings.currencyWords, .currency),
            (settings.deprivations, .deprivation),
        ]
        for (words, wordClass) in classes {
            for word in words { automaton.addWordClass(word, wordClass.rawValue) }
        }
        // The people rules' facts too, so that reading the people of a finding's sentence tests
        // bits of the tokens instead of looking each word of the article up.
        for (word, facts) in ruleSet.people.facts { automaton.addWordClass(word, facts.rawValue) }
        self.automaton = automaton.build()
        deprivationFollowers = settings.deprivationFollowers.sorted().compactMap(Token.pack)
    }

    public var contentHash: String { ruleSet.contentHash }

    /// Reads `text` once: tokens, sentences, and for each token the rule atoms and word classes it has.
    /// `cache`: words seen before by the same analysis task (never share one between tasks).
    public func prepare(_ text: String, cache: WordCache? = nil) -> PreparedText {
        var collector = automaton.atomCollector(cache: cache, expectedTokens: text.utf8.count / 6)
        let scanned = TextScanner.scan(text, visitor: &collector)
        return PreparedText(scanned: scanned, atoms: collector.atoms)
    }

    /// Scans tokens `range` (one sentence) of a prepared text once. Each rule is one automaton
    /// entry, so a rule matches at most once per start.
    ///
    /// Place names must start with a capital in the text ("Turkey", not "turkey"), and where
    /// names overlap the longest wins ("Papua New Guinea" over "Guinea").
    public func scan(_ text: PreparedText, _ range: Range<Int>) -> SentenceScan {
        var found: [PhraseMatch] = []
        var scratch = MatchScratch()
        var article = ArticleScan()
        scan(text, range, matches: &found, scratch: &scratch, into: &article)
        return SentenceScan(rules: article.rules, exclusions: article.exclusions, places: article.places)
    }

    /// The same, for the next sentence of an article: its matches are added to `article`, with
    /// their share. `found` and `scratch` are buffers the caller reuses from sentence to sentence.
    public func scan(_ text: PreparedText, _ range: Range<Int>, matches found: inout [PhraseMatch], scratch: inout MatchScratch,
                     into article: inout ArticleScan) {
        let first = (rules: article.rules.count, exclusions: article.exclusions.count, places: article.places.count)
        defer {
            article.sentences.append(ArticleScan.Share(rules: first.rules ..< article.rules.count, exclusions: first.exclusions ..< article.exclusions.count,
                                                       places: first.places ..< article.places.count))
        }
        let tokens = text.scanned.tokens
        found.removeAll(keepingCapacity: true)
        automaton.matches(text.atoms, tokens: tokens, range: range, into: &found, scratch: &scratch)
        guard !found.isEmpty else { return }
        let exclusionBase = rules.count
        let placeBase = exclusionBase + exclusions.count
        for match in found {
            let payload = Int(automaton.payload(of: match.entry))
            if payload < exclusionBase {
                article.rules.append(RuleMatch(rule: payload, start: match.start, end: match.end))
            } else if payload < placeBase {
                article.exclusions.append(RuleMatch(rule: payload - exclusionBase, start: match.start, end: match.end))
            } else if places[payload - placeBase].requiresCapitals
                        ? tokens[match.start ..< match.end].allSatisfy(\.isAllCaps) : tokens[match.start].isCapitalized,
                      !isCurrencyPrefix(text.scanned, tokens[match.end - 1], next: match.end) {
                article.places.append(PlaceMatch(place: payload - placeBase, start: match.start, end: match.end))
            }
        }
        let names = first.places ..< article.places.count
        guard names.count > 1 else { return }
        let overlap = names.contains { one in
            names.contains { other in
                let (a, b) = (article.places[one], article.places[other])
                return a.start < b.end && b.start < a.end && (a.start != b.start || a.end != b.end)
            }
        }
        if !overlap {
            // Usually so ("Police in Kenya and Uganda"): nothing to drop, only the order to make sure of.
            article.places[names].sort { ($0.start, $0.place) < ($1.start, $1.place) }
        } else {
            // Longest first, then leftmost; drop names inside a longer one.
            let candidates = article.places[first.places...].sorted { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
            var taken: [PlaceMatch] = []
            for match in candidates where !taken.contains(where: { $0.start < match.end && match.start < $0.end && ($0.start != match.start || $0.end != match.end) }) {
                taken.append(match)
            }
            article.places.replaceSubrange(first.places..., with: taken.sorted { ($0.start, $0.place) < ($1.start, $1.place) })
        }
    }

    /// "US$700", "HK$5", "1,500 U.S. dollars": a name written against a dollar sign, or before
    /// "dollar(s)", is a currency, not a place.
    private func isCurrencyPrefix(_ text: ScannedText, _ last: Token, next: Int) -> Bool {
        if last.utf8End < text.utf8.count && text.utf8[last.utf8End] == UInt8(ascii: "$") { return true }
        return next < text.tokens.count && text.tokens[next].is(.currency)
    }
}
