/// Everything under `rules/`, loaded and validated: indicators with their patterns, global
/// exclusions, the gazetteer, the engine's word lists and the known reference codes.
public struct RuleSet: Sendable {
    public var indicators: [Indicator]
    public var globalExclusions: [ExclusionRule]
    public var gazetteer: Gazetteer
    public var engine: EngineSettings
    public var references: [String: String]
    /// The named word classes patterns refer to as `@name` (`rules/vocabulary/`).
    public var vocabulary: Vocabulary = Vocabulary()
    public var scoring: ScoringConfig
    /// The word lists people are read with (`rules/people.yaml` with the vocabulary, engine and
    /// gazetteer words it draws on); empty, so no one is named, when the folder has no people.yaml.
    public var people = PeopleLexicon()
    /// Hash of every rule file's bytes: findings record it, and unchanged rules mean no re-analysis.
    public var contentHash: String
    /// Warnings found while loading (errors make loading throw).
    public var diagnostics: [Diagnostic]

    public var patterns: [PatternRule] { indicators.flatMap(\.patterns) }
    public var exclusions: [ExclusionRule] { indicators.flatMap(\.exclusions) + globalExclusions }

    public func indicator(_ id: IndicatorID) -> Indicator? {
        indicators.first { $0.id == id }
    }
}
