/// How well a (month, country, indicator) is covered by evidence.
public enum CoverageLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case none, thin, moderate, strong

    public static func < (lhs: CoverageLevel, rhs: CoverageLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
