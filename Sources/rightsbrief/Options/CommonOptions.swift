import ArgumentParser
import Foundation
import RightsCore

/// Options every command that touches the store or the rules shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store.", valueName: "path"))
    var db: String = "rightsbrief.sqlite"

    @Option(name: .long, help: ArgumentHelp("The rules folder (indicators, countries, boilerplate).", valueName: "dir"))
    var rules: String = "rules"

    var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    var rulesURL: URL { resolve(rules) }

    /// A path from the command line: absolute as given, else below the current directory.
    func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
    }

    func openStore() throws -> RightsStore {
        try RightsStore(path: db)
    }

    /// For commands that only read: opening a missing path would create an empty store and
    /// answer as if nothing had been found.
    func openExistingStore() throws -> RightsStore {
        guard FileManager.default.fileExists(atPath: resolve(db).path) else {
            throw CommandFailure.usage("error: store \(db) not found: run from the folder that holds it or pass --db PATH")
        }
        return try openStore()
    }

    func loadBoilerplate() throws -> BoilerplateRules {
        let url = rulesURL.appendingPathComponent("boilerplate.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure.usage("error: \(url.path) not found: run from the project folder or point --rules at a rules folder")
        }
        return try BoilerplateRules.load(from: url)
    }
}

/// Output format of listing commands.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
