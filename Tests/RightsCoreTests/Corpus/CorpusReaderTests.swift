import Foundation
import Testing
@testable import RightsCore

@Suite struct CorpusReaderTests {
    func events(_ folder: TemporaryFolder, _ paths: [String], maxBytes: Int = 5_000_000) -> (articles: [RawArticle], problems: [IngestProblem], warnings: [IngestWarning]) {
        let collected = InputCollector.collect(paths, relativeTo: folder.url)
        var articles: [RawArticle] = [], problems = collected.problems, warnings: [IngestWarning] = []
        let reader = CorpusReader(maxBytes: maxBytes)
        for file in collected.files {
            reader.read(file) { event in
                switch event {
                case let .article(article): articles.append(article)
                case let .problem(problem): problems.append(problem)
                case let .warning(warning): warnings.append(warning)
                }
            }
        }
        return (articles, problems, warnings)
    }

    @Test("a Markdown file with front matter gives its metadata and body; folders are read recursively in order")
    func frontMatter() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/b/second.md", "---\nid: kz-1\ntitle: \"Reporter: detained\"\nsource: Steppe Wire\nurl: https://example.org/a\npublished: 2026-09-14\nlanguage: en\n---\nALMATY — Police detained a reporter.\n")
        try folder.write("in/a/first.txt", "No front matter here, just text.")
        try folder.write("in/a/picture.png", Data([0x89, 0x50]))
        let result = events(folder, ["in"])
        #expect(result.problems.isEmpty)
        #expect(result.articles.map(\.fallbackID) == ["a/first", "b/second"])
        let article = result.articles[1]
        #expect(article.metadata == ArticleMetadata(id: "kz-1", title: "Reporter: detained", source: "Steppe Wire", url: "https://example.org/a", published: "2026-09-14", language: "en"))
        #expect(article.body == "ALMATY — Police detained a reporter.\n")
    }

    @Test("front matter that never closes or is not a mapping is rejected with the file named")
    func badFrontMatter() throws {
        let folder = try TemporaryFolder()
        try folder.write("open.md", "---\ntitle: x\nbody without closing\n")
        try folder.write("list.md", "---\n- a\n- b\n---\nbody\n")
        let result = events(folder, ["open.md", "list.md"])
        #expect(result.articles.isEmpty)
        #expect(result.problems.map(\.location.file) == ["open.md", "list.md"])
        #expect(result.problems.allSatisfy { if case .badFrontMatter = $0.error { return true } else { return false } })
    }

    @Test("JSON Lines: body or file, ids kept; malformed lines are reported with their line and the rest still read")
    func jsonLines() throws {
        let folder = try TemporaryFolder()
        try folder.write("feed/articles/one.txt", "Text of article one.")
        try folder.write("feed/m.jsonl", """
            {"id": "one", "file": "articles/one.txt", "title": "One", "published": "2015-11-02"}
            {"id": "two", "body": "Text of article two.", "source": "Wire"}
            {"id": "three", "body": "unterminated
            [1, 2]
            {"id": "four"}
            {"id": "five", "file": "../../etc/passwd"}
            {"id": "six", "file": "/etc/passwd"}
            {"id": "seven", "body": 42}

            """)
        let result = events(folder, ["feed/m.jsonl"])
        #expect(result.articles.map(\.metadata.id) == ["one", "two"])
        #expect(result.articles[0].body == "Text of article one.")
        #expect(result.problems.map(\.location.line) == [3, 4, 5, 6, 7, 8])
        #expect(result.problems[0].error.isMalformedJSON)
        #expect(result.problems[1].error == .notAnObject)
        #expect(result.problems[2].error == .missingBody)
        #expect(result.problems[3].error == .unsafePath("../../etc/passwd"))
        #expect(result.problems[4].error == .unsafePath("/etc/passwd"))
        #expect(result.problems[5].error == .wrongType(key: "body", expected: "a string"))
    }

    @Test("CSV: quoted fields with commas, doubled quotes and newlines; rows with the wrong column count are reported")
    func csv() throws {
        let folder = try TemporaryFolder()
        try folder.write("feed.csv", "id,title,published,body\r\nc1,\"Title, with comma\",2026-10-01,\"Line one,\nline \"\"two\"\".\"\r\nc2,Short,2026-10-02\r\nc3,Fine,2026-10-03,Plain body.\r\n")
        let result = events(folder, ["feed.csv"])
        #expect(result.articles.map(\.metadata.id) == ["c1", "c3"])
        #expect(result.articles[0].metadata.title == "Title, with comma")
        #expect(result.articles[0].body == "Line one,\nline \"two\".")
        #expect(result.problems == [IngestProblem(SourceLocation(file: "feed.csv", line: 4), .csvColumnCount(expected: 4, found: 3))])
    }

    @Test("CSV without a header, or with an unclosed quote, is rejected")
    func csvBroken() throws {
        let folder = try TemporaryFolder()
        try folder.write("noheader.csv", "a,b,c\n1,2,3\n")
        try folder.write("open.csv", "id,body\nx,\"never closed\n")
        let result = events(folder, ["noheader.csv", "open.csv"])
        #expect(result.articles.isEmpty)
        #expect(result.problems.contains(IngestProblem(SourceLocation(file: "noheader.csv", line: 1), .csvMissingHeader)))
        #expect(result.problems.contains(IngestProblem(SourceLocation(file: "open.csv", line: 2), .csvUnterminatedQuote)))
    }

    @Test("binary, empty and oversized files are rejected; invalid UTF-8 is replaced with a warning")
    func badFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("binary.txt", Data([0x41, 0x00, 0x42]))
        try folder.write("empty.txt", "  \n\n")
        try folder.write("large.txt", String(repeating: "word ", count: 100))
        try folder.write("latin1.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6B]))
        try folder.write("notes.pdf", "%PDF")
        let result = events(folder, ["binary.txt", "empty.txt", "large.txt", "latin1.txt", "missing.txt", "notes.pdf"], maxBytes: 200)
        #expect(result.problems.map(\.error) == [.unreadable(reason: "no such file or folder"), .unsupportedFile(extension: "pdf"),
                                                 .binaryFile, .emptyFile, .tooLarge(bytes: 500, limit: 200)])
        #expect(result.articles.map(\.body) == ["Caf\u{FFFD} ok"])
        #expect(result.warnings.count == 1)
    }

    @Test("a UTF-8 byte order mark at the start of a CSV or JSONL file is not part of the first column or key")
    func byteOrderMark() throws {
        let folder = try TemporaryFolder()
        let bom = Data([0xEF, 0xBB, 0xBF])
        try folder.write("excel.csv", bom + Data("id,title,body\r\nc1,First,Police detained a reporter.\r\n".utf8))
        try folder.write("feed.jsonl", bom + Data("{\"id\": \"j1\", \"body\": \"Police detained a blogger.\"}\n".utf8))
        try folder.write("note.md", bom + Data("---\nid: m1\n---\nPolice detained an editor.\n".utf8))
        let result = events(folder, ["excel.csv", "feed.jsonl", "note.md"])
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.articles.map(\.metadata.id) == ["c1", "j1", "m1"])
    }

    @Test("a file whose name is not valid UTF-8 is rejected and named with its bytes escaped, not skipped in silence")
    func undecodableFileName() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/good.txt", "Police detained a reporter.")
        // "bad\xFF.txt": a Latin-1 "ÿ" copied from an old archive.
        let name: [UInt8] = Array("bad".utf8) + [0xFF] + Array(".txt".utf8)
        let path = Array(folder.url.appendingPathComponent("in").path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        try #require(descriptor >= 0)
        _ = "Police detained an editor.".withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        let result = events(folder, ["in"])
        #expect(result.articles.map(\.fallbackID) == ["good"])
        #expect(result.problems == [IngestProblem(SourceLocation(file: "in/bad\\xFF.txt"), .fileNameNotUTF8)])
    }

    @Test("a pipe named like an article is rejected as not a regular file, not read (it would wait forever) nor skipped in silence")
    func pipeNamedLikeArticle() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/good.txt", "Police detained a reporter.")
        try #require(mkfifo(folder.url.appendingPathComponent("in/feed.jsonl").path, 0o644) == 0)
        let result = events(folder, ["in"])
        #expect(result.articles.map(\.fallbackID) == ["good"])
        #expect(result.problems == [IngestProblem(SourceLocation(file: "in/feed.jsonl"), .unreadable(reason: "not a regular file (a pipe, socket or device)"))])
    }

    @Test("a subfolder that cannot be read is rejected with the reason", .enabled(if: geteuid() != 0))
    func unreadableSubfolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/good.txt", "Police detained a reporter.")
        try folder.write("in/locked/hidden.txt", "Police detained an editor.")
        let locked = folder.url.appendingPathComponent("in/locked").path
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        let result = events(folder, ["in"])
        #expect(result.articles.map(\.fallbackID) == ["good"])
        #expect(result.problems == [IngestProblem(SourceLocation(file: "in/locked"), .unreadable(reason: "folder cannot be read (Permission denied)"))])
    }

    @Test("unknown JSONL keys and CSV columns: one warning per key with its count and first line, at most 20 keys per file")
    func unknownKeysSummarised() throws {
        let folder = try TemporaryFolder()
        let lines = (1 ... 300).map { #"{"id": "a\#($0)", "extra": 1, "body": "Police detained reporter number \#($0)."}"# }
        try folder.write("feed.jsonl", lines.joined(separator: "\n") + "\n")
        let columns = (1 ... 10_000).map { "x\($0)" }
        try folder.write("wide.csv", "id,body," + columns.joined(separator: ",") + "\nw1,Police detained a blogger.," + String(repeating: ",", count: 9_999) + "\n")
        let result = events(folder, ["feed.jsonl", "wide.csv"])
        #expect(result.articles.count == 301)
        let jsonl = result.warnings.filter { $0.location.file == "feed.jsonl" }
        #expect(jsonl.map(\.description) == ["feed.jsonl:1: warning: unknown key `extra` ignored on 300 lines (first on line 1)"])
        let csv = result.warnings.filter { $0.location.file == "wide.csv" }
        #expect(csv.count == 21)
        #expect(csv.first?.description == "wide.csv:1: warning: unknown column `x1` ignored")
        #expect(csv.last?.description == "wide.csv:1: warning: … and 9980 more unknown columns ignored")
    }

    @Test("a symbolic link out of the named folder is not followed")
    func symlinkOut() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret.txt", "Outside text.")
        let folder = try TemporaryFolder()
        try folder.write("in/ok.txt", "Inside text.")
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("in/link.txt"), withDestinationURL: outside.url.appendingPathComponent("secret.txt"))
        let result = events(folder, ["in"])
        #expect(result.articles.map(\.body) == ["Inside text."])
    }
}

@Suite struct PublishedDateTests {
    @Test("dates are read in the publication's own time zone", arguments: [
        ("2015-11-30T23:30-05:00", "2015-11"),
        ("2015-12-01T00:30+02:00", "2015-12"),
        ("2015-11-02", "2015-11"),
        ("2015-11-02 10:00", "2015-11"),
        ("2 November 2015", "2015-11"),
        ("Nov. 2, 2015", "2015-11"),
        ("2024-02-29", "2024-02"),
    ])
    func months(text: String, month: String) {
        #expect(PublishedDate(text)?.month.rawValue == month)
    }

    @Test("impossible or unreadable dates are refused", arguments: ["2015-02-30", "2015-13-01", "yesterday", "2015-11-02Tnoon", ""])
    func refused(text: String) {
        #expect(PublishedDate(text) == nil)
    }

    @Test("a time of day or an offset that cannot exist is refused", arguments: [
        "2024-06-01T25:99+99:00", "2024-06-01T24:00Z", "2024-06-01T10:60", "2024-06-01T10:00:61Z", "2024-06-01T10:00+15:00",
        "2024-06-01T10:00+05:60", "2024-06-01T10", "2024-06-01T10:00+5", "2024-06-01T:", "2024-06-01T10:00Z+01:00",
    ])
    func impossibleTimes(text: String) {
        #expect(PublishedDate(text) == nil)
    }

    @Test("valid times and offsets are still read", arguments: [
        ("2024-06-01T23:59:59.123+14:00", "2024-06"), ("2024-06-01T00:00-12:00", "2024-06"), ("2024-06-01 10:00", "2024-06"),
        ("2024-06-01T10:00:00Z", "2024-06"), ("2024-06-01T10:00+0530", "2024-06"), ("2024-06-01T10:00+05", "2024-06"),
    ])
    func validTimes(text: String, month: String) {
        #expect(PublishedDate(text)?.month.rawValue == month)
    }

    @Test("a real date outside the accepted years is rejected with the range, not as unparseable")
    func outOfRangeMessage() throws {
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate))
        let raw = RawArticle(metadata: ArticleMetadata(published: "9999-12-31"), body: "Police detained a reporter.",
                             origin: SourceLocation(file: "far.md"), fallbackID: "far")
        guard case let .failure(problem) = builder.build(raw) else { Issue.record("9999-12-31 was accepted"); return }
        let message = problem.error.localizedDescription
        #expect(message == "bad date '9999-12-31': year 9999 is outside the accepted years 1800–2200")
        let time = RawArticle(metadata: ArticleMetadata(published: "2024-06-01T25:99+99:00"), body: "Police detained a reporter.",
                              origin: SourceLocation(file: "late.md"), fallbackID: "late")
        guard case let .failure(timeProblem) = builder.build(time) else { Issue.record("25:99 was accepted"); return }
        #expect(timeProblem.error.localizedDescription == "bad date '2024-06-01T25:99+99:00': hour 25 does not exist (00–23)")
    }

    @Test("the month before January is December of the year before")
    func previous() {
        #expect(Month(rawValue: "2026-01")!.previous.rawValue == "2025-12")
        #expect(Month(rawValue: "2026-13") == nil)
    }
}

extension CorpusError {
    var isMalformedJSON: Bool { if case .malformedJSON = self { return true } else { return false } }
}

@Suite struct MonthTests {
    @Test("the month after December is January of the year after")
    func next() {
        #expect(Month(rawValue: "2025-12")!.next.rawValue == "2026-01")
        #expect(Month(rawValue: "2026-01")!.next.previous.rawValue == "2026-01")
    }

    @Test("a month is exactly YYYY-MM with a month 01–12 and a year from 1800", arguments: [
        ("2026-10", true), ("1800-01", true), ("2026-12", true),
        ("2026-13", false), ("2026-00", false), ("1799-12", false), ("2026-1", false), ("202610", false), ("2026/10", false),
        ("2026-10 ", false), ("-2026-10", false), ("2026-1a", false), ("２０２６-10", false), ("", false),
    ])
    func parse(_ text: String, valid: Bool) {
        #expect((Month(rawValue: text) != nil) == valid)
    }
}
