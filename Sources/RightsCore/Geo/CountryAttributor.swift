/// The countries a piece of evidence is about, how they were chosen, and how sure we are.
public struct Attribution: Sendable, Equatable {
    public var country: CountryCode
    public var method: AttributionMethod
    /// Why the country was chosen, kept in parts for a name of the sentence (most findings): the
    /// finding's attribution text is then written once, not its detail first and then the whole.
    var reason: AttributionReason
    public var confidence: Double

    init(country: CountryCode, method: AttributionMethod, detail: String, confidence: Double) {
        self.init(country: country, method: method, reason: .text(detail), confidence: confidence)
    }

    init(country: CountryCode, method: AttributionMethod, reason: AttributionReason, confidence: Double) {
        self.country = country
        self.method = method
        self.reason = reason
        self.confidence = confidence
    }

    /// "method: detail", with ", HK reported under CN" when the country is reported under `sovereign`.
    func text(reportedUnder sovereign: CountryCode?) -> String {
        let under = sovereign.map { (country.rawValue, " reported under ", $0.rawValue) }
        switch reason {
        case let .name(name, kind):
            if let under {
                return joinedText(method.rawValue, ": '", name, "' (", kind.rawValue, "), ", under.0, under.1, under.2)
            }
            return joinedText(method.rawValue, ": '", name, "' (", kind.rawValue, ")")
        case let .text(detail):
            if let under { return joinedText(method.rawValue, ": ", detail, ", ", under.0, under.1, under.2) }
            return joinedText(method.rawValue, ": ", detail)
        }
    }
}

/// An attribution's detail: a name of the sentence and its kind ("'Kazakhstan' (name)"), or a text.
enum AttributionReason: Sendable, Equatable {
    case name(String, PlaceKind)
    case text(String)
}

/// Decides which country a matched sentence is about (see DESIGN.md, "Country attribution").
///
/// Order (engine.yaml `attribution`, each a strategy of AttributionStrategies.swift): names in the
/// sentence (nearest to the evidence, actors preferred, with the rest of a list it stands in), a
/// region word, then the paragraph, the headline, the dateline, and the country the article is
/// about. Speakers ("U.S.-based Human Rights Watch", "a US official said") are
/// never the subject. Ambiguous names count only when the article names the country
/// unambiguously too. A region word stands for the article's main country when it is a member.
public final class CountryAttributor: Sendable {
    public let settings: EngineSettings
    public let gazetteer: Gazetteer

    /// Speaker phrases by their first word (after a name) and last word (before a name), so a
    /// mention is checked against the few phrases that could apply, not all of them.
    let speakerAfterByFirst: PhraseIndex
    let speakerBeforeByLast: PhraseIndex
    /// engine.yaml `places.determiners`, packed as tokens hold short words.
    private let packedDeterminers: [(UInt64, UInt64)]
    /// engine.yaml's passive auxiliaries ("was", "were"…) packed the same way: one follows a verb of
    /// speech after most names in news ("said"), and the word's string need not be made for it.
    private let packedPassiveAuxiliaries: [(UInt64, UInt64)]
    /// engine.yaml's relative pronouns ("who", "which"), packed the same way.
    private let packedRelativePronouns: [(UInt64, UInt64)]
    /// engine.yaml `attribution`: the strategies in the order they are tried.
    let order: [AttributionMethod]
    /// engine.yaml `places.mission_words`, the premises of a state abroad ("the Saudi consulate in
    /// Istanbul", see `markMissionSeats`), packed as tokens hold short words.
    private let packedMissionWords: [(UInt64, UInt64)]
    /// engine.yaml `places.national_currencies`, each packed when it is short ASCII (nil: compared as a string).
    private let currencies: [(packed: (UInt64, UInt64)?, currency: NationalCurrency)]

    public init(settings: EngineSettings, gazetteer: Gazetteer) {
        self.settings = settings
        self.gazetteer = gazetteer
        speakerAfterByFirst = PhraseIndex(settings.speakerAfter.filter { !$0.isEmpty }, keyedBy: { $0[0] }, adjacentOffset: 1)
        speakerBeforeByLast = PhraseIndex(settings.speakerBefore.filter { !$0.isEmpty }, keyedBy: { $0[$0.count - 1] }, adjacentOffset: -1)
        packedDeterminers = settings.determiners.sorted().compactMap { Token.pack($0) }
        packedPassiveAuxiliaries = settings.passiveAuxiliaries.sorted().compactMap { Token.pack($0) }
        packedRelativePronouns = settings.relativePronouns.sorted().compactMap { Token.pack($0) }
        order = settings.attributionOrder
        packedMissionWords = settings.missionWords.sorted().compactMap { Token.pack($0) }
        currencies = settings.nationalCurrencies.map { (Token.pack($0.word), $0) }
    }

    /// The one country whose currency `text` counts money in (engine.yaml
    /// `places.national_currencies`), for an article that names no country at all: nil when it
    /// names none or the currencies of two countries. A symbol ("Tk") counts only next to a number
    /// ("Tk 25 lakh"); a currency's name ("taka") alone.
    private func currencyCountry(_ text: ScannedText) -> NationalCurrency? {
        guard !currencies.isEmpty else { return nil }
        func isNumber(_ index: Int) -> Bool {
            guard index >= 0, index < text.tokens.count else { return false }
            return text.utf8[text.tokens[index].utf8Start] &- UInt8(ascii: "0") < 10
        }
        var found: NationalCurrency?
        for (index, token) in text.tokens.enumerated() {
            guard let entry = currencies.first(where: { entry in
                if let packed = entry.packed { return token.holds(packed) }
                return token.spill >= 0 && text.word(index) == entry.currency.word
            }) else { continue }
            if entry.currency.isSymbol, !isNumber(index - 1), !isNumber(index + 1) { continue }
            if let found, found.country != entry.currency.country { return nil }
            if found == nil { found = entry.currency }
        }
        return found
    }

    /// Marks speakers and actors among raw place matches of one sentence.
    ///
    /// `text` must have been read by the compiled rules (`CompiledRules.prepare`): speaker, actor
    /// and title words are known by their `WordClass`.
    public func mentions(_ scan: ArraySlice<PlaceMatch>, places: [PlaceName], text: ScannedText, sentenceRange: Range<Int>,
                         sentence: Int, paragraph: Int) -> [PlaceMention] {
        var mentions: [PlaceMention] = []
        self.mentions(scan, places: places, text: text, sentenceRange: sentenceRange, sentence: sentence, paragraph: paragraph, into: &mentions)
        return mentions
    }

    /// The same, appended to `all` (the mentions of the sentences before, kept in one array).
    public func mentions(_ scan: ArraySlice<PlaceMatch>, places: [PlaceName], text: ScannedText, sentenceRange: Range<Int>,
                         sentence: Int, paragraph: Int, into all: inout [PlaceMention]) {
        let tokens = text.tokens
        // Counted only for a name followed by a capitalised word (few).
        var titleCase: Bool?
        func isTitleCase() -> Bool {
            if let titleCase { return titleCase }
            var capitalized = 0
            for index in sentenceRange where tokens[index].isCapitalized { capitalized += 1 }
            let found = capitalized * 3 >= sentenceRange.count * 2
            titleCase = found
            return found
        }
        let first = all.count
        for match in scan {
            // "in Tanzania", "in the Gambia", "in neighbouring Niger", "in central Mali".
            var before = match.start - 1
            while before > sentenceRange.lowerBound, tokens[before].is(.locativeFiller) { before -= 1 }
            let isLocative = before >= sentenceRange.lowerBound && tokens[before].is(.locative)
            var mention = PlaceMention(place: places[match.place], start: match.start, end: match.end, sentence: sentence, paragraph: paragraph,
                                       isSpeaker: isSpeaker(match, isLocative: isLocative, tokens: tokens, text: text, sentenceRange: sentenceRange),
                                       isActor: match.end < sentenceRange.upperBound && tokens[match.end].is(.actor),
                                       text: text.text(tokens: match.start ..< match.end))
            mention.isLocative = isLocative
            // "Russia was holding thirty journalists": a name that opens the sentence is its subject.
            mention.opensSentence = match.start == sentenceRange.lowerBound
                || (match.start == sentenceRange.lowerBound + 1 && isDeterminer(tokens[sentenceRange.lowerBound]))
            // "trade between Jordan and Israel": a relation between two countries, not a list of subjects.
            mention.isRelation = match.start > sentenceRange.lowerBound && tokens[match.start - 1].is(.between)
            // "British-Egyptian blogger": the first half of a hyphenated pair does not head a list.
            if match.end < sentenceRange.upperBound, scan.contains(where: { $0.start == match.end }),
               tokens[match.end - 1].utf8End < text.utf8.count, text.utf8[tokens[match.end - 1].utf8End] == UInt8(ascii: "-") {
                mention.isRelation = true
                // "a Swedish-Iranian researcher on death row": of a dual nationality, the second
                // half is the one in question; the first is a nationality held elsewhere.
                if mention.place.kind == .demonym, let next = scan.first(where: { $0.start == match.end }),
                   places[next.place].kind == .demonym {
                    mention.isOtherNationality = true
                }
            }
            // "Palestine Action", "Nazarbaev University": a name followed by another capitalised word
            // (not a place, title or actor) is part of an organisation's name; a possessive is not
            // ("Mexico's Guerrero state", "Russia's Memorial": the country's own).
            if match.end < sentenceRange.upperBound, tokens[match.end].isCapitalized, !scan.contains(where: { $0.start == match.end }),
               !Self.isPossessive(tokens[match.end - 1], in: text),
               !tokens[match.end].is(.actor), !tokens[match.end].is(.title),
               tokens[match.end - 1].end == tokens[match.end].start - 1 || text.utf8[tokens[match.end - 1].utf8End] == UInt8(ascii: " "),
               !isTitleCase() {
                mention.isOrganisation = true
            }
            // Moved in, not copied (a copy retains its place and its text).
            all.append(consume mention)
        }
        // A list shares its role: "criticized by the European Union and the United States".
        if all.count - first > 1 {
            for index in first + 1 ..< all.count where Self.isListJoint(all[index - 1], all[index], tokens) {
                if all[index - 1].isSpeaker { all[index].isSpeaker = true }
            }
            for index in (first + 1 ..< all.count).reversed() where Self.isListJoint(all[index - 1], all[index], tokens) {
                if all[index].isSpeaker && !all[index - 1].isActor { all[index - 1].isSpeaker = true }
            }
        }
        markMissionSeats(first ..< all.count, in: &all, tokens: tokens, sentenceRange: sentenceRange)
    }

    /// "Khashoggi was killed in the Saudi consulate in Istanbul", "held inside the Uzbek embassy in
    /// Moscow", "tortured in its consulate in Ankara": when something happens inside a state's
    /// embassy or consulate (engine.yaml's locatives before it), the mission is the scene and it is
    /// the sending state's; the place after it is only the mission's address (a seat, not usable),
    /// and the name of the sending state before the mission word is the actor, even where "embassy"
    /// made it a voice. A mission that is a landmark, a target or a voice changes nothing: "a protest
    /// at the Chinese embassy in London", "rioters broke into the US embassy in Baghdad", "the Saudi
    /// embassy in London said".
    private func markMissionSeats(_ range: Range<Int>, in all: inout [PlaceMention], tokens: [Token], sentenceRange: Range<Int>) {
        for index in range {
            let seat = all[index]
            let mission = seat.start - 2
            guard mission > sentenceRange.lowerBound, tokens[seat.start - 1].is(.locative),
                  packedMissionWords.contains(where: { tokens[mission].holds($0) }) else { continue }
            // The sending state's name right before the mission word, if any.
            let sender = range.lowerBound ..< index
            let named = sender.last { all[$0].end == mission }
            // Before the mission (and its state's name): an article, at most one possessor word
            // ("its", "the kingdom's"), then the preposition that puts the event inside it.
            func isInside(_ position: Int) -> Bool { tokens[position].is(.locative) }
            var position = (named.map { all[$0].start } ?? mission) - 1
            while position >= sentenceRange.lowerBound, isDeterminer(tokens[position]) { position -= 1 }
            if named == nil, position >= sentenceRange.lowerBound, !isInside(position) {
                position -= 1
                while position >= sentenceRange.lowerBound, isDeterminer(tokens[position]) { position -= 1 }
            }
            guard position >= sentenceRange.lowerBound, isInside(position) else { continue }
            all[index].isMissionSeat = true
            if let named {
                all[named].isSpeaker = false
                all[named].isActor = true
                all[named].isLocative = true
            }
        }
    }

    /// Whether a token is written with a possessive 's ("Mexico's"): the tokenizer drops it from
    /// the word, not from the token's span.
    static func isPossessive(_ token: Token, in text: ScannedText) -> Bool {
        let end = token.utf8End, utf8 = text.utf8
        guard end - token.utf8Start >= 3, utf8[end - 1] | 0x20 == UInt8(ascii: "s") else { return false }
        if utf8[end - 2] == UInt8(ascii: "'") { return true }
        // U+2019 RIGHT SINGLE QUOTATION MARK, E2 80 99 in UTF-8.
        return end - token.utf8Start >= 5 && utf8[end - 4] == 0xE2 && utf8[end - 3] == 0x80 && utf8[end - 2] == 0x99
    }

    /// `isLocative`: the name follows a locative preposition ("in central Mali").
    private func isSpeaker(_ match: PlaceMatch, isLocative setIn: Bool, tokens: [Token], text: ScannedText, sentenceRange: Range<Int>) -> Bool {
        func follows(_ phrase: Int, of index: PhraseIndex, at position: Int) -> Bool {
            guard position >= sentenceRange.lowerBound, position + index.wordCount(phrase) <= sentenceRange.upperBound else { return false }
            return index.isRead(phrase, in: text, at: position)
        }
        if match.end < sentenceRange.upperBound, tokens[match.end].is(.speakerAfterFirst),
           speakerAfterByFirst.contains(keyedBy: match.end, in: text, sentence: sentenceRange, where: { follows($0, of: speakerAfterByFirst, at: match.end) }) {
            return true
        }
        func isLocative(_ position: Int) -> Bool {
            position >= sentenceRange.lowerBound && tokens[position].is(.locative)
        }
        // "pressure from the United States", "modelled on a US law": an article between the phrase
        // and the name is allowed.
        let skip = match.start > sentenceRange.lowerBound && isDeterminer(tokens[match.start - 1]) ? 1 : 0
        var gap = 0
        while gap <= skip {
            if match.start - gap - 1 >= sentenceRange.lowerBound, tokens[match.start - gap - 1].is(.speakerBeforeLast) {
                // "in neighbouring Tajikistan, an activist was jailed": a one-word phrase after "in" sets the scene.
                let key = match.start - gap - 1
                let found = speakerBeforeByLast.contains(keyedBy: key, in: text, sentence: sentenceRange) { phrase in
                    let length = speakerBeforeByLast.wordCount(phrase)
                    return follows(phrase, of: speakerBeforeByLast, at: key + 1 - length) && !(length == 1 && isLocative(key - 1))
                }
                if found { return true }
            }
            gap += 1
        }
        // "In Cambodia, the groups said, authorities jailed…", "in central Mali, residents said": the
        // place the sentence is set in is its subject, whoever speaks after it.
        if setIn || isLocative(match.start - 1 - skip) { return false }
        let window = match.end ..< min(sentenceRange.upperBound, match.end + settings.speechWindow)
        for index in window {
            // "Eritrean officials who called for reforms have been held…": a verb of speech in a
            // relative clause is said by the people the name describes, who stay its subject.
            if isOneOf(index, settings.relativePronouns, packed: packedRelativePronouns, text) { return false }
            // "Cambodian police were accused of beating…": a verb of speech in the passive is said of
            // the name, which is then the subject.
            if tokens[index].is(.speechVerb)
                && !(index > match.end && isOneOf(index - 1, settings.passiveAuxiliaries, packed: packedPassiveAuxiliaries, text)) { return true }
        }
        return false
    }

    /// The article-wide context from every mention: the title's, then the body's, sentence after
    /// sentence. `text`, the article's: when it names no country at all (a local paper writing for
    /// its own readers), the currency it counts money in says where it is.
    public func context(title: [PlaceMention], body: [PlaceMention], datelineEnd: Int?, text: ScannedText) -> ArticleContext {
        // An article names a handful of countries: short arrays searched in order cost less than
        // hashing each code of each mention, and keep the first-seen order for ties. Mentions are
        // read in place, by index: a copy of one retains its place, shared by every task.
        var supported: [CountryCode] = []
        supported.reserveCapacity(8)
        for index in title.indices where !title[index].isAmbiguous && !title[index].isRegion {
            if !supported.contains(title[index].country) { supported.append(title[index].country) }
        }
        for index in body.indices where !body[index].isAmbiguous && !body[index].isRegion {
            if !supported.contains(body[index].country) { supported.append(body[index].country) }
        }
        // Subject mentions per country, in order of first mention.
        var counted: [CountryCount] = []
        counted.reserveCapacity(supported.count)
        var dateline: CountryCode?
        for index in body.indices {
            if datelineEnd != nil, dateline == nil, body[index].isDateline, !body[index].isRegion { dateline = body[index].country }
            guard Self.isSubject(body[index], supported: supported) else { continue }
            let code = body[index].country
            if let position = counted.firstIndex(where: { $0.country == code }) { counted[position].count += 1 } else { counted.append(CountryCount(country: code, count: 1)) }
        }
        var context = ArticleContext()
        for index in title.indices where Self.isSubject(title[index], supported: supported) && !context.headline.contains(title[index].country) {
            context.headline.append(title[index].country)
        }
        context.lead = Self.lead(body, supported: supported)
        context.main = Self.main(counted: counted, headline: context.headline, lead: context.lead, dateline: dateline)
        if counted.isEmpty, context.headline.isEmpty, dateline == nil, let currency = currencyCountry(text) {
            context.main = currency.country
            context.mainCurrency = currency
        }
        context.supported = supported
        context.counts = counted
        context.dateline = dateline
        return context
    }

    /// Whether a mention counts for the article's subject: not a speaker, region (so its country
    /// is its only one), organisation or other nationality, and if ambiguous, backed by `supported`.
    @inline(__always)
    static func isSubject(_ mention: borrowing PlaceMention, supported: [CountryCode]) -> Bool {
        !mention.isSpeaker && !mention.isRegion && !mention.isOrganisation && !mention.isOtherNationality && !mention.isMissionSeat
            && (!mention.isAmbiguous || supported.contains(mention.country))
    }

    /// The countries the opening of the body names: the subject names of the first paragraph, among
    /// the first three, that has any (the first may be a byline or the headline repeated).
    static func lead(_ body: [PlaceMention], supported: [CountryCode]) -> [CountryCode] {
        var lead: [CountryCode] = []
        var paragraph: Int?
        for index in body.indices where isSubject(body[index], supported: supported) {
            if paragraph == nil {
                guard body[index].paragraph < 3 else { return lead }
                paragraph = body[index].paragraph
            }
            guard body[index].paragraph == paragraph else { return lead }
            if !lead.contains(body[index].country) { lead.append(body[index].country) }
        }
        return lead
    }

    /// What the article is about. The headline says it; else, unless the article spreads over three
    /// or more countries with none named in a third of the mentions (a ranking, a global report:
    /// then none), the opening paragraph when it names one or two countries, else the most mentioned.
    /// Mention counts (the dateline counting two) only break ties among the countries named, so an
    /// article about one country's bill that compares it at length with a neighbour's law stays
    /// about the first.
    static func main(counted: [CountryCount], headline: [CountryCode], lead: [CountryCode], dateline: CountryCode?) -> CountryCode? {
        var scores = counted
        if let dateline {
            if let position = scores.firstIndex(where: { $0.country == dateline }) { scores[position].count += 2 } else { scores.append(CountryCount(country: dateline, count: 2)) }
        }
        func score(_ code: CountryCode) -> Int { scores.first { $0.country == code }?.count ?? 0 }
        // The highest score; the first named wins a tie.
        func best(_ named: [CountryCode]) -> CountryCode? {
            var chosen: (code: CountryCode, score: Int)?
            for code in named {
                let value = score(code)
                if chosen == nil || value > chosen!.score { chosen = (code, value) }
            }
            return chosen?.code
        }
        if !headline.isEmpty { return best(headline) }
        var top: CountryCount?, total = 0
        for entry in scores {
            total += entry.count
            if top == nil || entry.count > top!.count { top = entry }
        }
        guard let top else { return nil }
        if scores.count >= 3 && top.count * 3 < total { return nil }
        // An opening that lists three or more countries introduces a comparison, not a subject.
        if (1 ... 2).contains(lead.count) { return best(lead) }
        return top.country
    }

    /// Whether `mention` may be the subject of evidence: not a speaker, region, organisation,
    /// dateline or other nationality, and if ambiguous, backed by the article.
    static func isUsable(_ mention: PlaceMention, context: ArticleContext) -> Bool {
        if mention.isSpeaker || mention.isRegion || mention.isOrganisation || mention.isDateline || mention.isOtherNationality || mention.isMissionSeat { return false }
        if mention.place.isAmbiguous && !mention.countries.allSatisfy(context.supported.contains) { return false }
        return true
    }

    /// Adds the mentions of the next sentence of a paragraph to what `paragraph` remembers of it.
    /// - Complexity: O(mentions of the sentence), and O(1) once the paragraph has named the main country.
    public func note(_ mentions: ArraySlice<PlaceMention>, context: ArticleContext, in paragraph: inout ParagraphNames) {
        guard !paragraph.isComplete, !mentions.isEmpty else { return }
        // Most sentences change nothing: the list of usable names is made only when it is kept.
        var anyUsable = false, namesMain = false
        for index in mentions.indices where Self.isUsable(mentions[index], context: context) {
            anyUsable = true
            if mentions[index].countries.contains(where: { $0 == context.main }) {
                namesMain = true
                break
            }
        }
        guard anyUsable else { return }
        if paragraph.first.isEmpty { paragraph.first = mentions }
        if namesMain { paragraph.withMain = mentions }
    }

    /// Countries for evidence at tokens `evidence` of a sentence whose places are `sentenceMentions`;
    /// `paragraph` holds what the sentences before it in its paragraph named (see
    /// ``note(_:context:in:)``). The strategies run in engine.yaml's `attribution` order.
    public func attribute<Trace: AttributionTrace>(evidence: Range<Int>, tokens: [Token], sentenceMentions: ArraySlice<PlaceMention>,
                                                   paragraph: ParagraphNames, context: ArticleContext, trace: inout Trace) -> [Attribution] {
        var search = AttributionSearch(confidence: settings.confidence)
        let place = EvidencePlace(evidence: evidence, tokens: tokens, sentenceMentions: sentenceMentions)
        /// Runs `strategy` unless the evidence is placed and it does not add to that; false to stop.
        func run<Strategy: AttributionStrategy>(_ strategy: Strategy.Type) -> Bool {
            if search.isPlaced && !Strategy.extendsChoice { return false }
            Strategy.apply(place, paragraph: paragraph, context: context, to: &search, trace: &trace)
            return true
        }
        for method in order {
            let ran: Bool
            switch method {
            case .sentence: ran = run(SentenceStrategy.self)
            case .list: ran = run(ListStrategy.self)
            case .region: ran = run(RegionStrategy.self)
            case .paragraph: ran = run(ParagraphStrategy.self)
            case .headline: ran = run(HeadlineStrategy.self)
            case .dateline: ran = run(DatelineStrategy.self)
            case .article: ran = run(ArticleStrategy.self)
            }
            if !ran { break }
        }
        if !search.isPlaced { trace.attributionStep("no country anywhere: no finding") }
        return search.chosen
    }

    /// Whether token `index` is one of `words` (an engine.yaml list, `packed` as tokens hold short
    /// words): compared packed; a word too long or not ASCII to be held in its token (`spill`) is
    /// compared as a string.
    private func isOneOf(_ index: Int, _ words: Set<String>, packed: [(UInt64, UInt64)], _ text: ScannedText) -> Bool {
        let token = text.tokens[index]
        guard token.spill < 0 else { return words.contains(text.word(index)) }
        return packed.contains { token.holds($0) }
    }

    /// Whether `token` is an article of engine.yaml's `places.determiners` ("the", "a"): compared
    /// packed, without building the token's string.
    private func isDeterminer(_ token: Token) -> Bool {
        packedDeterminers.contains { token.holds($0) }
    }

    /// Two mentions are in one list when only list words stand between them (commas are not tokens).
    static func isListJoint(_ first: PlaceMention, _ second: PlaceMention, _ tokens: [Token]) -> Bool {
        guard first.sentence == second.sentence, second.start >= first.end, second.start - first.end <= 3 else { return false }
        return tokens[first.end ..< second.start].allSatisfy { $0.is(.listWord) }
    }

    /// The positions in `ordered` of the list the mention at `position` stands in (itself alone if
    /// none): "Saudi Arabia, Qatar and the UAE". One side of a pair ("between Jordan and Israel",
    /// "British-Egyptian") does not join a list.
    static func listSpan(around position: Int, in ordered: [PlaceMention], _ tokens: [Token]) -> Range<Int> {
        var first = position, last = position
        while first > 0, !ordered[first - 1].isRelation, isListJoint(ordered[first - 1], ordered[first], tokens) { first -= 1 }
        while last + 1 < ordered.count, !ordered[last].isRelation, isListJoint(ordered[last], ordered[last + 1], tokens) { last += 1 }
        return first ..< last + 1
    }
}

/// What a paragraph named before the sentence being attributed, kept as the sentences are read:
/// a sentence without a usable name of its own goes to the paragraph's first name of the article's
/// main country, else to its first usable name, with the list that name stands in. Only the
/// mentions of those two sentences are kept (slices of the article's mentions, not copies), so
/// attributing every sentence of a long paragraph stays linear in its length (it once gathered all
/// earlier mentions for each sentence).
public struct ParagraphNames: Sendable {
    /// The mentions of the paragraph's first sentence that has a usable one (`isUsable`; the
    /// others are left out when they are read).
    var first: ArraySlice<PlaceMention> = []
    /// The mentions of its first sentence with a usable one of the article's main country.
    var withMain: ArraySlice<PlaceMention> = []
    /// The country of the numbered list heading above the paragraph ("2. Esraa Abdel Fattah
    /// (Egypt)"), for a paragraph that names no usable country itself.
    public var heading: ArraySlice<PlaceMention> = []

    public init() {}

    /// Whether the paragraph has named the article's main country: later sentences change nothing.
    var isComplete: Bool { !withMain.isEmpty }
}

/// Where a piece of evidence stands: its tokens, and the names of its sentence.
struct EvidencePlace {
    let evidence: Range<Int>
    let tokens: [Token]
    let sentenceMentions: ArraySlice<PlaceMention>
}

/// What the attribution strategies have chosen for one piece of evidence. What they look at (the
/// sentence's names, the paragraph, the article's context) is passed to each, not copied in here.
struct AttributionSearch {
    let confidence: AttributionConfidence
    var chosen: [Attribution] = []
    /// Whether a strategy has placed the evidence: only those that add to its choice run after.
    var isPlaced = false
    /// The sentence's usable names in text order, and the one `sentence` chose: for `list`.
    var sentenceChoice: (ordered: [PlaceMention], nearest: PlaceMention)?

    /// Chooses the countries of a name of the sentence, each once.
    mutating func choose(_ mention: PlaceMention, _ method: AttributionMethod) {
        var value = method == .sentence ? confidence.sentence : confidence.list
        if mention.place.isAmbiguous { value = min(value, confidence.ambiguous) }
        add(mention, method, confidence: value) { .name(mention.text, mention.place.kind) }
    }

    /// Chooses each country of `mention` not chosen yet; `reason` is made only for those.
    mutating func add(_ mention: PlaceMention, _ method: AttributionMethod, confidence value: Double, reason: () -> AttributionReason) {
        for code in mention.countries where !chosen.contains(where: { $0.country == code }) {
            chosen.append(Attribution(country: code, method: method, reason: reason(), confidence: value))
        }
    }
}

/// Phrases grouped by one of their words, looked up by a token of the text without building its string.
///
/// A class with flat tables: a phrase is a number, its words a range of `words`, and a lookup
/// returns ranges of phrase numbers. Reading a phrase copies nothing, so nothing shared by the
/// analysis tasks is retained for each place name (on two cores those counts were fought over).
///
/// Within a key word's phrases, those with a word next to the key ("based in", "exiled in", "told
/// reporters in": most place names follow "in") are found by that word too, so only the phrases
/// that can be there are read.
final class PhraseIndex: Sendable {
    /// The phrases of one key word: `all`, of which `unpaired` (one word, or the word next to the
    /// key does not pack) come first, then those found by the word next to the key.
    private struct Group: Sendable, Equatable {
        var all: Range<Int>
        var unpaired: Range<Int>
    }

    /// The words of every phrase, folded, one phrase after the other.
    private let words: [String]
    /// `Token.pack` of each of `words`; nil for a word too long or not ASCII (compared as a string).
    private let packedWords: [(UInt64, UInt64)?]
    /// Phrase `i` is `words[wordStarts[i] ..< wordStarts[i + 1]]`.
    private let wordStarts: [Int]
    /// The phrases of each key word, by number (those of one key are numbered together).
    private let byPacked: PackedWordTable<Group>
    /// Keys that do not pack (long or not ASCII): looked up by the token's folded string.
    private let byWord: [String: Group]
    /// The paired phrases of a group with one word next to the key, by that word packed and the
    /// group's first phrase number.
    private let byAdjacent: PackedWordTable<Range<Int>>
    /// Where the word next to the key stands: -1 (before it) or 1 (after it).
    let adjacentOffset: Int

    /// `adjacentOffset`: -1 for phrases keyed by their last word, 1 for phrases keyed by their first.
    init(_ phrases: [[String]], keyedBy key: ([String]) -> String, adjacentOffset: Int) {
        func adjacent(_ phrase: [String]) -> (UInt64, UInt64)? {
            guard phrase.count >= 2 else { return nil }
            return Token.pack(adjacentOffset < 0 ? phrase[phrase.count - 2] : phrase[1])
        }
        var keys: [String] = []
        var grouped: [String: [[String]]] = [:]
        for phrase in phrases {
            let word = key(phrase)
            if grouped[word] == nil { keys.append(word) }
            grouped[word, default: []].append(phrase)
        }
        var words: [String] = [], wordStarts: [Int] = [0]
        var byPacked = PackedWordTable<Group>(), byWord: [String: Group] = [:]
        var byAdjacent = PackedWordTable<Range<Int>>()
        for word in keys {
            let first = wordStarts.count - 1
            func number(_ phrase: [String]) {
                words += phrase
                wordStarts.append(words.count)
            }
            let members = grouped[word]!
            for phrase in members where adjacent(phrase) == nil { number(phrase) }
            let unpaired = first ..< wordStarts.count - 1
            var neighbours: [PackedWord] = []
            var byNeighbour: [PackedWord: [[String]]] = [:]
            for phrase in members {
                guard let packed = adjacent(phrase).map(PackedWord.init) else { continue }
                if byNeighbour[packed] == nil { neighbours.append(packed) }
                byNeighbour[packed, default: []].append(phrase)
            }
            for neighbour in neighbours {
                let start = wordStarts.count - 1
                for phrase in byNeighbour[neighbour]! { number(phrase) }
                byAdjacent.set(start ..< wordStarts.count - 1, for: neighbour, tag: Int32(first))
            }
            let group = Group(all: first ..< wordStarts.count - 1, unpaired: unpaired)
            if let packed = Token.pack(word) { byPacked.set(group, for: PackedWord(packed)) } else { byWord[word] = group }
        }
        self.words = words
        packedWords = words.map(Token.pack)
        self.wordStarts = wordStarts
        self.byPacked = byPacked
        self.byWord = byWord
        self.byAdjacent = byAdjacent
        self.adjacentOffset = adjacentOffset
    }

    /// Whether `predicate` holds for a phrase keyed by the word of token `index` that the tokens
    /// around it could read: every phrase of the key when the word next to it (at `adjacentOffset`)
    /// is outside `sentence`, else those whose word there is that token's (and the unpaired).
    @inline(__always)
    func contains(keyedBy index: Int, in text: ScannedText, sentence: Range<Int>, where predicate: (Int) -> Bool) -> Bool {
        let token = text.tokens[index]
        let found = token.spill < 0 ? byPacked.value(PackedWord((token.inline0, token.inline1))) : byWord[text.word(index)]
        guard let group = found else { return false }
        let neighbour = index + adjacentOffset
        guard sentence.contains(neighbour) else { return group.all.contains(where: predicate) }
        if group.unpaired.contains(where: predicate) { return true }
        // A paired phrase's word next to the key packs, so a token holding it is packed too.
        guard let packed = text.tokens[neighbour].packedWord, let paired = byAdjacent.value(packed, tag: Int32(group.all.lowerBound)) else { return false }
        return paired.contains(where: predicate)
    }

    /// How many words phrase `phrase` has.
    func wordCount(_ phrase: Int) -> Int { wordStarts[phrase + 1] - wordStarts[phrase] }

    /// Whether the tokens from `position` on read phrase `phrase` (the caller checks they exist).
    func isRead(_ phrase: Int, in text: ScannedText, at position: Int) -> Bool {
        let first = wordStarts[phrase]
        for index in first ..< wordStarts[phrase + 1] {
            if let packed = packedWords[index] {
                guard text.tokens[position + index - first].holds(packed) else { return false }
            } else if text.word(position + index - first) != words[index] {
                return false
            }
        }
        return true
    }
}
