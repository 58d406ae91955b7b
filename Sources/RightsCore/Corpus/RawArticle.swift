/// An article as a reader found it, before cleaning and dating.
public struct RawArticle: Sendable, Equatable {
    public var metadata: ArticleMetadata
    public var body: String
    public var origin: SourceLocation
    /// The id to use when the input gives none (from the file path, or file and line).
    public var fallbackID: String

    public init(metadata: ArticleMetadata, body: String, origin: SourceLocation, fallbackID: String) {
        self.metadata = metadata
        self.body = body
        self.origin = origin
        self.fallbackID = fallbackID
    }
}

/// What a reader reports, in input order.
public enum ReaderEvent: Sendable, Equatable {
    case article(RawArticle)
    case problem(IngestProblem)
    case warning(IngestWarning)
}
