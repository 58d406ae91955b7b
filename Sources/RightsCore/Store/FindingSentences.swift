import GRDB

/// The sentences of the findings of articles with many findings, cut from the article's cleaned
/// text here (`FindingRow.selection` says why).
///
/// An article's text is read once while its findings come in (the last few articles are kept:
/// reads in country and indicator order come back to them), with a table of where every 64th
/// scalar starts.
struct FindingSentences {
    private var recent: [ArticleScalars] = []
    /// Articles kept; the oldest is dropped past it.
    static let kept = 8

    /// The text of scalars `start ..< end` of article `article`'s cleaned text, "" where there is none.
    mutating func sentence(article: String, start: Int, end: Int, db: Database) throws -> String {
        let text: ArticleScalars
        if let index = recent.firstIndex(where: { $0.id == article }) {
            text = recent[index]
        } else {
            let cleaned = try String.fetchOne(db.cachedStatement(sql: "SELECT cleaned FROM article WHERE id = ?"), arguments: [article]) ?? ""
            text = ArticleScalars(id: article, text: cleaned)
            if recent.count == Self.kept { recent.removeFirst() }
            recent.append(text)
        }
        return text.slice(start, end)
    }
}

/// An article's cleaned text as UTF-8, with the byte offset of every 64th scalar.
private struct ArticleScalars {
    let id: String
    let utf8: [UInt8]
    let checkpoints: [Int]
    static let stride = 64

    init(id: String, text: String) {
        self.id = id
        utf8 = Array(text.utf8)
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(utf8.count / Self.stride + 1)
        var scalar = 0
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            if scalar % Self.stride == 0 { checkpoints.append(offset) }
            scalar += 1
        }
        self.checkpoints = checkpoints
    }

    /// The byte offset where scalar `scalar` starts (the end of the text past its last).
    func offset(ofScalar scalar: Int) -> Int {
        guard scalar > 0 else { return 0 }
        let checkpoint = scalar / Self.stride
        guard checkpoint < checkpoints.count else { return utf8.count }
        var offset = checkpoints[checkpoint]
        var remaining = scalar - checkpoint * Self.stride
        while remaining > 0, offset < utf8.count {
            offset += 1
            while offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// As SQLite's `substr(text, start + 1, end - start)`: scalars `start ..< end`, clamped to the text.
    func slice(_ start: Int, _ end: Int) -> String {
        let lower = offset(ofScalar: max(0, start))
        let upper = max(lower, offset(ofScalar: max(0, end)))
        return String(decoding: utf8[lower ..< upper], as: UTF8.self)
    }
}
