/// Sentences a rule must and must not match, written in the rule file.
public struct RuleExamples: Sendable, Equatable, Codable {
    public var match: [String]
    public var noMatch: [String]
    public init(match: [String] = [], noMatch: [String] = []) {
        self.match = match
        self.noMatch = noMatch
    }
}

/// A pattern that, when it matches a sentence, makes that sentence evidence for its indicator.
public struct PatternRule: Sendable, Equatable {
    public var id: RuleID
    public var indicator: IndicatorID
    public var source: String
    public var pattern: Pattern
    public var severity: Int
    public var polarity: Polarity
    public var examples: RuleExamples
    public var location: SourceLocation
    /// Where the pattern text itself stands (for syntax errors and duplicates).
    public var patternLocation: SourceLocation
}

/// A pattern that vetoes matches in the same sentence: of one indicator, or of all (`indicator` nil).
public struct ExclusionRule: Sendable, Equatable {
    public var id: RuleID
    /// The indicator whose file holds it; nil for a global exclusion (`rules/exclusions.yaml`).
    public var indicator: IndicatorID?
    /// For a global exclusion, the indicators it vetoes (`indicators:`); empty means all.
    public var scope: [IndicatorID] = []
    public var scopeLocation: SourceLocation?
    public var source: String
    public var pattern: Pattern
    public var reason: String
    public var examples: RuleExamples
    public var location: SourceLocation

    /// Whether this exclusion vetoes matches of `indicator`.
    public func vetoes(_ indicator: IndicatorID) -> Bool {
        if let owner = self.indicator { return owner == indicator }
        return scope.isEmpty || scope.contains(indicator)
    }
}

/// One human-rights indicator and its rules, from `rules/indicators/<id>.yaml`.
public struct Indicator: Sendable, Equatable {
    public var id: IndicatorID
    public var name: String
    public var description: String
    public var weight: Double
    public var references: [String]
    public var patterns: [PatternRule]
    public var exclusions: [ExclusionRule]
    public var location: SourceLocation
}
