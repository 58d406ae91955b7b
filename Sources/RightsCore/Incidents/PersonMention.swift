/// A person (or a counted group of people) that a piece of evidence names as its subject:
/// "journalist Amina Yusuf" → name "Amina Yusuf", role "journalist", class `media_worker`;
/// "12 activists" → no name, role "activist", count 12.
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

    /// The folded name ("amina yusuf"), how names are compared across articles.
    public var key: String? { name.map { Tokenizer.words($0).joined(separator: " ") } }

    public var description: String {
        let who = name ?? count.map { "\($0)" } ?? "?"
        return role.map { "\(who) (\($0))" } ?? who
    }
}
