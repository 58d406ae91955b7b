import Foundation
import Testing

/// `rightsbrief eval` through the built binary: the exit codes a CI script relies on.
@Suite struct EvalCommandTests {
    static var hasBinary: Bool { CommandLineTests.binary != nil }

    @Test("scores a findings file: exit 0, the figures and the table on stdout", .enabled(if: hasBinary))
    func scores() throws {
        let folder = try TemporaryFolder()
        let files = try EvaluationFixture.write(in: folder)
        let output = try CommandLineTests.run(["eval", files.gold.path, files.manifest.path, "--findings", files.findings.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("precision 0.75  recall 0.67  F1 0.71"))
        #expect(output.stdout.contains("political_prisoners"))
        #expect(output.stderr.isEmpty)
    }

    @Test("below --min-precision or --min-recall: exit 1 and why; at the floor: exit 0", .enabled(if: hasBinary))
    func thresholds() throws {
        let folder = try TemporaryFolder()
        let files = try EvaluationFixture.write(in: folder)
        let base = ["eval", files.gold.path, files.manifest.path, "--findings", files.findings.path]
        let below = try CommandLineTests.run(base + ["--min-precision", "0.8", "--min-recall", "0.6"])
        #expect(below.status == 1)
        #expect(below.stderr.contains("precision 0.750 is below the minimum 0.800"))
        #expect(!below.stderr.contains("recall"))
        #expect(below.stdout.contains("precision 0.75"), "the report is printed before failing")
        #expect(try CommandLineTests.run(base + ["--min-precision", "0.75", "--min-recall", "0.6"]).status == 0)
        #expect(try CommandLineTests.run(base + ["--min-recall", "0.7"]).status == 1)
    }

    @Test("--format json prints one object", .enabled(if: hasBinary))
    func json() throws {
        let folder = try TemporaryFolder()
        let files = try EvaluationFixture.write(in: folder)
        let output = try CommandLineTests.run(["eval", files.gold.path, files.manifest.path, "--findings", files.findings.path, "--format", "json"])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["overall", "per_indicator", "missed", "false_positives"])
    }

    @Test("a bad input line, a missing file or store, a bad option: exit 2 with file:line", .enabled(if: hasBinary))
    func usageErrors() throws {
        let folder = try TemporaryFolder()
        let files = try EvaluationFixture.write(in: folder, gold: EvaluationFixture.gold + #"{"article": "a1", "country": "KZ", "indicator": "torture", "level": "maybe"}"# + "\n")
        let badLevel = try CommandLineTests.run(["eval", files.gold.path, files.manifest.path, "--findings", files.findings.path])
        #expect(badLevel.status == 2)
        #expect(badLevel.stderr.contains("gold.jsonl:7: unknown level 'maybe'"))
        #expect(badLevel.stdout.isEmpty)
        let goodFolder = try TemporaryFolder()
        let good = try EvaluationFixture.write(in: goodFolder)
        let noFile = try CommandLineTests.run(["eval", good.gold.path, goodFolder.url.appendingPathComponent("none.jsonl").path, "--findings", good.findings.path])
        #expect(noFile.status == 2)
        #expect(noFile.stderr.contains("none.jsonl: cannot read: no such file"))
        let noStore = try CommandLineTests.run(["eval", good.gold.path, good.manifest.path, "--db", folder.url.appendingPathComponent("none.sqlite").path])
        #expect(noStore.status == 2)
        #expect(noStore.stderr.contains("no store at") && noStore.stderr.contains("none.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("none.sqlite").path), "eval never creates a store")
        #expect(try CommandLineTests.run(["eval", files.gold.path, files.manifest.path, "--min-recall", "1.5"]).status == 2)
        #expect(try CommandLineTests.run(["eval", files.gold.path]).status == 2)
    }

    @Test("findings from the store: ingest, analyze, eval", .enabled(if: hasBinary))
    func fromStore() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/kz-1.md", "---\nid: kz-1\npublished: 2026-09-01\n---\nPolice in Kazakhstan detained a reporter for his posts.\n")
        let manifest = try folder.write("manifest.jsonl", #"{"id": "kz-1"}"# + "\n")
        let gold = try folder.write("gold.jsonl", #"{"article": "kz-1", "country": "KZ", "indicator": "press_freedom", "level": "core", "evidence": "Police in Kazakhstan detained a reporter for his posts."}"# + "\n")
        let db = folder.url.appendingPathComponent("store.sqlite").path
        #expect(try CommandLineTests.run(["ingest", "--db", db, folder.url.appendingPathComponent("in").path]).status == 0)
        #expect(try CommandLineTests.run(["analyze", "--db", db]).status == 0)
        let output = try CommandLineTests.run(["eval", "--db", db, gold.path, manifest.path, "--min-recall", "1"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("1 articles: 1 core pairs, 0 acceptable"))
        #expect(output.stdout.contains("recall 1.00"))
    }
}
