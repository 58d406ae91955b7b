/// A person (or a counted group of people) that a piece of evidence names as its subject:
/// "journalist Amina Yusuf" → name "Amina Yusuf", role "journalist", class `media_worker`;
/// "12 activists" → no name, role "activist", count 12. Stored with each finding.
public struct PersonMention: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name as first written in the article, titles left out; nil for a counted group.
    public var name: String?
    /// The role word that introduced the person, singular and folded ("opposition leader"); nil
    /// for a name introduced by a title alone ("Dr. Ahmed Salem").
    public var role: String?
    /// The vocabulary class of the role (`media_worker`, `activist`…), for comparing reports that
    /// say "reporter" and "journalist".
    public var roleClass: String?
    /// How many people the sentence counts ("two journalists" → 2); nil when it names one person.
    public var count: Int?

    public init(name: String?, role: String?, roleClass: String?, count: Int?) {
        self.name = name
        self.role = role
        self.roleClass = roleClass
        self.count = count
    }

    /// "Amina Yusuf (reporter)", "Dr. Salem" without a role, "2 journalists" for a count.
    public var description: String {
        if let name { return role.map { "\(name) (\($0))" } ?? name }
        guard let count else { return role ?? "?" }
        return "\(count) \(role.map(Self.plural) ?? "people")"
    }

    /// How a list of people is written on one line (explain, the CSV export): "A (reporter); 2 journalists".
    public static func line(_ people: [PersonMention]) -> String {
        people.map(\.description).joined(separator: "; ")
    }

    /// The plural of a role phrase's last word ("opposition leader" → "opposition leaders").
    static func plural(_ role: String) -> String {
        guard let last = role.last else { return role }
        if role.hasSuffix("man") { return role.dropLast(3) + "men" }
        if role.hasSuffix("s") || role.hasSuffix("sh") || role.hasSuffix("ch") || role.hasSuffix("x") { return role + "es" }
        if last == "y", let before = role.dropLast().last, !"aeiou".contains(before) { return role.dropLast() + "ies" }
        return role + "s"
    }
}
