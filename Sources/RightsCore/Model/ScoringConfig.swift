/// Thresholds of `rules/scoring.yaml`.
public struct ScoringConfig: Sendable, Equatable {
    /// Distinct incidents (events, however many articles report them) needed for each coverage
    /// level, increasing: thin, moderate, strong.
    public var thinIncidents = 1
    public var moderateIncidents = 2
    public var strongIncidents = 4
    /// What each coverage level is worth in the coverage index (0–1, increasing, strong = 1):
    /// index = 100 × Σ weight × value(level) / Σ weight over all indicators.
    public var levelValues: [CoverageLevel: Double] = [.none: 0, .thin: 0.34, .moderate: 0.67, .strong: 1]
    /// Findings below this confidence are stored and shown but do not count in scores.
    public var minimumConfidence = 0.0

    public init() {}
}
