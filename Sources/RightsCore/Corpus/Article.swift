import Foundation

/// The metadata an input may give for an article; every field is optional in the input.
public struct ArticleMetadata: Sendable, Equatable, Codable {
    public var id: String?
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: String?
    public var language: String?

    public init(id: String? = nil, title: String? = nil, source: String? = nil, url: String? = nil,
                published: String? = nil, language: String? = nil) {
        self.id = id
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.language = language
    }
}

/// A stored article: metadata, the original text (NFC) and the cleaned text that analysis reads.
public struct Article: Sendable, Equatable, Codable, Identifiable {
    public var id: ArticleID
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: PublishedDate?
    public var language: String?
    /// The decoded input body in Unicode NFC, page noise included.
    public var original: String
    public var cleaned: CleanedText
    /// Hash of the cleaned text: two inputs with the same hash are the same article.
    public var contentHash: String
    /// Where the article was read from (file and, for JSONL/CSV, line).
    public var origin: SourceLocation

    public var isUndated: Bool { published == nil }

    public init(id: ArticleID, title: String?, source: String?, url: String?, published: PublishedDate?,
                language: String?, original: String, cleaned: CleanedText, contentHash: String, origin: SourceLocation) {
        self.id = id
        self.title = title
        self.source = source
        self.url = url
        self.published = published
        self.language = language
        self.original = original
        self.cleaned = cleaned
        self.contentHash = contentHash
        self.origin = origin
    }
}
