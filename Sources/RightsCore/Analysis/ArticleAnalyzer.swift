/// The result of analysing one article.
public struct ArticleAnalysis: Sendable {
    public var findings: [Finding]
    /// A report per sentence with a match (with `Detail.reports`; empty with `.findings`).
    public var sentences: [SentenceReport]
    public var context: ArticleContext
    /// Place mentions read to know what a sentence's paragraph named before it: the tests check
    /// that this grows with the article, not with its square.
    var paragraphMentionsRead = 0
}

/// Sentences × compiled rules × attribution → findings, for one article. Pure: safe to run in parallel.
///
/// The stages, one after the other: scan (the compiled rules find every match and place name),
/// places (`ArticlePlaces`: each name's role, and what the article is about), then sentence by
/// sentence the verdict (`SentenceVerdict`: which matches count), the evidence of each indicator
/// (`Evidence`), its country (`CountryAttributor`) and the finding (`FindingFactory`). What they
/// decide is told to an `AnalysisTrace`.
public struct ArticleAnalyzer: Sendable {
    public let compiled: CompiledRules
    public let attributor: CountryAttributor

    /// What `analyze` returns besides the findings.
    public enum Detail: Sendable {
        /// Findings only, what the analysis pipeline stores, and the fastest: without their
        /// sentence's text (`Finding.sentence` is empty), as the store keeps its offsets instead.
        case findings
        /// Also a `SentenceReport` per matched sentence (matches, vetoes, places, attribution steps).
        case reports
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
        switch detail {
        case .findings:
            var trace = SilentTrace()
            return analyze(text: text, title: title, articleID: articleID, month: month, originalRange: originalRange, cache: cache, trace: &trace)
        case .reports:
            var trace = TraceCollector()
            var analysis = analyze(text: text, title: title, articleID: articleID, month: month, originalRange: originalRange, cache: cache, trace: &trace)
            analysis.sentences = trace.sentences
            return analysis
        }
    }

    /// Analyses `text`, telling `trace` what each stage decides.
    public func analyze<Trace: AnalysisTrace>(text: String, title: String? = nil, articleID: ArticleID = ArticleID("explain"), month: Month? = nil,
                                              originalRange: (Range<Int>) -> Range<Int>? = { $0 }, cache: WordCache? = nil,
                                              trace: inout Trace) -> ArticleAnalysis {
        // Scan: every match and place name, sentence by sentence.
        let prepared = compiled.prepare(text, cache: cache)
        let scanned = prepared.scanned
        let sentences = scanned.sentences
        var scan = ArticleScan()
        scan.sentences.reserveCapacity(sentences.count)
        // About one place name a sentence in news; the lists then grow without copying.
        scan.places.reserveCapacity(sentences.count)
        scan.rules.reserveCapacity(16)
        // The matcher's buffers: the task's own, from its word cache, when it has one.
        var matches: [PhraseMatch] = [], scratch = MatchScratch()
        if let cache {
            swap(&matches, &cache.matches)
            swap(&scratch, &cache.scratch)
        }
        defer {
            if let cache {
                swap(&matches, &cache.matches)
                swap(&scratch, &cache.scratch)
            }
        }
        matches.reserveCapacity(32)
        for sentence in sentences { compiled.scan(prepared, sentence.tokenRange, matches: &matches, scratch: &scratch, into: &scan) }
        // Nothing fired anywhere: no need for places, roles or the article context at all (most articles).
        guard !scan.rules.isEmpty else {
            return ArticleAnalysis(findings: [], sentences: [], context: ArticleContext())
        }
        let places = ArticlePlaces(prepared, scan: scan, title: title, compiled: compiled, attributor: attributor, cache: cache,
                                   matches: &matches, scratch: &scratch)
        let verdict = SentenceVerdict(compiled: compiled, isReview: ReviewHeadline.announcesReview(title, settings: compiled.ruleSet.engine))
        var factory = FindingFactory(articleID: articleID, month: month, compiled: compiled, text: scanned)

        // An article with matches has a handful of findings: room for them at once, not grown 1, 2, 4, 8.
        var findings: [Finding] = []
        findings.reserveCapacity(8)
        // The evidence of the last sentence with matches (`evidenceSentence`), placed or not: a
        // bare list of countries right after it continues it. Reused from sentence to sentence,
        // as are the other buffers.
        var evidence: [Evidence] = [], sentenceEvidence: [Evidence] = []
        var evidenceSentence = -1
        var kept: [KeptMatch] = []
        let facts = compiled.ruleFacts
        var indicators: [Int] = []
        var ruleIndices: [Int] = []
        var paragraph = ParagraphNames()
        var paragraphMentionsRead = 0
        // The country of the last numbered list heading ("2. Name (Egypt)"), for the paragraphs under it.
        var section: ArraySlice<PlaceMention> = []
        for (index, sentence) in sentences.enumerated() {
            // What the sentences before this one in its paragraph named, kept up as they go by.
            if index > 0, sentences[index - 1].paragraph == sentence.paragraph {
                attributor.note(places.mentions(index - 1), context: places.context, in: &paragraph)
                paragraphMentionsRead += paragraph.isComplete ? 0 : places.mentions(index - 1).count
            } else {
                paragraph = ParagraphNames()
                let heading = ListHeading.country(paragraphAt: index, text: scanned) { places.mentions($0) }
                if heading.isEmpty { paragraph.heading = section } else { section = heading }
            }
            let share = scan.sentences[index]
            // The store keeps a finding's sentence as offsets: the pipeline need not copy it out.
            func begin() {
                trace.sentenceBegan(text: scanned.text(of: sentence), start: sentence.start, end: sentence.end, places: Array(places.mentions(index)))
                factory.begin(index: index, start: sentence.start, end: sentence.end, original: originalRange(sentence.start ..< sentence.end),
                              text: Trace.keepsSentenceText ? scanned.text(of: sentence) : "", findingsBefore: findings.count)
            }
            if share.rules.isEmpty {
                guard evidenceSentence == index - 1, !evidence.isEmpty,
                      let listed = BareCountryList.names(places.mentions(index), text: scanned, range: sentence.tokenRange, settings: compiled.ruleSet.engine)
                else { continue }
                let first = findings.count
                begin()
                trace.attributionStep("a bare list of countries continuing the evidence of the sentence before")
                for item in evidence {
                    for mention in listed {
                        for code in mention.countries { factory.add(item, .continuedList(name: mention.text, country: code), to: &findings) }
                    }
                }
                trace.sentenceEnded(findings: findings[first...])
                continue
            }
            let first = findings.count
            begin()
            kept.removeAll(keepingCapacity: true)
            verdict.vet(scan.rules[share.rules], exclusions: scan.exclusions[share.exclusions], text: scanned, sentence: sentence.tokenRange,
                        into: &kept, trace: &trace)
            // A sentence's matches are of one or two indicators: a short list of their indices,
            // whose order is the ids' order.
            indicators.removeAll(keepingCapacity: true)
            for item in kept where !indicators.contains(facts[item.match.rule].indicator) { indicators.append(facts[item.match.rule].indicator) }
            indicators.sort()
            sentenceEvidence.removeAll(keepingCapacity: true)
            for indicator in indicators {
                let found = Evidence(of: kept, indicator: indicator, compiled: compiled, facts: facts, ruleIndices: &ruleIndices)
                trace.attributing(found.indicator)
                let attributions = attributor.attribute(evidence: found.span, tokens: scanned.tokens, sentenceMentions: places.mentions(index),
                                                        paragraph: paragraph, context: places.context, trace: &trace)
                for attribution in attributions { factory.add(found, .attributed(attribution), to: &findings) }
                sentenceEvidence.append(found)
            }
            trace.sentenceEnded(findings: findings[first...])
            swap(&evidence, &sentenceEvidence)
            evidenceSentence = index
        }
        findings.sort { $0.id < $1.id }
        return ArticleAnalysis(findings: findings, sentences: [], context: places.context, paragraphMentionsRead: paragraphMentionsRead)
    }

    /// How the rule of `match` matched its words, element by element (for `explain`), when the
    /// rule names a class or has a frame; nil for a plain sequence, whose text says it all.
    public func explanation(of match: MatchReport) -> PatternExplanation? {
        guard let rule = compiled.rules.first(where: { $0.id == match.rule }), !rule.pattern.classes.isEmpty || rule.pattern.hasFrame else { return nil }
        return PatternExplanation.explain(rule.pattern, words: match.words, vocabulary: compiled.ruleSet.vocabulary)
    }
}
