import Foundation
import GRDB

/// The `article` table row.
struct ArticleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "article"
    var id: String
    var title: String?
    var source: String?
    var url: String?
    var published: String?
    var day: String?
    var month: String?
    var language: String?
    var original: String
    var cleaned: String
    var segments: Data
    var contentHash: String
    var origin: String
    var ingestedAt: String

    init(_ article: Article, ingestedAt: String) throws {
        id = article.id.rawValue
        title = article.title
        source = article.source
        url = article.url
        published = article.published?.raw
        day = article.published?.day
        month = article.published?.month.rawValue
        language = article.language
        original = article.original
        cleaned = article.cleaned.text
        segments = try JSONEncoder().encode(article.cleaned.segments)
        contentHash = article.contentHash
        origin = article.origin.description
        self.ingestedAt = ingestedAt
    }

    func article() -> Article {
        let segmentList = (try? JSONDecoder().decode([OffsetSegment].self, from: segments)) ?? []
        return Article(
            id: ArticleID(id), title: title, source: source, url: url,
            published: published.flatMap(PublishedDate.init), language: language,
            original: original, cleaned: CleanedText(text: cleaned, segments: segmentList, removedLines: []),
            contentHash: contentHash, origin: SourceLocation(file: origin))
    }
}

/// A stored article without its text, for listings.
public struct ArticleSummary: Sendable, Equatable, Codable {
    public var id: ArticleID
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: String?
    public var month: String?
    public var characters: Int
    public var findings: Int
}
