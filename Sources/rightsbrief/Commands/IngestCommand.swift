import ArgumentParser
import Foundation
import RightsCore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read articles into the store.",
        discussion: """
            Reads .txt/.md files (optional YAML front matter: id, title, source, url, published, \
            language), folders of them (recursively), JSON Lines (.jsonl: one object per line with \
            `body` or `file`, a path relative to the JSONL file) and CSV with a header row naming \
            the same columns. Page noise is removed by the rules in <rules>/boilerplate.yaml.
            The same text ingested twice is stored once. Inputs that cannot be read are reported \
            with file, line and reason; the rest still goes in, and the exit code is then 1.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("Files or folders to ingest.", valueName: "path"))
    var paths: [GivenPath]

    @OptionGroup var input: IngestOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or folder to ingest.") }
    }

    func run() throws {
        let workspace = common.workspace(.readWrite)
        try workspace.requireInputs(paths)
        let progress = CommandProgress(store: common.db)
        let report = try workspace.ingest(paths, settings: input.settings, events: progress)
        progress.ingested(report)
        if report.hasRejections { throw CommandFailure.problems("") }
    }
}

/// What `ingest` and `run` fill in for the inputs.
struct IngestOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Date for articles that give none.", valueName: "YYYY-MM-DD"))
    var published: String?

    @Option(help: ArgumentHelp("Source name for articles that give none.", valueName: "name"))
    var source: String?

    @Option(help: ArgumentHelp("Largest article accepted, in bytes.", valueName: "bytes"))
    var maxBytes: Int = 5_000_000

    func validate() throws {
        if let published, case let .failure(problem) = PublishedDate.parse(published) {
            throw ValidationError("--published '\(published)': \(problem).")
        }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive.") }
    }

    var settings: IngestSettings {
        IngestSettings(published: published.flatMap(PublishedDate.init), source: source, maxBytes: maxBytes)
    }
}

/// The summary `ingest` and `run` print after ingesting.
enum IngestSummary {
    static func show(_ report: IngestReport, store: GivenPath) {
        for warning in report.warnings { Terminal.error(warning.description) }
        for problem in report.problems { Terminal.error("\(problem.location): error: \(problem.error.localizedDescription)") }
        for duplicate in report.duplicates where duplicate.id != duplicate.existing {
            Terminal.error("note: \(duplicate.id) is the same text as \(duplicate.existing), stored once")
        }
        if !report.undated.isEmpty {
            print("Undated (stored, listed by `rightsbrief articles --undated`, not in any month): \(report.undated.map(\.rawValue).joined(separator: ", "))")
        }
        var summary = "\(report.inserted.count) ingested, \(report.updated.count) updated, \(report.duplicates.count) duplicates, \(report.problems.count) rejected"
        if !report.problems.isEmpty {
            var reasons: [String: Int] = [:]
            for problem in report.problems { reasons[problem.error.kindName, default: 0] += 1 }
            summary += " (" + reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
        }
        summary += " → \(store)"
        if report.inserted.isEmpty && report.updated.isEmpty && report.problems.isEmpty {
            summary += "; nothing new, the store is unchanged"
        }
        print(summary)
    }
}

extension CorpusError {
    /// A short name for the summary line.
    var kindName: String {
        switch self {
        case .unreadable: return "unreadable"
        case .binaryFile: return "binary"
        case .emptyFile: return "empty"
        case .tooLarge: return "too large"
        case .malformedJSON, .notAnObject, .wrongType: return "malformed JSON"
        case .missingBody, .bodyAndFile: return "no body"
        case .unsafePath: return "unsafe path"
        case .csvMissingHeader, .csvNoBodyColumn, .csvColumnCount, .csvUnterminatedQuote: return "malformed CSV"
        case .badFrontMatter: return "bad front matter"
        case .unparseableDate, .badDate: return "bad date"
        case .unsupportedFile: return "unsupported type"
        case .fileNameNotUTF8: return "bad file name"
        case .idInUse: return "id conflict"
        }
    }
}
