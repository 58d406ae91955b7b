/// What happened in one sentence that had at least one match: for `explain` and tests.
public struct SentenceReport: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var matches: [MatchReport]
    public var vetoed: [VetoedMatch]
    public var places: [PlaceMention]
    /// How each indicator's country was chosen, "indicator: step".
    public var steps: [AttributionStep]
    public var findings: [Finding]
}

/// A match that counts, with its text and qualifier.
public struct MatchReport: Sendable, Equatable {
    public var rule: RuleID
    public var indicator: IndicatorID
    public var text: String
    /// The match's folded words, as the rules read them (for `PatternExplanation`).
    public var words: [String]
    public var qualifier: Qualifier?
}

/// A match that did not become evidence, and why.
public struct VetoedMatch: Sendable, Equatable {
    public var rule: RuleID
    public var reason: String
}

/// The trace `explain`, `rules test` and the tests analyse with: a `SentenceReport` for every
/// sentence with a match, in text order.
public struct TraceCollector: AnalysisTrace {
    public static var keepsSentenceText: Bool { true }

    public private(set) var sentences: [SentenceReport] = []
    /// The indicator whose country is being chosen, which prefixes the steps.
    private var indicator: IndicatorID?

    public init() {}

    public mutating func sentenceBegan(text: @autoclosure () -> String, start: Int, end: Int, places: @autoclosure () -> [PlaceMention]) {
        sentences.append(SentenceReport(text: text(), start: start, end: end, matches: [], vetoed: [], places: places(), steps: [], findings: []))
        indicator = nil
    }

    public mutating func matchKept(_ match: @autoclosure () -> MatchReport) {
        sentences[sentences.count - 1].matches.append(match())
    }

    public mutating func matchVetoed(_ rule: @autoclosure () -> RuleID, because reason: @autoclosure () -> VetoReason) {
        sentences[sentences.count - 1].vetoed.append(VetoedMatch(rule: rule(), reason: reason().description))
    }

    public mutating func attributing(_ indicator: @autoclosure () -> IndicatorID) {
        self.indicator = indicator()
    }

    public mutating func attributionStep(_ description: @autoclosure () -> String) {
        let step = indicator.map { "\($0): \(description())" } ?? description()
        sentences[sentences.count - 1].steps.append(AttributionStep(description: step))
    }

    public mutating func sentenceEnded(findings: @autoclosure () -> ArraySlice<Finding>) {
        sentences[sentences.count - 1].findings = Array(findings())
    }
}
