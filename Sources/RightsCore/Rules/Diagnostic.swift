import Foundation

/// One problem in the rule files, reported like a compiler:
/// `rules/indicators/press_freedom.yaml:42:7: error R030: …`.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// Stable code, e.g. `R030`; `rightsbrief rules check --help` lists them.
    public var code: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The rule, exclusion or indicator concerned, when there is one.
    public var subject: String?

    public init(_ code: DiagnosticCode, _ location: SourceLocation, _ message: String, subject: String? = nil) {
        self.code = code.rawValue
        self.severity = code.severity
        self.location = location
        self.message = message
        self.subject = subject
    }

    public var description: String {
        "\(location): \(severity.rawValue) \(code): \(subject.map { "\($0): " } ?? "")\(message)"
    }
}

/// Every check the loader and `rules check` perform, with its stable code.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    case yamlSyntax = "R001"
    case unknownKey = "R002"
    case missingKey = "R003"
    case wrongType = "R004"
    case outOfRange = "R005"
    case emptyList = "R006"
    case unreadableFile = "R007"
    case duplicateIndicator = "R010"
    case duplicateRuleID = "R011"
    case fileNameMismatch = "R012"
    case badRuleID = "R013"
    case unknownIndicator = "R020"
    case unknownCountry = "R021"
    case unknownReference = "R022"
    case patternSyntax = "R030"
    case neverMatches = "R031"
    case duplicatePattern = "R032"
    case oppositePolarity = "R033"
    case exampleNotMatched = "R034"
    case counterExampleMatched = "R035"
    case noExamples = "R036"
    case duplicateCountry = "R040"
    case sharedAlias = "R041"
    case leaderOverlap = "R042"
    case malformedCountryCode = "R043"
    case ambiguousNotAName = "R044"
    case commonWordPlaceName = "R045"
    case thresholdsNotIncreasing = "R050"
    case weightsSum = "R051"
    case unknownClass = "R060"
    case unusedClass = "R061"
    case classCycle = "R062"
    case duplicateEntry = "R063"
    case singlePartFrame = "R064"
    case emptyClass = "R065"
    case repeatedAlternatives = "R066"
    case classTooLarge = "R067"
    case unknownAttributionStrategy = "R070"

    public var severity: Diagnostic.Severity {
        switch self {
        case .noExamples, .oppositePolarity, .unknownKey, .unusedClass, .duplicateEntry, .repeatedAlternatives: return .warning
        default: return .error
        }
    }

    public var summary: String {
        switch self {
        case .yamlSyntax: return "YAML syntax error"
        case .unknownKey: return "unknown key (with a suggestion)"
        case .missingKey: return "required key missing"
        case .wrongType: return "value of the wrong type"
        case .outOfRange: return "severity, weight, gap or engine.yaml window out of range"
        case .emptyList: return "empty pattern list"
        case .unreadableFile: return "file missing or unreadable"
        case .duplicateIndicator: return "indicator id defined twice"
        case .duplicateRuleID: return "pattern or exclusion id used twice (across all files)"
        case .fileNameMismatch: return "file name does not match the indicator id"
        case .badRuleID: return "rule id not of the form <indicator>.<name>"
        case .unknownIndicator: return "reference to an indicator that does not exist"
        case .unknownCountry: return "reference to a country that does not exist"
        case .unknownReference: return "reference code not in rules/references.yaml"
        case .patternSyntax: return "pattern syntax error (column inside the pattern)"
        case .neverMatches: return "pattern can never produce a finding (an exclusion always vetoes it)"
        case .duplicatePattern: return "the same pattern twice"
        case .oppositePolarity: return "the same phrase in two indicators with opposite polarity"
        case .exampleNotMatched: return "a must-match example does not match"
        case .counterExampleMatched: return "a must-not-match example matches"
        case .noExamples: return "pattern without examples"
        case .duplicateCountry: return "country code defined twice"
        case .sharedAlias: return "name claimed by two countries, not marked ambiguous in both"
        case .leaderOverlap: return "leader's years overlap another holder of the same office"
        case .malformedCountryCode: return "malformed country code"
        case .ambiguousNotAName: return "`ambiguous` lists a name the country does not have"
        case .commonWordPlaceName: return "a place name that is a single letter or a common word (engine.yaml not_place_names), not marked ambiguous"
        case .thresholdsNotIncreasing: return "coverage thresholds not increasing"
        case .weightsSum: return "coverage level values do not run from 0 to 1 as the index needs"
        case .unknownClass: return "'@name' names no vocabulary class (with a suggestion)"
        case .unusedClass: return "vocabulary class that no pattern, exclusion or class uses"
        case .classCycle: return "vocabulary classes that include each other"
        case .duplicateEntry: return "the same entry twice in one vocabulary class"
        case .singlePartFrame: return "a frame '{…}' with one part"
        case .emptyClass: return "vocabulary class with no entries once expanded"
        case .repeatedAlternatives: return "a list of 6 or more alternatives written out in two patterns (name a class)"
        case .classTooLarge: return "a class that expands to more than 20,000 entries (a sequence of classes multiplies their sizes)"
        case .unknownAttributionStrategy: return "engine.yaml `attribution` names an unknown strategy, one twice, or none"
        }
    }
}

/// Loading failed: every problem found, errors first.
public struct RuleError: Error, Sendable, Equatable, LocalizedError {
    public var diagnostics: [Diagnostic]

    public var errorDescription: String? {
        let errors = diagnostics.filter { $0.severity == .error }
        let shown = errors.prefix(20).map(\.description).joined(separator: "\n")
        let more = errors.count > 20 ? "\n… and \(errors.count - 20) more; run `rightsbrief rules check`" : ""
        return "the rules have \(errors.count) error\(errors.count == 1 ? "" : "s"):\n" + shown + more
    }
}
