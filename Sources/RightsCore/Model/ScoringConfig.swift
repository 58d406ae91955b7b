/// Thresholds and caps of `rules/scoring.yaml`.
public struct ScoringConfig: Sendable, Equatable {
    /// Distinct articles needed for each coverage level, increasing: thin, moderate, strong.
    public var thinArticles = 1
    public var moderateArticles = 2
    public var strongArticles = 4
    /// Concern counted from one article for one indicator at most (so one long article cannot dominate).
    public var concernCapPerArticle = 6
    /// What each coverage level is worth in the coverage index (0–1, increasing, strong = 1):
    /// index = 100 × Σ weight × value(level) / Σ weight over all indicators.
    public var levelValues: [CoverageLevel: Double] = [.none: 0, .thin: 0.34, .moderate: 0.67, .strong: 1]
    /// Findings below this confidence are stored and shown but do not count in scores.
    public var minimumConfidence = 0.0

    public init() {}
}
