import Foundation

/// Reads CSV (RFC 4180) with a header row naming the article columns; quoted fields may hold
/// commas, doubled quotes and newlines.
struct CSVReader: Sendable {
    let files: ArticleFileReader

    func read(_ url: URL, displayPath: String, emit: (ReaderEvent) -> Void) {
        let folder = url.deletingLastPathComponent()
        let stem = url.deletingPathExtension().lastPathComponent
        guard var lines = try? LineStream(url: url, maxLineBytes: files.maxBytes * 2 + 4096) else {
            emit(.problem(IngestProblem(SourceLocation(file: displayPath), .unreadable(reason: "cannot open"))))
            return
        }
        defer { lines.close() }
        var header: [String]?
        var pending: [UInt8] = []
        var pendingStart = 0
        var insideQuotes = false
        var sawRecord = false
        let recordLimit = files.maxBytes * 2 + 4096

        func handleRecord(_ bytes: [UInt8], line: Int) {
            let location = SourceLocation(file: displayPath, line: line)
            if bytes.contains(0) { emit(.problem(IngestProblem(location, .binaryFile))); return }
            let text = String(decoding: bytes, as: UTF8.self)
            if header == nil && text.trimmingCharacters(in: .whitespaces).isEmpty { return }
            let fields = Self.fields(of: text)
            guard let columns = header else {
                let names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                let known = FrontMatter.knownKeys.union(["body", "file"])
                guard names.contains(where: { known.contains($0) }) else {
                    emit(.problem(IngestProblem(location, .csvMissingHeader)))
                    header = []
                    return
                }
                guard names.contains("body") || names.contains("file") else {
                    emit(.problem(IngestProblem(location, .csvNoBodyColumn)))
                    header = []
                    return
                }
                var unknownColumns = UnknownNameTally(file: displayPath, kind: .column)
                for name in names where !known.contains(name) { unknownColumns.add(name, line: line) }
                unknownColumns.warnings.forEach { emit(.warning($0)) }
                header = names
                return
            }
            if columns.isEmpty { return } // header was unusable: already reported once
            if fields.count == 1 && fields[0].isEmpty { return }
            sawRecord = true
            guard fields.count == columns.count else {
                emit(.problem(IngestProblem(location, .csvColumnCount(expected: columns.count, found: fields.count))))
                return
            }
            var row: [String: String] = [:]
            for (name, value) in zip(columns, fields) where !value.isEmpty { row[name] = value }
            let metadata = ArticleMetadata(id: row["id"], title: row["title"], source: row["source"], url: row["url"],
                                           published: row["published"] ?? row["date"], language: row["language"])
            let body: String
            if let text = row["body"] {
                if text.utf8.count > files.maxBytes { emit(.problem(IngestProblem(location, .tooLarge(bytes: text.utf8.count, limit: files.maxBytes)))); return }
                if TextDecoding.isBlank(text) { emit(.problem(IngestProblem(location, .emptyFile))); return }
                body = text
            } else if let relative = row["file"] {
                guard let target = files.resolve(relative, below: folder) else { emit(.problem(IngestProblem(location, .unsafePath(relative)))); return }
                var warnings: [IngestWarning] = []
                let result = files.readText(at: target, location: SourceLocation(file: "\(location) → \(relative)"), warnings: &warnings)
                warnings.forEach { emit(.warning($0)) }
                switch result {
                case let .success(text): body = text
                case let .failure(problem): emit(.problem(IngestProblem(location, problem.error))); return
                }
            } else {
                emit(.problem(IngestProblem(location, .missingBody)))
                return
            }
            emit(.article(RawArticle(metadata: metadata, body: body, origin: location, fallbackID: "\(stem)-\(line)")))
        }

        while let item = lines.next() {
            switch item {
            case let .tooLong(number, bytes):
                emit(.problem(IngestProblem(SourceLocation(file: displayPath, line: number), .tooLarge(bytes: bytes, limit: files.maxBytes))))
                pending = []
                insideQuotes = false
            case let .line(number, bytes):
                if pending.isEmpty && !insideQuotes { pendingStart = number } else { pending.append(0x0A) }
                pending.append(contentsOf: bytes)
                for byte in bytes where byte == UInt8(ascii: "\"") { insideQuotes.toggle() }
                if pending.count > recordLimit {
                    emit(.problem(IngestProblem(SourceLocation(file: displayPath, line: pendingStart), .tooLarge(bytes: pending.count, limit: files.maxBytes))))
                    return
                }
                if !insideQuotes {
                    handleRecord(pending, line: pendingStart)
                    pending = []
                }
            }
        }
        if insideQuotes {
            emit(.problem(IngestProblem(SourceLocation(file: displayPath, line: pendingStart), .csvUnterminatedQuote)))
        } else if !pending.isEmpty {
            handleRecord(pending, line: pendingStart)
        }
        if header == nil || (!sawRecord && header?.isEmpty == false) {
            emit(.problem(IngestProblem(SourceLocation(file: displayPath), .emptyFile)))
        }
    }

    /// Splits one record into fields. The record is complete (quotes balanced).
    static func fields(of record: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = record.unicodeScalars.makeIterator()
        var lookahead: Unicode.Scalar? = iterator.next()
        while let scalar = lookahead {
            lookahead = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if lookahead == "\"" { field.unicodeScalars.append("\""); lookahead = iterator.next() }
                    else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                fields.append(field)
                field = ""
            } else if scalar == "\r" && lookahead == nil {
                continue
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        fields.append(field)
        return fields
    }
}
