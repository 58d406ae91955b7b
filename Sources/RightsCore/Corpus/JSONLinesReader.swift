import Foundation

/// Reads JSON Lines: one article per line, with `body` or `file` (relative to the JSONL file).
///
/// ```json
/// {"id": "a1", "file": "articles/a1.txt", "title": "…", "source": "RFE/RL", "published": "2015-11-02"}
/// ```
struct JSONLinesReader: Sendable {
    let files: ArticleFileReader

    func read(_ url: URL, displayPath: String, emit: (ReaderEvent) -> Void) {
        let folder = url.deletingLastPathComponent()
        let stem = url.deletingPathExtension().lastPathComponent
        // A line holds a whole body, so it may be as large as one article (plus JSON escaping).
        guard var lines = try? LineStream(url: url, maxLineBytes: files.maxBytes * 2 + 4096) else {
            emit(.problem(IngestProblem(SourceLocation(file: displayPath), .unreadable(reason: "cannot open"))))
            return
        }
        defer { lines.close() }
        var sawAny = false
        var unknownKeys = UnknownNameTally(file: displayPath, kind: .key)
        defer { unknownKeys.warnings.forEach { emit(.warning($0)) } }
        while let item = lines.next() {
            switch item {
            case let .tooLong(number, bytes):
                emit(.problem(IngestProblem(SourceLocation(file: displayPath, line: number), .tooLarge(bytes: bytes, limit: files.maxBytes))))
            case let .line(number, bytes):
                let location = SourceLocation(file: displayPath, line: number)
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                sawAny = true
                for event in parse(bytes, location: location, folder: folder, fallbackID: "\(stem)-\(number)", unknownKeys: &unknownKeys) {
                    emit(event)
                }
            }
        }
        if !sawAny { emit(.problem(IngestProblem(SourceLocation(file: displayPath), .emptyFile))) }
    }

    private func parse(_ bytes: [UInt8], location: SourceLocation, folder: URL, fallbackID: String,
                       unknownKeys: inout UnknownNameTally) -> [ReaderEvent] {
        if bytes.contains(0) { return [.problem(IngestProblem(location, .binaryFile))] }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            return [.problem(IngestProblem(location, .malformedJSON(reason: reason)))]
        }
        guard let dictionary = object as? [String: Any] else { return [.problem(IngestProblem(location, .notAnObject))] }
        var metadata = ArticleMetadata()
        var warnings: [ReaderEvent] = []
        for key in ["id", "title", "source", "url", "published", "language", "body", "file", "date"] {
            guard let value = dictionary[key], !(value is NSNull) else { continue }
            if key == "id", let number = value as? NSNumber {
                metadata.id = number.stringValue
                continue
            }
            guard value is String else { return [.problem(IngestProblem(location, .wrongType(key: key, expected: "a string")))] }
        }
        metadata.id = metadata.id ?? dictionary["id"] as? String
        metadata.title = dictionary["title"] as? String
        metadata.source = dictionary["source"] as? String
        metadata.url = dictionary["url"] as? String
        metadata.published = (dictionary["published"] as? String) ?? (dictionary["date"] as? String)
        metadata.language = dictionary["language"] as? String
        for key in dictionary.keys.sorted() where !FrontMatter.knownKeys.contains(key) && key != "body" && key != "file" {
            unknownKeys.add(key, line: location.line ?? 0)
        }
        let body: String
        switch (dictionary["body"] as? String, dictionary["file"] as? String) {
        case (.some, .some):
            return warnings + [.problem(IngestProblem(location, .bodyAndFile))]
        case let (.some(text), nil):
            if text.utf8.count > files.maxBytes {
                return warnings + [.problem(IngestProblem(location, .tooLarge(bytes: text.utf8.count, limit: files.maxBytes)))]
            }
            if TextDecoding.isBlank(text) { return warnings + [.problem(IngestProblem(location, .emptyFile))] }
            body = text
        case let (nil, .some(relative)):
            guard let target = files.resolve(relative, below: folder) else {
                return warnings + [.problem(IngestProblem(location, .unsafePath(relative)))]
            }
            var fileWarnings: [IngestWarning] = []
            let fileLocation = SourceLocation(file: "\(location) → \(relative)")
            let result = files.readText(at: target, location: fileLocation, warnings: &fileWarnings)
            warnings += fileWarnings.map(ReaderEvent.warning)
            switch result {
            case let .success(text): body = text
            case let .failure(problem): return warnings + [.problem(IngestProblem(location, problem.error))]
            }
        case (nil, nil):
            return warnings + [.problem(IngestProblem(location, .missingBody))]
        }
        return warnings + [.article(RawArticle(metadata: metadata, body: body, origin: location, fallbackID: fallbackID))]
    }
}
