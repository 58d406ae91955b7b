import Foundation

/// Turns a raw article into a stored one: canonical text, noise removed, content hash, date.
public struct ArticleBuilder: Sendable {
    public var cleaner: BoilerplateCleaner
    /// Used when the input gives no date (`--published`).
    public var defaultPublished: PublishedDate?
    /// Used when the input gives no source (`--source`).
    public var defaultSource: String?

    public init(cleaner: BoilerplateCleaner, defaultPublished: PublishedDate? = nil, defaultSource: String? = nil) {
        self.cleaner = cleaner
        self.defaultPublished = defaultPublished
        self.defaultSource = defaultSource
    }

    public func build(_ raw: RawArticle) -> Result<Article, IngestProblem> {
        var published = defaultPublished
        if let text = raw.metadata.published?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            switch PublishedDate.parse(text) {
            case let .success(date): published = date
            case .failure(.unrecognised): return .failure(IngestProblem(raw.origin, .unparseableDate(text)))
            case let .failure(problem): return .failure(IngestProblem(raw.origin, .badDate(text, problem)))
            }
        }
        var original = TextNormalizer.canonical(raw.body)
        // SQLite's C strings end at a NUL (a JSON manifest may carry "\u0000"): the stored text would
        // read back cut short. A space takes its place, one scalar for one, so offsets still hold.
        if original.utf8.contains(0) {
            original = String(String.UnicodeScalarView(original.unicodeScalars.map { $0 == "\u{0}" ? " " : $0 }))
        }
        let cleaned = cleaner.clean(original)
        if cleaned.text.isEmpty { return .failure(IngestProblem(raw.origin, .emptyFile)) }
        let id = Self.nonEmpty(raw.metadata.id).map { ArticleID($0) } ?? ArticleID(raw.fallbackID)
        return .success(Article(
            id: id,
            title: Self.nonEmpty(raw.metadata.title),
            source: Self.nonEmpty(raw.metadata.source) ?? defaultSource,
            url: Self.nonEmpty(raw.metadata.url),
            published: published,
            language: Self.nonEmpty(raw.metadata.language),
            original: original,
            cleaned: cleaned,
            contentHash: ContentHash.of(cleaned.text),
            origin: raw.origin))
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
