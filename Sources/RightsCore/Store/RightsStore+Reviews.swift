import Foundation
import GRDB

/// A reviewer's decision as stored.
public struct Review: Sendable, Equatable {
    public var findingID: FindingID
    public var decision: ReviewDecision
    public var note: String?
    public var reviewer: String?
    public var reviewedAt: String
    public var sourceFile: String?

    public init(findingID: FindingID, decision: ReviewDecision, note: String?, reviewer: String?, reviewedAt: String, sourceFile: String?) {
        self.findingID = findingID
        self.decision = decision
        self.note = note
        self.reviewer = reviewer
        self.reviewedAt = reviewedAt
        self.sourceFile = sourceFile
    }
}

/// What a source article contributes to a brief: who published it, when, and where.
public struct ArticleReference: Sendable, Equatable {
    public var id: ArticleID
    public var title: String?
    public var source: String?
    public var url: String?
    public var published: String?
    public var day: String?
}

extension RightsStore {
    /// Every review, by finding id.
    public func reviews() throws -> [FindingID: Review] {
        try read("reviews") { db in
            var result: [FindingID: Review] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM review") {
                guard let decision = ReviewDecision(rawValue: row["decision"]) else { continue }
                let id = FindingID(row["findingId"] as String)
                result[id] = Review(findingID: id, decision: decision, note: row["note"], reviewer: row["reviewer"],
                                    reviewedAt: row["reviewedAt"], sourceFile: row["sourceFile"])
            }
            return result
        }
    }

    /// Stores decisions in one transaction (a later decision on the same finding replaces the earlier).
    public func record(_ reviews: [Review]) throws {
        try write("\(reviews.count) reviews") { db in
            for review in reviews {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO review (findingId, decision, note, reviewer, reviewedAt, sourceFile) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [review.findingID.rawValue, review.decision.rawValue, review.note, review.reviewer, review.reviewedAt, review.sourceFile])
            }
        }
    }

    /// Metadata of the given articles (no text).
    public func articleReferences(_ ids: [ArticleID]) throws -> [ArticleID: ArticleReference] {
        let keys = ids.map(\.rawValue)
        return try read("article metadata") { db in
            var result: [ArticleID: ArticleReference] = [:]
            for chunk in stride(from: 0, to: keys.count, by: 500) {
                let part = Array(keys[chunk ..< min(chunk + 500, keys.count)])
                let rows = try Row.fetchAll(db, sql: "SELECT id, title, source, url, published, day FROM article WHERE id IN (\(part.map { _ in "?" }.joined(separator: ",")))",
                                            arguments: StatementArguments(part))
                for row in rows {
                    let id = ArticleID(row["id"] as String)
                    result[id] = ArticleReference(id: id, title: row["title"], source: row["source"], url: row["url"], published: row["published"], day: row["day"])
                }
            }
            return result
        }
    }

    /// The months that have findings, sorted.
    public func monthsWithFindings() throws -> [Month] {
        try read("months") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT month FROM finding WHERE month IS NOT NULL ORDER BY month").compactMap { Month(rawValue: $0) }
        }
    }
}
