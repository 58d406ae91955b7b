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
}

/// Sentences × compiled rules × attribution → findings, for one article. Pure: safe to run in parallel.
public struct ArticleAnalyzer: Sendable {
    public let compiled: CompiledRules
    public let attributor: CountryAttributor

    /// How much to say about each sentence besides the findings.
    public enum Detail: Sendable {
        /// Findings only: what the analysis pipeline stores (and the fastest).
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

    public func analyze(_ article: Article) -> ArticleAnalysis {
        analyze(text: article.cleaned.text, title: article.title, articleID: article.id, month: article.published?.month,
                originalRange: { article.cleaned.originalRange(of: $0) })
    }

    /// Analyses free text (for `explain`): `title` is used as the headline.
    public func analyze(text: String, title: String? = nil, articleID: ArticleID = ArticleID("explain"), month: Month? = nil,
                        originalRange: (Range<Int>) -> Range<Int>? = { $0 }) -> ArticleAnalysis {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(scalars)
        let settings = compiled.ruleSet.engine

        // Token range of each sentence (both lists are in text order).
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        var cursor = 0
        for sentence in sentences {
            while cursor < tokens.count, tokens[cursor].start < sentence.start { cursor += 1 }
            let first = cursor
            while cursor < tokens.count, tokens[cursor].end <= sentence.end { cursor += 1 }
            ranges.append(first ..< cursor)
        }

        var scans: [SentenceScan] = []
        scans.reserveCapacity(sentences.count)
        var mentions: [[PlaceMention]] = []
        mentions.reserveCapacity(sentences.count)
        for (index, sentence) in sentences.enumerated() {
            let scan = compiled.scan(tokens, ranges[index])
            scans.append(scan)
            mentions.append(scan.places.isEmpty ? [] : attributor.mentions(
                scan.places, places: compiled.places, tokens: tokens, sentenceRange: ranges[index],
                sentence: index, paragraph: sentence.paragraph, scalars: scalars))
        }
        // A dateline opens one of the first paragraphs ("ASTANA --", "(Beirut) –").
        var datelineEnd: Int?
        for (index, sentence) in sentences.enumerated().prefix(8) where sentence.paragraph < 4 {
            guard index == 0 || sentences[index - 1].paragraph != sentence.paragraph else { continue }
            if let end = self.datelineEnd(scalars, tokens, from: sentence.start, firstToken: ranges[index].lowerBound) {
                datelineEnd = end
                for mention in mentions[index].indices where mentions[index][mention].end <= end { mentions[index][mention].isDateline = true }
                break
            }
        }
        // Nothing fired anywhere: no need for the article context at all (the common case).
        guard scans.contains(where: { !$0.rules.isEmpty }) else {
            return ArticleAnalysis(findings: [], sentences: [], context: ArticleContext())
        }

        var titleMentions: [PlaceMention] = []
        if let title, !title.isEmpty {
            let titleScalars = Array(title.unicodeScalars)
            let titleTokens = Tokenizer.tokenize(titleScalars)
            let scan = compiled.scan(titleTokens, 0 ..< titleTokens.count)
            titleMentions = attributor.mentions(scan.places, places: compiled.places, tokens: titleTokens, sentenceRange: 0 ..< titleTokens.count,
                                                sentence: -1, paragraph: -1, scalars: titleScalars)
        }
        let context = attributor.context(title: titleMentions, body: mentions.flatMap { $0 }, datelineEnd: datelineEnd)

        var findings: [Finding] = []
        var reports: [SentenceReport] = []
        var previous: (sentence: Int, findings: [Finding])?
        for (index, sentence) in sentences.enumerated() {
            let scan = scans[index]
            if scan.rules.isEmpty {
                // "…adds five countries to its list. They are Nigeria, India and Syria.": a bare list
                // of countries right after evidence continues that evidence.
                if let previous, previous.sentence == index - 1, !previous.findings.isEmpty,
                   let listed = bareCountryList(mentions[index], tokens: tokens, range: ranges[index]) {
                    let text = Tokenizer.string(scalars, sentence.start ..< sentence.end)
                    let original = originalRange(sentence.start ..< sentence.end)
                    var report = SentenceReport(text: text, start: sentence.start, end: sentence.end, matches: [], vetoed: [],
                                                places: mentions[index], steps: [AttributionStep(description: "a bare list of countries continuing the evidence of the sentence before")], findings: [])
                    let byIndicator = Dictionary(grouping: previous.findings, by: \.indicator)
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
                                finding.sentence = text
                                finding.sentenceStart = sentence.start
                                finding.sentenceEnd = sentence.end
                                finding.originalStart = original?.lowerBound
                                finding.originalEnd = original?.upperBound
                                report.findings.append(finding)
                            }
                        }
                    }
                    findings += report.findings
                    if detail != .findings { reports.append(report) }
                }
                continue
            }
            let range = ranges[index]
            var vetoed: [VetoedMatch] = []
            var kept: [(match: RuleMatch, qualifier: Qualifier?)] = []
            for match in scan.rules {
                let rule = compiled.rules[match.rule]
                if let exclusion = scan.exclusions.first(where: { compiled.exclusions[$0.rule].vetoes(rule.indicator) }) {
                    let exclusionRule = compiled.exclusions[exclusion.rule]
                    vetoed.append(VetoedMatch(rule: rule.id, reason: "excluded by \(exclusionRule.id)\(exclusionRule.reason.isEmpty ? "" : ": \(exclusionRule.reason)")"))
                    continue
                }
                switch qualifier(for: match, tokens: tokens, sentence: range, settings: settings, scalars: scalars) {
                case let .negated(word):
                    vetoed.append(VetoedMatch(rule: rule.id, reason: "negated by '\(word)'"))
                case let .kept(qualifier):
                    kept.append((match, qualifier))
                }
            }
            var report = SentenceReport(
                text: Tokenizer.string(scalars, sentence.start ..< sentence.end), start: sentence.start, end: sentence.end,
                matches: kept.map { item in
                    let rule = compiled.rules[item.match.rule]
                    return MatchReport(rule: rule.id, indicator: rule.indicator,
                                       text: Tokenizer.string(scalars, tokens[item.match.start].start ..< tokens[item.match.end - 1].end),
                                       qualifier: item.qualifier)
                },
                vetoed: vetoed, places: mentions[index], steps: [], findings: [])

            var paragraphMentions: [PlaceMention] = []
            var earlier = index - 1
            while earlier >= 0, sentences[earlier].paragraph == sentence.paragraph { earlier -= 1 }
            for previous in (earlier + 1) ..< index { paragraphMentions += mentions[previous] }
            let byIndicator = Dictionary(grouping: kept) { compiled.rules[$0.match.rule].indicator }
            let original = originalRange(sentence.start ..< sentence.end)
            for indicator in byIndicator.keys.sorted() {
                let items = byIndicator[indicator]!
                let evidence = items.map(\.match.start).min()! ..< items.map(\.match.end).max()!
                var steps: [AttributionStep]? = detail == .explanations ? [] : nil
                let attributions = attributor.attribute(evidence: evidence, sentence: index, tokens: tokens, sentenceMentions: mentions[index],
                                                        paragraphMentions: paragraphMentions, context: context, steps: &steps)
                if let steps { report.steps += steps.map { AttributionStep(description: "\(indicator): \($0.description)") } }
                let rules = items.map { compiled.rules[$0.match.rule] }
                let qualifier: Qualifier? = items.contains { $0.qualifier == nil } ? nil : (items.contains { $0.qualifier == .denied } ? .denied : .alleged)
                var seenCountries = Set<CountryCode>()
                for attribution in attributions {
                    var country = attribution.country
                    var detail = attribution.detail
                    if let sovereign = settings.reportUnder[country] {
                        detail += ", \(country) reported under \(sovereign)"
                        country = sovereign
                    }
                    guard seenCountries.insert(country).inserted else { continue }
                    let finding = Finding(
                        id: Finding.makeID(article: articleID, sentenceStart: sentence.start, sentenceEnd: sentence.end, indicator: indicator, country: country),
                        articleID: articleID, month: month, country: country, indicator: indicator,
                        rules: Array(Set(rules.map(\.id))).sorted(), severity: rules.map(\.severity).max()!,
                        polarity: Self.polarity(items.map { (compiled.rules[$0.match.rule].polarity, $0.match) }),
                        method: attribution.method, attribution: "\(attribution.method.rawValue): \(detail)",
                        confidence: (attribution.confidence * (qualifier == nil ? 1 : settings.confidence.qualified) * 100).rounded() / 100,
                        qualifier: qualifier, sentence: report.text, sentenceStart: sentence.start, sentenceEnd: sentence.end,
                        originalStart: original?.lowerBound, originalEnd: original?.upperBound)
                    report.findings.append(finding)
                    findings.append(finding)
                }
            }
            if detail != .findings { reports.append(report) }
            previous = (index, report.findings)
        }
        findings.sort { $0.id < $1.id }
        return ArticleAnalysis(findings: findings, sentences: reports, context: context)
    }

    /// An improvement ("pardoned 16 political prisoners") wins over the concern words inside it
    /// ("political prisoners"); a concern anywhere else in the sentence keeps it a concern.
    static func polarity(_ matches: [(Polarity, RuleMatch)]) -> Polarity {
        let concerns = matches.filter { $0.0 == .concern }.map(\.1)
        let improvements = matches.filter { $0.0 == .improvement }.map(\.1)
        guard !improvements.isEmpty else { return .concern }
        return concerns.allSatisfy { concern in improvements.contains { $0.start <= concern.start && concern.end <= $0.end } } ? .improvement : .concern
    }

    /// The mentions of a sentence that is nothing but a list of two or more countries
    /// ("They are Nigeria, India, Afghanistan, Syria, and Vietnam."), else nil.
    func bareCountryList(_ mentions: [PlaceMention], tokens: [Token], range: Range<Int>) -> [PlaceMention]? {
        let names = mentions.filter { !$0.isSpeaker && !$0.isRegion && !$0.isOrganisation && !$0.place.isAmbiguous }
        guard names.count >= 2, names.count == mentions.count else { return nil }
        let covered = names.reduce(0) { $0 + $1.end - $1.start }
        let listWords = names.indices.dropFirst().reduce(0) { $0 + names[$1].start - names[$1 - 1].end }
        for index in names.indices.dropFirst() {
            let between = tokens[names[index - 1].end ..< names[index].start]
            guard between.count <= 2, between.allSatisfy({ ["and", "or", "the"].contains($0.text) }) else { return nil }
        }
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
    func qualifier(for match: RuleMatch, tokens: [Token], sentence: Range<Int>, settings: EngineSettings,
                   scalars: [Unicode.Scalar]) -> QualifierVerdict {
        let ownWords = compiled.ruleWords[match.rule]
        func isNegator(_ position: Int) -> Bool {
            settings.negators.contains(tokens[position].text) && !ownWords.contains(tokens[position].text)
        }
        var position = match.start - 1
        while position >= max(sentence.lowerBound, match.start - settings.negationWindow) {
            if Self.clauseBreak(between: tokens[position], and: tokens[position + 1], scalars) || Self.clauseWords.contains(tokens[position].text) { break }
            if isNegator(position) {
                // "must not jail critics" urges, "no excuse to lock up opponents" judges: both say it happens.
                let exhortation = position > sentence.lowerBound && settings.exhortationModals.contains(tokens[position - 1].text)
                let reframed = tokens[(position + 1) ..< match.start].contains { settings.negationBreakers.contains($0.text) }
                if !exhortation && !reframed { return .negated(tokens[position].text) }
            }
            position -= 1
        }
        for position in match.start ..< match.end where isNegator(position) {
            return .negated(tokens[position].text)
        }
        let around = max(sentence.lowerBound, match.start - settings.negationWindow) ..< min(sentence.upperBound, match.end + 3)
        if around.contains(where: { settings.denials.contains(tokens[$0].text) }) { return .kept(.denied) }
        let wider = max(sentence.lowerBound, match.start - 6) ..< match.end
        if wider.contains(where: { settings.hedges.contains(tokens[$0].text) }) { return .kept(.alleged) }
        return .kept(nil)
    }

    static let clauseWords: Set<String> = ["but", "while", "although", "though", "whereas", "however"]

    static func clauseBreak(between first: Token, and second: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        scalars[first.end ..< second.start].contains { ",;:()—–".unicodeScalars.contains($0) }
    }

    /// The end (token index) of a dateline such as "ASTANA --", "(Beirut) –" or
    /// "KYIV, Oct 2 (Reuters) —", if the text starts with one: a short head before a dash.
    func datelineEnd(_ scalars: [Unicode.Scalar], _ tokens: [Token], from start: Int = 0, firstToken: Int = 0) -> Int? {
        let limit = min(scalars.count, start + 60)
        var index = start
        while index < limit {
            let scalar = scalars[index]
            if scalar == "\n" { return nil }
            if scalar == "—" || scalar == "–" || (scalar == "-" && index + 1 < scalars.count && scalars[index + 1] == "-") {
                let head = Tokenizer.string(scalars, start ..< index)
                let words = head.split(separator: " ")
                guard let first = words.first, words.count <= 6 else { return nil }
                // The place is written in capitals ("ASTANA") or in brackets ("(Beirut)").
                let letters = first.unicodeScalars.filter { $0.properties.isAlphabetic }
                guard !letters.isEmpty, first.hasPrefix("(") || letters.allSatisfy({ $0.properties.isUppercase }) else { return nil }
                return tokens[firstToken...].firstIndex { $0.start >= index } ?? tokens.count
            }
            index += 1
        }
        return nil
    }
}
