/// Receives what the analysis stages decide for each sentence that has a match: what fired, what
/// was vetoed and why, how each indicator's country was chosen, and the findings made. The pipeline
/// analyses with `SilentTrace`, which does nothing; `TraceCollector` keeps it all for `explain`,
/// `rules test` and the tests.
///
/// The analyzer is generic over its trace, so for `SilentTrace` the calls, and the text given to
/// them (autoclosures), are compiled away rather than made and thrown away.
public protocol AnalysisTrace: AttributionTrace {
    /// Whether findings carry their sentence's text; the store keeps its offsets instead.
    static var keepsSentenceText: Bool { get }
    /// A sentence with matches, or a bare list of countries continuing the sentence before.
    mutating func sentenceBegan(text: @autoclosure () -> String, start: Int, end: Int, places: @autoclosure () -> [PlaceMention])
    /// A match that survived every veto.
    mutating func matchKept(_ match: @autoclosure () -> MatchReport)
    mutating func matchVetoed(_ rule: @autoclosure () -> RuleID, because reason: @autoclosure () -> VetoReason)
    /// The attribution steps that follow are for `indicator`.
    mutating func attributing(_ indicator: @autoclosure () -> IndicatorID)
    /// The findings the sentence gave (none, if every match was vetoed or no country was found).
    mutating func sentenceEnded(findings: @autoclosure () -> ArraySlice<Finding>)
}

/// Why a match did not become evidence.
public enum VetoReason: Sendable, Equatable, CustomStringConvertible {
    /// The headline announces a review of a film, book, play or show.
    case reviewHeadline
    /// The frame's parts are in different clauses, `boundary` between them.
    case frameClauses(boundary: String)
    /// An exclusion fired in the sentence.
    case excluded(by: RuleID, reason: String)
    /// A negator stands before the match, in its clause, or inside it.
    case negated(by: String)

    public var description: String {
        switch self {
        case .reviewHeadline: return "the headline announces a review: what it retells is fiction or history"
        case let .frameClauses(boundary): return "the frame's parts are in different clauses ('\(boundary)' between them)"
        case let .excluded(rule, reason): return "excluded by \(rule)\(reason.isEmpty ? "" : ": \(reason)")"
        case let .negated(word): return "negated by '\(word)'"
        }
    }
}

/// The trace the analysis pipeline uses: it keeps nothing and costs nothing.
public struct SilentTrace: AnalysisTrace {
    public static var keepsSentenceText: Bool { false }

    public init() {}

    public mutating func sentenceBegan(text: @autoclosure () -> String, start: Int, end: Int, places: @autoclosure () -> [PlaceMention]) {}
    public mutating func matchKept(_ match: @autoclosure () -> MatchReport) {}
    public mutating func matchVetoed(_ rule: @autoclosure () -> RuleID, because reason: @autoclosure () -> VetoReason) {}
    public mutating func attributing(_ indicator: @autoclosure () -> IndicatorID) {}
    public mutating func attributionStep(_ description: @autoclosure () -> String) {}
    public mutating func sentenceEnded(findings: @autoclosure () -> ArraySlice<Finding>) {}
}
