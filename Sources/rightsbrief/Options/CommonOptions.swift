import ArgumentParser
import Foundation
import RightsCore

/// Options every command that touches the store or the rules shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store.", valueName: "path"))
    var db = GivenPath("rightsbrief.sqlite")

    @Option(name: .long, help: ArgumentHelp("The rules folder (indicators, countries, boilerplate).", valueName: "dir"))
    var rules = GivenPath("rules")

    /// The workspace of these options. `access`: `.readOnly` for commands that only read, which
    /// never create or migrate the store and read beside a writer or in a folder they may not write to.
    func workspace(_ access: RightsStore.Access, reports: GivenPath? = nil, templates: GivenPath? = nil) -> Workspace {
        var paths = WorkspacePaths(store: db, rules: rules)
        if let reports { paths.reports = reports }
        if let templates { paths.templates = templates }
        return Workspace(paths, access: access, toolVersion: Rightsbrief.configuration.version)
    }
}

/// Output format of listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
