import Foundation
import GRDB
import Testing
@testable import RightsCore

/// Runs the built `rightsbrief` binary: help text and the exit codes scripts rely on.
@Suite struct CommandLineTests {
    /// The binary sits beside the test bundle in the build folder.
    static let binary: URL? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0 ..< 4 {
            let candidate = folder.appendingPathComponent("rightsbrief")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = TestPaths.repository.appendingPathComponent(".build/debug/rightsbrief")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }()

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], in directory: URL = TestPaths.repository) throws -> Output {
        let process = Process()
        process.executableURL = try #require(binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("--help lists the subcommands and the exit codes", .enabled(if: binary != nil))
    func help() throws {
        let output = try Self.run(["--help"])
        #expect(output.status == 0)
        for command in ["run", "ingest", "articles", "analyze", "findings", "eval", "explain", "brief", "export", "review", "rules", "indicators", "countries"] {
            #expect(output.stdout.contains(command))
        }
        #expect(output.stdout.contains("2 usage error"))
    }

    @Test("countries --search finds the country of a leader's name", .enabled(if: binary != nil))
    func countrySearch() throws {
        let output = try Self.run(["countries", "--search", "Nazarbaev"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("KZ    Kazakhstan"))
        #expect(output.stdout.contains("1 of "))
    }

    @Test("usage errors exit 2", .enabled(if: binary != nil))
    func usage() throws {
        #expect(try Self.run(["ingest"]).status == 2)
        #expect(try Self.run(["findings", "--format", "xml"]).status == 2)
        #expect(try Self.run(["articles", "--month", "2026-13"]).status == 2)
        #expect(try Self.run(["no-such-command"]).status == 2)
        #expect(try Self.run(["rules", "check", "--rules", "/no/such/folder"]).status == 2)
    }

    @Test("rejected input exits 1 after storing the rest; a second ingest changes nothing and exits 0", .enabled(if: binary != nil))
    func ingestExitCodes() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/good.md", "---\npublished: 2026-09-01\n---\nPolice detained a reporter in Almaty.")
        try folder.write("in/bad.txt", Data([0, 1, 2]))
        let db = folder.url.appendingPathComponent("store.sqlite").path
        let rules = TestPaths.rules.path
        let first = try Self.run(["ingest", "--db", db, "--rules", rules, folder.url.appendingPathComponent("in").path])
        #expect(first.status == 1)
        #expect(first.stdout.contains("1 ingested"))
        #expect(first.stdout.contains("1 rejected (1 binary)"))
        #expect(first.stderr.contains("bad.txt: error: binary file"))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("in/bad.txt"))
        let second = try Self.run(["ingest", "--db", db, "--rules", rules, folder.url.appendingPathComponent("in").path])
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 ingested, 0 updated, 1 duplicates, 0 rejected"))
    }

    @Test("rules check: exit 1 on errors, github annotations, exit 0 on the shipped rules", .enabled(if: binary != nil))
    func rulesCheck() throws {
        let broken = try RulesCheckerTests.ruleSet("r030-pattern-syntax")
        let text = try Self.run(["rules", "check", "--rules", broken.url.path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("error R030"))
        let github = try Self.run(["rules", "check", "--rules", broken.url.path, "--format", "github"])
        #expect(github.stdout.contains("::error file="))
        #expect(github.stdout.contains(",line=7,col=28,title=R030::"))
        let warningOnly = try RulesCheckerTests.ruleSet("r036-no-examples")
        #expect(try Self.run(["rules", "check", "--rules", warningOnly.url.path]).status == 0)
        #expect(try Self.run(["rules", "check", "--rules", warningOnly.url.path, "--strict"]).status == 1)
        let shipped = try Self.run(["rules", "check", "--strict"])
        #expect(shipped.status == 0)
        let test = try Self.run(["rules", "test"])
        #expect(test.status == 0)
        #expect(test.stdout.hasSuffix(" 0 failed\n"))
    }

    /// A store in `folder` with the given JSON Lines ingested and analysed; returns its path.
    static func analysedStore(in folder: TemporaryFolder, jsonLines: String) throws -> String {
        let manifest = try folder.write("in/feed.jsonl", jsonLines)
        let db = folder.url.appendingPathComponent("store/store.sqlite").path
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("store"), withIntermediateDirectories: true)
        let ingest = try run(["ingest", "--db", db, "--rules", TestPaths.rules.path, manifest.path])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let analyze = try run(["analyze", "--db", db, "--rules", TestPaths.rules.path])
        try #require(analyze.status == 0, "\(analyze.stderr)")
        return db
    }

    static let kazakhArticle = #"{"id": "kz-1", "title": "Reporter detained", "published": "2026-09-01", "body": "Police in Kazakhstan detained three journalists after a protest."}"# + "\n"

    /// `articles`, `findings`, `brief` and `export` on `db`, each with how long it took.
    static func readOnlyCommands(db: String, out: URL) throws -> [(command: String, output: Output, seconds: TimeInterval)] {
        let commands = [
            ["articles", "--db", db],
            ["findings", "--db", db, "--format", "jsonl"],
            ["brief", "--db", db, "--month", "2026-09", "--out", out.path],
            ["export", "--db", db, "--month", "2026-09", "--out", out.appendingPathComponent("review.xlsx").path],
        ]
        return try commands.map { arguments in
            let started = Date()
            let output = try run(arguments)
            return (arguments[0], output, Date().timeIntervalSince(started))
        }
    }

    @Test("articles, findings, brief and export read the store while another connection holds its write lock", .enabled(if: binary != nil))
    func readOnlyCommandsBesideAWriter() throws {
        let folder = try TemporaryFolder()
        let db = try Self.analysedStore(in: folder, jsonLines: Self.kazakhArticle)
        let writer = try DatabaseQueue(path: db)
        let results = try writer.writeWithoutTransaction { connection in
            try connection.execute(sql: "BEGIN IMMEDIATE; INSERT INTO run (command, startedAt) VALUES ('held open', 'now')")
            defer { try? connection.execute(sql: "ROLLBACK") }
            return try Self.readOnlyCommands(db: db, out: folder.url.appendingPathComponent("out"))
        }
        for result in results {
            #expect(result.output.status == 0, "\(result.command): \(result.output.stderr)")
            // None waited for the lock: that takes the store's whole busy timeout, 10 s, and then fails.
            #expect(result.seconds < 10, "\(result.command) took \(result.seconds) s")
        }
        #expect(results[0].output.stdout.contains("kz-1"))
        #expect(results[1].output.stdout.contains("\"country\":\"KZ\""))
    }

    @Test("articles, findings, brief and export read a store in a folder they may not write to", .enabled(if: binary != nil && geteuid() != 0))
    func readOnlyCommandsInReadOnlyFolder() throws {
        let folder = try TemporaryFolder()
        let db = try Self.analysedStore(in: folder, jsonLines: Self.kazakhArticle)
        let storeFolder = folder.url.appendingPathComponent("store")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: storeFolder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: storeFolder.path) }
        for result in try Self.readOnlyCommands(db: db, out: folder.url.appendingPathComponent("out")) {
            #expect(result.output.status == 0, "\(result.command): \(result.output.stderr)")
        }
    }

    @Test("a read-only command on a store that needs a migration says which command upgrades it, and leaves it as it was", .enabled(if: binary != nil))
    func readOnlyCommandOnOldStore() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: db)
        try Migrations.migrator.migrate(queue, upTo: "v4: findings found by month through their articles")
        try queue.close()
        let output = try Self.run(["articles", "--db", db])
        #expect(output.status == 1)
        #expect(output.stderr.contains("needs an upgrade (v5: findings cite their sentence by its offsets, v6: findings keep their attribution method, v7: findings name their people)"), "\(output.stderr)")
        #expect(output.stderr.contains("run `rightsbrief analyze`"), "\(output.stderr)")
        let applied = try DatabaseQueue(path: db).read { try Migrations.migrator.appliedMigrations($0) }
        #expect(applied.count == 4)
        let missing = try Self.run(["findings", "--db", folder.url.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no store at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("none.sqlite").path))
    }

    @Test("ingest and run exit 2 for a path that does not exist, before touching the store", .enabled(if: binary != nil))
    func missingInputPath() throws {
        let folder = try TemporaryFolder()
        try folder.write("in/good.md", "---\npublished: 2026-09-01\n---\nPolice detained a reporter in Almaty.")
        let db = folder.url.appendingPathComponent("store.sqlite").path
        let paths = [folder.url.appendingPathComponent("in").path, folder.url.appendingPathComponent("nowhere").path]
        let ingest = try Self.run(["ingest", "--db", db, "--rules", TestPaths.rules.path] + paths)
        let run = try Self.run(["run", "--db", db, "--rules", TestPaths.rules.path, "--out", folder.url.appendingPathComponent("out").path] + paths)
        for (command, output) in [("ingest", ingest), ("run", run)] {
            #expect(output.status == 2, "\(command): \(output.stderr)")
            #expect(output.stderr.contains("nowhere: no such file or folder"), "\(command): \(output.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("control characters in ids, titles and sentences are shown escaped in tables, never sent to the terminal raw", .enabled(if: binary != nil))
    func controlCharactersEscapedInTables() throws {
        let folder = try TemporaryFolder()
        let line = #"{"id": "kz\u001b[31m-1", "title": "Bell\u0007 and \u202eevil", "published": "2026-09-01", "body": "Police in Kazakhstan detained three journalists after a protest\u001b]0;pwned\u0007."}"# + "\n"
        let db = try Self.analysedStore(in: folder, jsonLines: line)
        let articles = try Self.run(["articles", "--db", db])
        let findings = try Self.run(["findings", "--db", db])
        for output in [articles, findings] {
            #expect(output.status == 0, "\(output.stderr)")
            #expect(!output.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || $0 == "\u{202E}" }, "\(output.stdout)")
            #expect(output.stdout.contains("kz\\u{1B}[31m-1"), "\(output.stdout)")
        }
        #expect(articles.stdout.contains("Bell\\u{7} and \\u{202E}evil"), "\(articles.stdout)")
    }
}
