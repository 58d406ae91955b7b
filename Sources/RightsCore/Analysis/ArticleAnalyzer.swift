/// Why a match did not become evidence.
public struct VetoedMatch: Sendable, Equatable {
    public var rule: RuleID
    public var reason: String
}

/// A match that counts, with its text and qualifier.
public struct MatchReport: Sendable, Equatable {
    public var rule: RuleID
    public var indicator: IndicatorID
    public var text: String
    public var qualifier: Qualifier?
}

/// What happened in one sentence that had at least one match: for `explain` and tests.
public struct SentenceReport: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var matches: [MatchReport]
    public var vetoed: [VetoedMatch]
    public var places: [PlaceMention]
    public var steps: [AttributionStep]
    public var findings: [Finding]
}

/// The result of analysing one article.
public struct ArticleAnalysis: Sendable {
    public var findings: [Finding]
    public var sentences: [SentenceReport]
    public var context: ArticleContext
    /// Place mentions read to know what a sentence's paragraph named before it: the tests check
    /// that this grows with the article, not with its square.
    var paragraphMentionsRead = 0
}

/// Sentences × compiled rules × attribution → findings, for one article. Pure: safe to run in parallel.
public struct ArticleAnalyzer: Sendable {
    public let compiled: CompiledRules
    public let attributor: CountryAttributor

    /// How much to say about each sentence besides the findings.
    public enum Detail: Sendable {
        /// Findings only, what the analysis pipeline stores, and the fastest: without their
        /// sentence's text (`Finding.sentence` is empty), as the store keeps its offsets instead.
        case findings
        /// Also a `SentenceReport` per matched sentence (matches, vetoes, places).
        case reports
        /// Also the attribution steps, for `explain`.
        case explanations
    }

    public var detail: Detail = .reports

    public init(_ compiled: CompiledRules) {
        self.compiled = compiled
        attributor = CountryAttributor(settings: compiled.ruleSet.engine, gazetteer: compiled.ruleSet.gazetteer)
    }

    /// `cache`: a `WordCache` the calling task reuses from article to article (faster; never
    /// share one between tasks).
    public func analyze(_ article: Article, cache: WordCache? = nil) -> ArticleAnalysis {
        analyze(ArticleText(article), cache: cache)
    }

    public func analyze(_ article: ArticleText, cache: WordCache? = nil) -> ArticleAnalysis {
        analyze(text: article.cleaned.text, title: article.title, articleID: article.id, month: article.month,
                originalRange: { article.cleaned.originalRange(of: $0) }, cache: cache)
    }

    /// Analyses free text (for `explain`): `title` is used as the headline.
    public func analyze(text: String, title: String? = nil, articleID: ArticleID = ArticleID("explain"), month: Month? = nil,
                        originalRange: (Range<Int>) -> Range<Int>? = { $0 }, cache: WordCache? = nil) -> ArticleAnalysis {
        let prepared = compiled.prepare(text, cache: cache)
        let scanned = prepared.scanned
        let tokens = scanned.tokens
        let sentences = scanned.sentences
        let settings = compiled.ruleSet.engine
        let rules = compiled.ruleFacts

        var scan = ArticleScan()
        scan.sentences.reserveCapacity(sentences.count)
        // About one place name a sentence in news; the lists then grow without copying.
        scan.places.reserveCapacity(sentences.count)
        scan.rules.reserveCapacity(16)
        var matches: [PhraseMatch] = []
        matches.reserveCapacity(32)
        var scratch = MatchScratch()
        for sentence in sentences { compiled.scan(prepared, sentence.tokenRange, matches: &matches, scratch: &scratch, into: &scan) }
        // Nothing fired anywhere: no need for places, roles or the article context at all (most articles).
        guard !scan.rules.isEmpty else {
            return ArticleAnalysis(findings: [], sentences: [], context: ArticleContext())
        }
        var mentions: [[PlaceMention]] = []
        mentions.reserveCapacity(sentences.count)
        for (index, sentence) in sentences.enumerated() {
            let places = scan.sentences[index].places
            mentions.append(places.isEmpty ? [] : attributor.mentions(
                scan.places[places], places: compiled.places, text: scanned, sentenceRange: sentence.tokenRange,
                sentence: index, paragraph: sentence.paragraph))
        }
        // A dateline opens one of the first paragraphs ("ASTANA --", "(Beirut) –").
        var datelineEnd: Int?
        for (index, sentence) in sentences.enumerated().prefix(8) where sentence.paragraph < 4 {
            guard index == 0 || sentences[index - 1].paragraph != sentence.paragraph else { continue }
            if let end = self.datelineEnd(scanned, sentence) {
                datelineEnd = end
                for mention in mentions[index].indices where mentions[index][mention].end <= end { mentions[index][mention].isDateline = true }
                break
            }
        }

        let isReview = Self.isReviewHeadline(title)
        var titleMentions: [PlaceMention] = []
        if let title, !title.isEmpty {
            let titleText = compiled.prepare(title, cache: cache)
            let titleScan = compiled.scan(titleText, 0 ..< titleText.tokens.count)
            titleMentions = attributor.mentions(titleScan.places[...], places: compiled.places, text: titleText.scanned,
                                                sentenceRange: 0 ..< titleText.tokens.count, sentence: -1, paragraph: -1)
        }
        let context = attributor.context(title: titleMentions, body: mentions, datelineEnd: datelineEnd)

        var findings: [Finding] = []
        var reports: [SentenceReport] = []
        let wantsReports = detail != .findings
        // The findings of the sentence before, as a range of `findings`.
        var previous: (sentence: Int, findings: Range<Int>)?
        // Evidence of the sentence before that no country could be given ("…adds five countries to
        // its list."), one per indicator: a bare list of countries right after it names them.
        var unplaced: [Finding] = []
        var unplacedSentence = -1
        // Reused from sentence to sentence.
        var kept: [(match: RuleMatch, qualifier: Qualifier?)] = []
        var paragraph = ParagraphNames()
        var paragraphMentionsRead = 0
        var indicators: [Int] = []
        var ruleIndices: [Int] = []
        for (index, sentence) in sentences.enumerated() {
            // What the sentences before this one in its paragraph named, kept up as they go by.
            if index > 0, sentences[index - 1].paragraph == sentence.paragraph {
                attributor.note(mentions[index - 1], context: context, in: &paragraph)
                paragraphMentionsRead += paragraph.isComplete ? 0 : mentions[index - 1].count
            } else {
                paragraph = ParagraphNames()
            }
            let share = scan.sentences[index]
            if share.rules.isEmpty {
                // "…adds five countries to its list. They are Nigeria, India and Syria.": a bare list
                // of countries right after evidence continues that evidence.
                let pending = unplacedSentence == index - 1 ? unplaced : []
                if let previous, previous.sentence == index - 1, !previous.findings.isEmpty || !pending.isEmpty,
                   let listed = bareCountryList(mentions[index], text: scanned, range: sentence.tokenRange) {
                    let text = scanned.text(of: sentence)
                    let original = originalRange(sentence.start ..< sentence.end)
                    var report = SentenceReport(text: text, start: sentence.start, end: sentence.end, matches: [], vetoed: [],
                                                places: mentions[index], steps: [AttributionStep(description: "a bare list of countries continuing the evidence of the sentence before")], findings: [])
                    let byIndicator = Dictionary(grouping: findings[previous.findings] + pending, by: \.indicator)
                    for indicator in byIndicator.keys.sorted() {
                        let template = byIndicator[indicator]!.max { $0.severity < $1.severity }!
                        for mention in listed {
                            for code in mention.countries {
                                let country = settings.reportUnder[code] ?? code
                                guard !report.findings.contains(where: { $0.country == country && $0.indicator == indicator }) else { continue }
                                var finding = template
                                finding.id = Finding.makeID(article: articleID, sentenceStart: sentence.start, sentenceEnd: sentence.end, indicator: indicator, country: country)
                                finding.country = country
                                finding.method = .list
                                finding.attribution = "list: '\(mention.text)' in a list continuing the sentence before"
                                finding.confidence = (settings.confidence.list * 0.8 * 100).rounded() / 100
                                finding.sentence = wantsReports ? text : ""
                                finding.sentenceStart = sentence.start
                                finding.sentenceEnd = sentence.end
                                finding.originalStart = original?.lowerBound
                                finding.originalEnd = original?.upperBound
                                report.findings.append(finding)
                            }
                        }
                    }
                    findings += report.findings
                    if wantsReports { reports.append(report) }
                }
                continue
            }
            let range = sentence.tokenRange
            var vetoed: [VetoedMatch] = []
            kept.removeAll(keepingCapacity: true)
            // The reasons for a veto are for `explain` and the reports: the pipeline skips writing them.
            for match in scan.rules[share.rules] {
                if isReview {
                    if wantsReports {
                        vetoed.append(VetoedMatch(rule: compiled.rules[match.rule].id, reason: "the headline announces a review: what it retells is fiction or history"))
                    }
                    continue
                }
                if rules[match.rule].hasFrame, let boundary = Self.frameBoundary(in: match.start ..< match.end, text: scanned) {
                    if wantsReports {
                        vetoed.append(VetoedMatch(rule: compiled.rules[match.rule].id, reason: "the frame's parts are in different clauses ('\(boundary)' between them)"))
                    }
                    continue
                }
                if !share.exclusions.isEmpty {
                    let indicator = compiled.indicators[rules[match.rule].indicator]
                    if let exclusion = scan.exclusions[share.exclusions].first(where: { compiled.exclusions[$0.rule].vetoes(indicator) }) {
                        if wantsReports {
                            let exclusionRule = compiled.exclusions[exclusion.rule]
                            vetoed.append(VetoedMatch(rule: compiled.rules[match.rule].id, reason: "excluded by \(exclusionRule.id)\(exclusionRule.reason.isEmpty ? "" : ": \(exclusionRule.reason)")"))
                        }
                        continue
                    }
                }
                switch qualifier(for: match, text: scanned, sentence: range, settings: settings) {
                case let .negated(word):
                    if wantsReports { vetoed.append(VetoedMatch(rule: compiled.rules[match.rule].id, reason: "negated by '\(word)'")) }
                case let .kept(qualifier):
                    kept.append((match, qualifier))
                }
            }
            // The store keeps a finding's sentence as offsets: the pipeline need not copy it out.
            let sentenceText = wantsReports ? scanned.text(of: sentence) : ""
            var report: SentenceReport?
            if wantsReports {
                report = SentenceReport(
                    text: sentenceText, start: sentence.start, end: sentence.end,
                    matches: kept.map { item in
                        let rule = compiled.rules[item.match.rule]
                        return MatchReport(rule: rule.id, indicator: rule.indicator,
                                           text: scanned.text(tokens: item.match.start ..< item.match.end),
                                           qualifier: item.qualifier)
                    },
                    vetoed: vetoed, places: mentions[index], steps: [], findings: [])
            }

            // A sentence's matches are of one or two indicators: a short list of their indices,
            // whose order is the ids' order.
            indicators.removeAll(keepingCapacity: true)
            for item in kept where !indicators.contains(rules[item.match.rule].indicator) { indicators.append(rules[item.match.rule].indicator) }
            indicators.sort()
            let original = originalRange(sentence.start ..< sentence.end)
            let firstFinding = findings.count
            for indicatorIndex in indicators {
                let indicator = compiled.indicators[indicatorIndex]
                let items = kept.lazy.filter { rules[$0.match.rule].indicator == indicatorIndex }
                var evidenceStart = Int.max, evidenceEnd = Int.min, severity = Int.min
                var plain = false, denied = false
                ruleIndices.removeAll(keepingCapacity: true)
                for item in items {
                    evidenceStart = min(evidenceStart, item.match.start)
                    evidenceEnd = max(evidenceEnd, item.match.end)
                    severity = max(severity, rules[item.match.rule].severity)
                    if item.qualifier == nil { plain = true } else if item.qualifier == .denied { denied = true }
                    ruleIndices.append(item.match.rule)
                }
                var steps: [AttributionStep]? = detail == .explanations ? [] : nil
                let attributions = attributor.attribute(evidence: evidenceStart ..< evidenceEnd, sentence: index, tokens: tokens, sentenceMentions: mentions[index],
                                                        paragraph: paragraph, context: context, steps: &steps)
                if let steps { report?.steps += steps.map { AttributionStep(description: "\(indicator): \($0.description)") } }
                // Sorted by id, each once.
                ruleIndices.sort { rules[$0].rank < rules[$1].rank }
                var ruleIDs: [RuleID] = []
                ruleIDs.reserveCapacity(ruleIndices.count)
                for (position, rule) in ruleIndices.enumerated() where position == 0 || ruleIndices[position - 1] != rule {
                    let id = compiled.rules[rule].id
                    if ruleIDs.last != id { ruleIDs.append(id) }
                }
                let qualifier: Qualifier? = plain ? nil : (denied ? .denied : .alleged)
                let polarity = Self.polarity(items.map { (rules[$0.match.rule].polarity, $0.match) })
                if attributions.isEmpty {
                    if unplacedSentence != index { unplaced.removeAll(keepingCapacity: true); unplacedSentence = index }
                    unplaced.append(Finding(
                        id: FindingID(""), articleID: articleID, month: month, country: CountryCode(""), indicator: indicator,
                        rules: ruleIDs, severity: severity, polarity: polarity, method: .list, attribution: "",
                        confidence: 0, qualifier: qualifier, sentence: "", sentenceStart: sentence.start, sentenceEnd: sentence.end,
                        originalStart: nil, originalEnd: nil))
                }
                for attribution in attributions {
                    var country = attribution.country
                    var detail = attribution.detail
                    if let sovereign = settings.reportUnder[country] {
                        detail += ", \(country) reported under \(sovereign)"
                        country = sovereign
                    }
                    guard !findings[firstFinding...].contains(where: { $0.indicator == indicator && $0.country == country }) else { continue }
                    findings.append(Finding(
                        id: Finding.makeID(article: articleID, sentenceStart: sentence.start, sentenceEnd: sentence.end, indicator: indicator, country: country),
                        articleID: articleID, month: month, country: country, indicator: indicator,
                        rules: ruleIDs, severity: severity,
                        polarity: polarity,
                        method: attribution.method, attribution: Self.joined(attribution.method.rawValue, ": ", detail),
                        confidence: (attribution.confidence * (qualifier == nil ? 1 : settings.confidence.qualified) * 100).rounded() / 100,
                        qualifier: qualifier, sentence: sentenceText, sentenceStart: sentence.start, sentenceEnd: sentence.end,
                        originalStart: original?.lowerBound, originalEnd: original?.upperBound))
                }
            }
            if var report {
                report.findings = Array(findings[firstFinding...])
                reports.append(report)
            }
            previous = (index, firstFinding ..< findings.count)
        }
        findings.sort { $0.id < $1.id }
        return ArticleAnalysis(findings: findings, sentences: reports, context: context, paragraphMentionsRead: paragraphMentionsRead)
    }

    /// How the rule of `match` matched its text, element by element (for `explain`), when the
    /// rule names a class or has a frame; nil for a plain sequence, whose text says it all.
    public func explanation(of match: MatchReport) -> PatternExplanation? {
        guard let rule = compiled.rules.first(where: { $0.id == match.rule }), !rule.pattern.classes.isEmpty || rule.pattern.hasFrame else { return nil }
        let scanned = TextScanner.scan(match.text)
        return PatternExplanation.explain(rule.pattern, words: scanned.tokens.indices.map(scanned.word), vocabulary: compiled.ruleSet.vocabulary)
    }

    /// The parts one after the other, in a string allocated once (`+` and interpolation grow it step by step).
    static func joined(_ first: String, _ second: String, _ third: String, _ fourth: String = "", _ fifth: String = "") -> String {
        var result = ""
        result.reserveCapacity(first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count)
        result += first
        result += second
        result += third
        result += fourth
        result += fifth
        return result
    }

    /// An improvement ("pardoned 16 political prisoners") wins over the concern words inside it
    /// ("political prisoners"); a concern anywhere else in the sentence keeps it a concern.
    static func polarity<Matches: Collection>(_ matches: Matches) -> Polarity where Matches.Element == (Polarity, RuleMatch) {
        guard matches.contains(where: { $0.0 == .improvement }) else { return .concern }
        for (polarity, concern) in matches where polarity == .concern {
            guard matches.contains(where: { $0.0 == .improvement && $0.1.start <= concern.start && concern.end <= $0.1.end }) else { return .concern }
        }
        return .improvement
    }

    /// The mentions of a sentence that is nothing but a list of two or more countries
    /// ("They are Nigeria, India, Afghanistan, Syria, and Vietnam."), else nil.
    func bareCountryList(_ mentions: [PlaceMention], text: ScannedText, range: Range<Int>) -> [PlaceMention]? {
        let names = mentions.filter { !$0.isSpeaker && !$0.isRegion && !$0.isOrganisation && !$0.place.isAmbiguous }
        guard names.count >= 2, names.count == mentions.count else { return nil }
        let covered = names.reduce(0) { $0 + $1.end - $1.start }
        let listWords = names.indices.dropFirst().reduce(0) { $0 + names[$1].start - names[$1 - 1].end }
        for index in names.indices.dropFirst() {
            let between = names[index - 1].end ..< names[index].start
            guard between.count <= 2, between.allSatisfy({ compiled.ruleSet.engine.bareListJoints.contains(text.word($0)) }) else { return nil }
        }
        // Only words that introduce a list may stand around it ("They are…", "…among them"):
        // "China, Russia and India sent observers" says something else of them.
        let span = names[0].start ..< names[names.count - 1].end
        guard range.allSatisfy({ span.contains($0) || compiled.ruleSet.engine.bareListFrame.contains(text.word($0)) }) else { return nil }
        return range.count - covered - listWords <= 4 ? names : nil
    }

    enum QualifierVerdict: Equatable {
        case negated(String)
        case kept(Qualifier?)
    }

    /// Negation drops a match; a denial or a hedge keeps it with a mark (see rules/engine.yaml).
    ///
    /// A negator counts inside the match or up to `negationWindow` tokens before it, in the same
    /// clause: punctuation or "but" in between ends its reach ("police did not comment, but
    /// soldiers shot protesters" is evidence). A negator the rule itself names does not count.
    func qualifier(for match: RuleMatch, text: ScannedText, sentence: Range<Int>, settings: EngineSettings) -> QualifierVerdict {
        let tokens = text.tokens
        let ownWords = compiled.ruleWords[match.rule]
        func isNegator(_ position: Int) -> Bool {
            tokens[position].is(.negator) && !ownWords.contains(text.word(position))
        }
        var position = match.start - 1
        while position >= max(sentence.lowerBound, match.start - settings.negationWindow) {
            if Self.clauseBreak(between: tokens[position], and: tokens[position + 1], text.utf8) || tokens[position].is(.clauseWord) { break }
            if isNegator(position) {
                // "must not jail critics" urges, "no excuse to lock up opponents" judges: both say it happens.
                let exhortation = position > sentence.lowerBound && tokens[position - 1].is(.exhortationModal)
                let reframed = tokens[(position + 1) ..< match.start].contains { $0.is(.negationBreaker) }
                if !exhortation && !reframed { return .negated(text.word(position)) }
            }
            position -= 1
        }
        for position in match.start ..< match.end where isNegator(position) {
            return .negated(text.word(position))
        }
        let around = max(sentence.lowerBound, match.start - settings.negationWindow) ..< min(sentence.upperBound, match.end + 3)
        if around.contains(where: { tokens[$0].is(.denial) }) { return .kept(.denied) }
        let wider = max(sentence.lowerBound, match.start - 6) ..< match.end
        if wider.contains(where: { tokens[$0].is(.hedge) }) { return .kept(.alleged) }
        return .kept(nil)
    }

    /// What separates the parts of a frame's match into two clauses, if anything: a semicolon, a
    /// colon, a clause word ("but", "while"…) or a verb of speech ("the reporter said the
    /// suspects were arrested": the reporter speaks). Commas do not: apposition ("journalist
    /// Amina Yusuf, 34, was jailed") and lists ("students, activists and journalists") hold one clause.
    static func frameBoundary(in span: Range<Int>, text: ScannedText) -> String? {
        let tokens = text.tokens
        for position in span.dropFirst() {
            if tokens[position].is(.clauseWord) || tokens[position].is(.speechVerb) { return text.word(position) }
            var index = tokens[position - 1].utf8End
            while index < tokens[position].utf8Start {
                if text.utf8[index] == UInt8(ascii: ";") || text.utf8[index] == UInt8(ascii: ":") { return String(UnicodeScalar(text.utf8[index])) }
                index += 1
            }
        }
        return nil
    }

    /// "Review: …", "Film review: …", "The Long Yard review – …": a headline that announces a review
    /// of a film, book, play or show. The prisons and dictatorships such a review retells are
    /// fiction or history, whatever words the sentences use. ("2025 in review" is not one.)
    static func isReviewHeadline(_ title: String?) -> Bool {
        guard let title, containsReview(title.utf8) else { return false }
        let folded = title.lowercased()
        if folded.hasPrefix("review:") { return true }
        return [" review –", " review —", " review -", " review:"].contains { folded.contains($0) }
            && !folded.contains(" in review")
    }

    /// Whether "review" occurs in `bytes` in any case: nearly every headline is answered here,
    /// without folding it or searching it with Foundation.
    private static let reviewBytes: [UInt8] = Array("review".utf8)

    private static func containsReview(_ bytes: String.UTF8View) -> Bool {
        let word = reviewBytes
        var matched = 0
        for byte in bytes {
            // ASCII letters fold to lower case by setting bit 5; other bytes never equal a letter of "review" after it.
            let folded = byte | 0x20
            if folded == word[matched] {
                matched += 1
                if matched == word.count { return true }
            } else {
                matched = folded == word[0] ? 1 : 0
            }
        }
        return false
    }

    /// Punctuation between two tokens that ends a clause: `,;:()` or a dash.
    static func clauseBreak(between first: Token, and second: Token, _ utf8: [UInt8]) -> Bool {
        var index = first.utf8End
        while index < second.utf8Start {
            switch utf8[index] {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"): return true
            // — U+2014 and – U+2013: E2 80 94, E2 80 93
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0x94 || utf8[index + 2] == 0x93): return true
            default: index += 1
            }
        }
        return false
    }

    /// The end (token index) of a dateline such as "ASTANA --", "(Beirut) –" or
    /// "KYIV, Oct 2 (Reuters) —", if the sentence starts with one: a short head before a dash.
    func datelineEnd(_ text: ScannedText, _ sentence: Sentence) -> Int? {
        // A dash within the first 60 scalars, looked for in the bytes: most sentences have none.
        let utf8 = text.utf8
        var index = sentence.utf8Start, scalars = 0
        while index < utf8.count, scalars < 60 {
            let byte = utf8[index]
            if byte == 0x0A { return nil }
            // "—", "–", "--", or a hyphen between spaces ("LONDON, July 28 (Reuters) - ").
            let isDash = (byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0x94 || utf8[index + 2] == 0x93))
                || (byte == UInt8(ascii: "-") && index + 1 < utf8.count && utf8[index + 1] == UInt8(ascii: "-"))
                || (byte == UInt8(ascii: "-") && index > sentence.utf8Start && utf8[index - 1] == 0x20 && index + 1 < utf8.count && utf8[index + 1] == 0x20)
            if isDash {
                let words = text.string(utf8: sentence.utf8Start ..< index).split(separator: " ")
                guard let first = words.first, words.count <= 6 else { return nil }
                // The place is written in capitals ("ASTANA") or in brackets ("(Beirut)").
                let letters = first.unicodeScalars.filter { $0.properties.isAlphabetic }
                guard !letters.isEmpty, first.hasPrefix("(") || letters.allSatisfy({ $0.properties.isUppercase }) else { return nil }
                let dash = sentence.start + scalars
                return text.tokens[sentence.tokenStart...].firstIndex { $0.start >= dash } ?? text.tokens.count
            }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return nil
    }
}
