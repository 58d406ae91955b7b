/// A match that was qualified but kept.
public enum Qualifier: String, Sendable, Codable {
    /// "denied torturing": an allegation denied is still evidence.
    case denied
    /// "allegedly", "reportedly".
    case alleged
}
