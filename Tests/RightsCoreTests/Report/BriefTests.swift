import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import RightsCore

@Suite struct MarkdownEscapingTests {
    @Test("quotes cannot break a table or inject HTML", arguments: [
        ("a | b", "a \\| b"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("`code`", "\\`code\\`"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("two\nlines", "two lines"),
        ("[link](javascript:x)", "\\[link\\](javascript:x)"),
    ])
    func escapes(input: String, expected: String) {
        #expect(MarkdownEscaping.text(input) == expected)
    }

    @Test("only http(s) links are links")
    func links() {
        #expect(MarkdownEscaping.link("Wire", "https://example.org/a (1)") == "[Wire](https://example.org/a%20%281%29)")
        #expect(MarkdownEscaping.link("Wire", "javascript:alert(1)") == "Wire")
        #expect(MarkdownEscaping.link("Wire", nil) == "Wire")
    }
}

/// Briefs from a small store: structure, escaping through a CommonMark parser, pictures, atomic writes.
@Suite(.serialized) struct BriefTests {
    static let templates = TestPaths.repository.appendingPathComponent("reports/templates")

    static func store(extraSentence: String? = nil) async throws -> RightsStore {
        let store = try RightsStore()
        let builder = ArticleBuilder(cleaner: BoilerplateCleaner(rules: ShippedRules.boilerplate))
        var bodies = [
            ("kz1", "2026-09-10", "Steppe Wire", "Police in Almaty arrested two journalists on Monday."),
            ("kz2", "2026-10-03", "Steppe Wire", "Police in Kazakhstan detained three journalists after a protest."),
            ("kz3", "2026-10-12", "Other Wire", "Kazakhstan's authorities jailed a blogger for two years."),
            ("by1", "2026-10-20", "Minsk Desk", "Belarus pardoned 16 political prisoners on Friday."),
        ]
        if let extraSentence { bodies.append(("kz4", "2026-10-25", "Pipe | Wire", extraSentence)) }
        let articles = bodies.map { id, date, source, body in
            try! builder.build(RawArticle(metadata: ArticleMetadata(id: id, title: "Title of \(id)", source: source, url: "https://example.org/\(id)", published: date),
                                          body: body, origin: SourceLocation(file: id), fallbackID: id)).get()
        }
        _ = try store.insert(articles, at: Date(timeIntervalSince1970: 0))
        _ = try await AnalysisPipeline(compiled: ShippedRules.compiled).run(store: store)
        return store
    }

    @Test("a brief has title, summary, indicator table, evidence, gaps and sources; the index ranks countries")
    func structure() async throws {
        let store = try await Self.store()
        let reports = try MonthlyReports(rules: ShippedRules.ruleSet, templates: Self.templates, out: try TemporaryFolder().url)
        let month = try reports.builder.build(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store))
        let files = reports.renderer.render(month)
        #expect(files.map(\.path).sorted() == ["2026-10/BY-concern.svg", "2026-10/BY.md", "2026-10/KZ-concern.svg", "2026-10/KZ.md", "2026-10/heatmap.svg", "2026-10/index.md"])
        let kz = try #require(files.first { $0.path == "2026-10/KZ.md" }).content
        #expect(kz.hasPrefix("# Kazakhstan — human-rights brief, October 2026"))
        #expect(kz.contains("## Summary"))
        #expect(kz.contains("| Press freedom | moderate | 2 | 2 |"))
        #expect(kz.contains("▲ up"))
        #expect(kz.contains("> Police in Kazakhstan detained three journalists after a protest."))
        #expect(kz.contains("[Steppe Wire](https://example.org/kz2)"))
        #expect(kz.contains("## Gaps"))
        #expect(kz.contains("gaps to research"))
        let by = try #require(files.first { $0.path == "2026-10/BY.md" }).content
        #expect(by.contains("improvement"))
        let index = try #require(files.first { $0.path == "2026-10/index.md" }).content
        #expect(index.contains("![Coverage by country and indicator](heatmap.svg)"))
        #expect(index.contains("| 1 | [Kazakhstan](KZ.md) |"))
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() async throws {
        let store = try await Self.store()
        let reports = try MonthlyReports(rules: ShippedRules.ruleSet, templates: Self.templates, out: try TemporaryFolder().url)
        let first = reports.renderer.render(try reports.builder.build(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store)))
        let second = reports.renderer.render(try reports.builder.build(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store)))
        #expect(first == second)
    }

    static var hasCmark: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm") }

    @Test("hostile quotes stay inside their blockquote and table cells, checked with cmark-gfm", .enabled(if: hasCmark))
    func commonMark() async throws {
        let store = try await Self.store(extraSentence: "# Police in Kazakhstan | detained <b>*three*</b> `journalists` _today_.")
        let reports = try MonthlyReports(rules: ShippedRules.ruleSet, templates: Self.templates, out: try TemporaryFolder().url)
        let kz = try #require(reports.renderer.render(try reports.builder.build(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store))).first { $0.path == "2026-10/KZ.md" })
        let html = try Self.cmark(kz.content)
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;"))
        #expect(html.contains("<h1>Kazakhstan"))
        #expect(html.components(separatedBy: "<h1>").count == 2, "a quote became a heading")
        // The indicator table keeps 10 body rows of 9 cells: the pipe in the source name broke nothing.
        let table = try #require(html.components(separatedBy: "<table>").dropFirst().first?.components(separatedBy: "</table>").first)
        #expect(table.components(separatedBy: "<tr>").count - 1 == 11)
        #expect(table.components(separatedBy: "<td").count - 1 == 90)
        #expect(html.contains("Pipe | Wire"))
    }

    static func cmark(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("every SVG parses as XML and carries text labels, not only colours")
    func svg() async throws {
        let store = try await Self.store(extraSentence: "Police in Kazakhstan & <friends> detained journalists.")
        let reports = try MonthlyReports(rules: ShippedRules.ruleSet, templates: Self.templates, out: try TemporaryFolder().url)
        let files = reports.renderer.render(try reports.builder.build(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store))).filter { $0.path.hasSuffix(".svg") }
        #expect(files.count == 3)
        for file in files {
            let parser = XMLParser(data: Data(file.content.utf8))
            #expect(parser.parse(), "\(file.path): \(parser.parserError.map { "\($0)" } ?? "")")
            #expect(file.content.contains("<text"))
            #expect(file.content.contains("<title>"))
        }
        let heatmap = try #require(files.first { $0.path.hasSuffix("heatmap.svg") }).content
        for level in ["none", "thin", "moderate", "strong"] { #expect(heatmap.contains(">\(level)</text>")) }
    }

    @Test("an edited template changes the output without touching Swift")
    func customTemplate() async throws {
        let folder = try TemporaryFolder()
        try folder.write("brief.md.mustache", "{{% CONTENT_TYPE: TEXT }}\nBRIEF {{code}} {{month}} index {{coverage_index}}\n{{#evidence}}* {{indicator}}\n{{/evidence}}")
        try folder.write("index.md.mustache", "{{% CONTENT_TYPE: TEXT }}\nINDEX {{month}}")
        let store = try await Self.store()
        let reports = try MonthlyReports(rules: ShippedRules.ruleSet, templates: folder.url, out: try TemporaryFolder().url)
        let files = reports.renderer.render(try reports.builder.build(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store)))
        #expect(files.first { $0.path == "2026-10/KZ.md" }?.content.hasPrefix("BRIEF KZ 2026-10 index") == true)
        #expect(files.first { $0.path == "2026-10/index.md" }?.content == "INDEX 2026-10")
    }

    @Test("a broken template fails before anything is written, and earlier briefs stay intact")
    func failedRunKeepsPreviousBriefs() async throws {
        let out = try TemporaryFolder()
        let store = try await Self.store()
        let good = try MonthlyReports(rules: ShippedRules.ruleSet, templates: Self.templates, out: out.url)
        _ = try good.write(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store))
        let before = try String(contentsOf: out.url.appendingPathComponent("2026-10/KZ.md"), encoding: .utf8)
        let broken = try TemporaryFolder()
        try broken.write("brief.md.mustache", "{{#evidence}} never closed")
        try broken.write("index.md.mustache", "x")
        #expect(throws: ReportError.self) { _ = try MonthlyReports(rules: ShippedRules.ruleSet, templates: broken.url, out: out.url) }
        #expect(try String(contentsOf: out.url.appendingPathComponent("2026-10/KZ.md"), encoding: .utf8) == before)
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: out.url.appendingPathComponent("2026-10").path)
        #expect(!names.contains { $0.hasPrefix(".") })
    }

    @Test("writes are atomic: a failed write leaves the old file, and an unwritable folder is an error")
    func atomicWrite() throws {
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("a/KZ.md")
        try AtomicFile.write("old", to: target)
        try AtomicFile.write("new", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        let blocker = try folder.write("file", "not a folder")
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: blocker.appendingPathComponent("inside/KZ.md")) }
        #expect(throws: ReportError.self) { try ReportWriter(root: folder.url).write([RenderedFile(path: "../escape.md", content: "x")]) }
    }

    @Test("a month run removes briefs of countries no longer covered, and nothing else")
    func staleFiles() async throws {
        let out = try TemporaryFolder()
        try out.write("2026-10/ZZ.md", "stale brief")
        try out.write("2026-10/notes.txt", "the analyst's own notes")
        let store = try await Self.store()
        _ = try MonthlyReports(rules: ShippedRules.ruleSet, templates: Self.templates, out: out.url).write(month: Month(rawValue: "2026-10")!, store: store, incidents: ShippedIncidents.of(store))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.url.appendingPathComponent("2026-10").path))
        #expect(!names.contains("ZZ.md"))
        #expect(names.contains("notes.txt"))
        #expect(names.contains("KZ.md"))
    }
}

/// A month's briefs are replaced all or nothing.
@Suite(.serialized) struct BriefSwapTests {
    struct DiskFull: Error {}

    /// Every file of a folder with its text.
    static func contents(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    @Test("a write that fails half-way (a full disk) leaves the previous briefs exactly as they were")
    func failedWriteKeepsPreviousSet() async throws {
        let out = try TemporaryFolder()
        let month = out.url.appendingPathComponent("2026-10")
        let files = ["KZ.md", "KZ-concern.svg", "BY.md", "BY-concern.svg", "index.md", "heatmap.svg"]
        for name in files { try out.write("2026-10/\(name)", "old \(name)") }
        try out.write("2026-10/notes.txt", "the analyst's own notes")
        let before = try Self.contents(month)
        let written = Counter()
        let failing = ReportWriter(root: out.url) { data, url in
            guard written.next() < 3 else { throw DiskFull() }
            try data.write(to: url)
        }
        let rendered = files.reversed().map { RenderedFile(path: "2026-10/\($0)", content: "new \($0)") }
        #expect(throws: DiskFull.self) { try failing.write(rendered, replacing: "2026-10") }
        #expect(try Self.contents(month) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.url.path) == ["2026-10"])
        // The next run replaces the whole set, keeps the notes and removes a brief no longer produced.
        try ReportWriter(root: out.url).write(rendered.filter { $0.path != "2026-10/BY.md" }, replacing: "2026-10")
        var expected = Dictionary(uniqueKeysWithValues: files.map { ($0, "new \($0)") })
        expected["BY.md"] = nil
        expected["notes.txt"] = "the analyst's own notes"
        #expect(try Self.contents(month) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.url.path) == ["2026-10"])
    }

    @Test("after a crash between the two renames, the next run puts the old set back, then replaces it; stale folders go")
    func crashMidSwapRecovers() throws {
        let out = try TemporaryFolder()
        // The old month set aside, the new one not yet moved in; a half-written folder of an earlier crash.
        try out.write(".2026-10.old-1-2/KZ.md", "old KZ.md")
        try out.write(".2026-10.old-1-2/notes.txt", "the analyst's own notes")
        try out.write(".2026-10.tmp-1-3/KZ.md", "half")
        let failing = ReportWriter(root: out.url) { _, _ in throw DiskFull() }
        #expect(throws: DiskFull.self) { try failing.write([RenderedFile(path: "2026-10/KZ.md", content: "new")], replacing: "2026-10") }
        #expect(try Self.contents(out.url.appendingPathComponent("2026-10")) == ["KZ.md": "old KZ.md", "notes.txt": "the analyst's own notes"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.url.path) == ["2026-10"])
        try ReportWriter(root: out.url).write([RenderedFile(path: "2026-10/KZ.md", content: "new")], replacing: "2026-10")
        #expect(try Self.contents(out.url.appendingPathComponent("2026-10")) == ["KZ.md": "new", "notes.txt": "the analyst's own notes"])
        // Files outside one month folder are refused before anything is written.
        #expect(throws: ReportError.self) { try ReportWriter(root: out.url).write([RenderedFile(path: "a/KZ.md", content: "x"), RenderedFile(path: "b/KZ.md", content: "x")]) }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int { lock.withLock { defer { count += 1 }; return count } }
    }
}
