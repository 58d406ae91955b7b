/// Whether a piece of evidence reports a problem or an improvement (a release, a pardon).
public enum Polarity: String, Sendable, Codable, CaseIterable {
    case concern, improvement
}
