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
        segments = Self.encode(article.cleaned.segments)
        contentHash = article.contentHash
        origin = article.origin.description
        self.ingestedAt = ingestedAt
    }

    func article() -> Article {
        let segmentList = Self.decode(segments)
        return Article(
            id: ArticleID(id), title: title, source: source, url: url,
            published: published.flatMap(PublishedDate.init), language: language,
            original: original, cleaned: CleanedText(text: cleaned, segments: segmentList, removedLines: []),
            contentHash: contentHash, origin: SourceLocation(file: origin))
    }
}

extension ArticleRecord {
    /// Segments as little-endian Int32 triples (cleaned start, original start, length): compact,
    /// and decoded without a JSON parser when thousands of articles are analysed.
    static func encode(_ segments: [OffsetSegment]) -> Data {
        var data = Data(capacity: segments.count * 12)
        for segment in segments {
            for value in [segment.cleanedStart, segment.originalStart, segment.length] {
                withUnsafeBytes(of: Int32(truncatingIfNeeded: value).littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    static func decode(_ data: Data) -> [OffsetSegment] {
        // Stores written before this format hold JSON.
        if data.first == UInt8(ascii: "[") { return (try? JSONDecoder().decode([OffsetSegment].self, from: data)) ?? [] }
        let bytes = [UInt8](data)
        var segments: [OffsetSegment] = []
        segments.reserveCapacity(bytes.count / 12)
        func value(_ offset: Int) -> Int {
            Int(Int32(bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24))
        }
        var offset = 0
        while offset + 12 <= bytes.count {
            segments.append(OffsetSegment(cleanedStart: value(offset), originalStart: value(offset + 4), length: value(offset + 8)))
            offset += 12
        }
        return segments
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
