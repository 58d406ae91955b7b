import ArgumentParser
import Foundation
import RightsCore

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the stored articles.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Only articles published in this month.", valueName: "YYYY-MM"))
    var month: Month?

    @Flag(help: "Only articles without a date.")
    var undated = false

    @Option(help: "Output format: table or json.")
    var format: ListFormat = .table

    func validate() throws {
        if month != nil && undated { throw ValidationError("--month and --undated exclude each other.") }
    }

    func run() throws {
        let store = try common.workspace(.readOnly).store()
        let articles = try store.articleSummaries(month: month, undatedOnly: undated)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(articles), as: UTF8.self))
        case .table:
            let rows = articles.map { [$0.id.rawValue, $0.published ?? "undated", $0.source ?? "", String($0.findings), $0.title ?? ""] }
            print(TextTable.render(header: ["id", "published", "source", "findings", "title"], rows: rows, maxWidth: 60))
            print("\(articles.count) article\(articles.count == 1 ? "" : "s")")
        }
    }
}
