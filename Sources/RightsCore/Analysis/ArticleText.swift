/// What analysis reads of a stored article: its cleaned text, with the map back to the original,
/// and the headline and month. The original text and the metadata stay in the store.
public struct ArticleText: Sendable, Equatable {
    public var id: ArticleID
    public var title: String?
    public var month: Month?
    public var cleaned: CleanedText
    /// The stored text's hash: findings are stored only if the article still has this text.
    public var contentHash: String

    public init(id: ArticleID, title: String?, month: Month?, cleaned: CleanedText, contentHash: String) {
        self.id = id
        self.title = title
        self.month = month
        self.cleaned = cleaned
        self.contentHash = contentHash
    }

    public init(_ article: Article) {
        self.init(id: article.id, title: article.title, month: article.published?.month, cleaned: article.cleaned, contentHash: article.contentHash)
    }
}
