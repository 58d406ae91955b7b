import Foundation
import Testing

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
        for command in ["run", "ingest", "articles", "analyze", "findings", "explain", "brief", "export", "review", "rules", "indicators", "countries"] {
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
}
