import ArgumentParser
import Foundation
import RightsCore

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Bring reviewers' decisions back from a workbook.",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the decisions and notes of a reviewed workbook into the store.",
            discussion: """
                Matches rows of the Findings sheet by finding id; a decision on a row of the Incidents \
                sheet reviews every finding listed under that incident id, except one whose own row \
                you changed. Prints N accepted, N rejected, \
                N follow-up, N unchanged, N unknown ids. A finding on two rows with different \
                decisions is a warning naming both rows; the later row is kept. A file that is not a workbook, a missing \
                Findings sheet or column, or an unknown decision word (named with its row) changes \
                nothing and exits 1. Rejected findings then drop out of `brief` and `export`.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("The reviewed workbook.", valueName: "file.xlsx"))
        var file: GivenPath

        @Option(help: ArgumentHelp("Who reviewed (recorded with each decision).", valueName: "name"))
        var reviewer: String?

        func run() throws {
            let report: ReviewImportReport
            do {
                report = try common.workspace(.readWrite).importReviews(from: file, reviewer: reviewer)
            } catch let error as LocalizedError where !(error is StoreError) && !(error is WorkspaceError) {
                throw CommandFailure.problems("error: \(error.errorDescription ?? "\(error)")\nNothing was imported.")
            }
            for conflict in report.conflicts { Terminal.error("warning: \(file): \(conflict)") }
            for conflict in report.incidentConflicts { Terminal.error("warning: \(file): \(conflict)") }
            for id in report.unknownIncidents.prefix(20) { Terminal.error("warning: incident \(id) has no finding on the Findings sheet; skipped") }
            for id in report.unknownIDs.prefix(20) { Terminal.error("warning: unknown finding id \(id) skipped (re-analysed since export?)") }
            print("\(report.accepted) accepted, \(report.rejected) rejected, \(report.followUp) follow-up, \(report.unchanged) unchanged, \(report.unknownIDs.count) unknown ids\(report.incidents > 0 ? " (\(report.incidents) incident decisions applied)" : "")")
        }
    }
}
