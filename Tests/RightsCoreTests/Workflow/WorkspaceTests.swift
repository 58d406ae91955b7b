import Foundation
import Synchronization
import Testing
@testable import RightsCore

/// Records what a workspace reports, in order.
final class RecordedEvents: WorkspaceEvents {
    let steps = Mutex<[String]>([])

    func ingested(_ report: IngestReport) { steps.withLock { $0.append("ingested \(report.inserted.count)") } }
    func analysed(_ report: AnalysisReport) { steps.withLock { $0.append("analysed \(report.articlesAnalyzed)") } }
    func wrote(_ month: MonthOutput) {
        steps.withLock { $0.append("wrote \(month.briefs.month) \(month.briefs.countries.map(\.rawValue)) \(month.workbook?.lastPathComponent ?? "-")") }
    }
}

@Suite struct WorkspaceTests {
    func paths(_ folder: TemporaryFolder, rules: GivenPath = GivenPath(TestPaths.rules.path)) -> WorkspacePaths {
        WorkspacePaths(store: GivenPath(folder.url.appendingPathComponent("store.sqlite").path), rules: rules,
                       templates: GivenPath(TestPaths.repository.appendingPathComponent("reports/templates").path),
                       reports: GivenPath(folder.url.appendingPathComponent("out").path))
    }

    @Test("run checks the inputs, then the rules, before it creates anything")
    func checksFirst() async throws {
        let folder = try TemporaryFolder()
        let missing = GivenPath(folder.url.appendingPathComponent("nowhere").path)
        let workspace = Workspace(paths(folder), access: .readWrite, toolVersion: "test")
        await #expect(throws: WorkspaceError.inputsMissing([missing.written])) { try await workspace.run(inputs: [missing]) }
        let input = GivenPath(try folder.write("a.txt", "Police detained a journalist in Almaty.").path)
        let noRules = Workspace(paths(folder, rules: missing), access: .readWrite, toolVersion: "test")
        await #expect(throws: WorkspaceError.rulesFolderMissing(missing)) { try await noRules.run(inputs: [input]) }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("store.sqlite").path))
        #expect(throws: StoreError.self) { try Workspace(paths(folder), access: .readOnly, toolVersion: "test").store() }
    }

    @Test("run ingests, analyses, then writes each month's briefs and workbook, reporting each step in order, on one store")
    func runsTheJob() async throws {
        let folder = try TemporaryFolder()
        let article = try folder.write("a.md", """
            ---
            id: almaty-reporter
            title: Reporter detained in Kazakhstan
            published: 2026-09-14
            ---
            Police in Almaty detained a journalist on Monday, Kazakhstan's press freedom groups said.
            """)
        let workspace = Workspace(paths(folder), access: .readWrite, toolVersion: "test")
        let events = RecordedEvents()
        let report = try await workspace.run(inputs: [GivenPath(article.path)], events: events)
        #expect(events.steps.withLock { $0 } == ["ingested 1", "analysed 1", "wrote 2026-09 [\"KZ\"] review-2026-09.xlsx"])
        #expect(report.ingest.inserted == ["almaty-reporter"])
        #expect(report.analysis.findings > 0)
        #expect(report.undatedArticles == 0)
        #expect(try workspace.store() === workspace.store())
        for file in ["2026-09/index.md", "2026-09/KZ.md", "2026-09/review-2026-09.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/" + file).path), "\(file)")
        }
        // A second run finds nothing new and analyses nothing.
        let again = try await Workspace(paths(folder), access: .readWrite, toolVersion: "test").run(inputs: [GivenPath(article.path)], workbooks: false)
        #expect(again.ingest.inserted.isEmpty)
        #expect(again.analysis.articlesAnalyzed == 0)
    }

    @Test("a path is resolved below the directory given unless absolute, and shown back as written")
    func givenPaths() {
        let base = URL(fileURLWithPath: "/data/work")
        #expect(GivenPath("rules", relativeTo: base).url.path == "/data/work/rules")
        #expect(GivenPath("/etc/rules", relativeTo: base).url.path == "/etc/rules")
        #expect("\(GivenPath("rules", relativeTo: base))" == "rules")
        let paths = WorkspacePaths(store: GivenPath("s.sqlite", relativeTo: base), rules: GivenPath("rules", relativeTo: base),
                                   reports: GivenPath("out", relativeTo: base))
        #expect(paths.workbook(month: Month(rawValue: "2026-09")!).path == "/data/work/out/2026-09/review-2026-09.xlsx")
        #expect(paths.workbook(month: Month(rawValue: "2026-09")!, file: GivenPath("/tmp/w.xlsx")).path == "/tmp/w.xlsx")
    }
}
