/// How a finding's country was chosen.
public enum AttributionMethod: String, Sendable, Codable, CaseIterable {
    /// Named in the sentence, nearest to the evidence.
    case sentence
    /// Named in the same list as the nearest country ("Saudi Arabia, Qatar and the UAE").
    case list
    /// Named earlier in the same paragraph.
    case paragraph
    /// The article's headline country.
    case headline
    /// The dateline ("ASTANA --").
    case dateline
    /// The country the article mentions most.
    case article
    /// A region word ("Central Asia") standing for the article's country.
    case region
}
