/// The last stage, and the one place a finding is made: evidence placed in a country, in the
/// sentence being read, with the people the sentence names. A sentence gives one finding per
/// indicator and country.
struct FindingFactory {
    /// Where the evidence was placed.
    enum Placement {
        /// Chosen by the attribution strategies.
        case attributed(Attribution)
        /// Named in a bare list of countries (`name`, one of its countries) continuing the evidence
        /// of the sentence before ("…adds five countries to its list. They are Nigeria, India and Syria.").
        case continuedList(name: String, country: CountryCode)
    }

    let articleID: ArticleID
    let month: Month?
    /// engine.yaml `report_under`, a territory and its sovereign: a couple of pairs, compared in
    /// turn rather than hashed for every finding.
    let reportUnder: [(territory: CountryCode, sovereign: CountryCode)]
    let confidence: AttributionConfidence
    private var sentenceStart = 0
    private var sentenceEnd = 0
    private var original: Range<Int>?
    private var sentenceText = ""
    /// Where the sentence's findings begin in the article's list.
    private var firstFinding = 0
    private var sentenceIndex = 0
    /// The article's people, read only for sentences that give a finding (a few per article).
    private var people: SentencePeople?
    /// The rules, whose people lexicon the people are read with: held by reference, where a copy
    /// of the lexicon retains each of its many tables.
    private let compiled: CompiledRules
    private let text: ScannedText

    init(articleID: ArticleID, month: Month?, compiled: CompiledRules, text: ScannedText) {
        self.articleID = articleID
        self.month = month
        let settings = compiled.ruleSet.engine
        reportUnder = settings.reportUnder.map { ($0.key, $0.value) }
        confidence = settings.confidence
        self.compiled = compiled
        self.text = text
    }

    /// The sentence the next findings are in: its scalar offsets in the cleaned text and the
    /// original, its text (empty when the store keeps only the offsets), and how many findings
    /// the article has before it. `index` is the sentence's place in the scanned text.
    mutating func begin(index: Int, start: Int, end: Int, original: Range<Int>?, text: String, findingsBefore: Int) {
        sentenceIndex = index
        sentenceStart = start
        sentenceEnd = end
        self.original = original
        sentenceText = text
        firstFinding = findingsBefore
    }

    /// Appends the finding of `evidence` placed by `placement`, unless the sentence already has one
    /// for that indicator and country. A territory is reported under its sovereign (engine.yaml `report_under`).
    mutating func add(_ evidence: Evidence, _ placement: Placement, to findings: inout [Finding]) {
        let country: CountryCode, method: AttributionMethod, value: Double
        var sovereign: CountryCode?
        switch placement {
        case let .attributed(chosen):
            sovereign = reportUnder.first { $0.territory == chosen.country }?.sovereign
            country = sovereign ?? chosen.country
            method = chosen.method
            value = chosen.confidence * (evidence.qualifier == nil ? 1 : confidence.qualified)
        case let .continuedList(_, listed):
            country = reportUnder.first { $0.territory == listed }?.sovereign ?? listed
            method = .list
            // Less sure than a list in the evidence's own sentence; the sentence before's mark is
            // not counted again.
            value = confidence.list * 0.8
        }
        guard !findings[firstFinding...].contains(where: { $0.indicator == evidence.indicator && $0.country == country }) else { return }
        // Written only for a finding that is kept.
        let attribution: String
        switch placement {
        case let .attributed(chosen): attribution = chosen.text(reportedUnder: sovereign)
        case let .continuedList(name, _): attribution = "list: '\(name)' in a list continuing the sentence before"
        }
        findings.append(Finding(
            id: Finding.makeID(article: articleID, sentenceStart: sentenceStart, sentenceEnd: sentenceEnd, indicator: evidence.indicator, country: country),
            articleID: articleID, month: month, country: country, indicator: evidence.indicator,
            rules: evidence.rules, severity: evidence.severity, polarity: evidence.polarity,
            method: method, attribution: attribution, confidence: (value * 100).rounded() / 100,
            qualifier: evidence.qualifier, sentence: sentenceText, sentenceStart: sentenceStart, sentenceEnd: sentenceEnd,
            originalStart: original?.lowerBound, originalEnd: original?.upperBound, people: sentencePeople()))
    }

    /// The people of the current sentence; the article's introductions are read at the first.
    private mutating func sentencePeople() -> [PersonMention] {
        if people == nil {
            if compiled.ruleSet.people.namesNoOne { return [] }
            // The compiled rules' lexicon is this one (the rule set's), so the tokens carry its facts.
            people = SentencePeople(lexicon: compiled.ruleSet.people, text: text, marked: true)
        }
        return people!.people(ofSentence: sentenceIndex)
    }
}
