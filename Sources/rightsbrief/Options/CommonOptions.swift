import ArgumentParser
import Foundation
import RightsCore

/// Options every command that touches the store or the rules shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store.", valueName: "path"))
    var db: String = "rightsbrief.sqlite"

    @Option(name: .long, help: ArgumentHelp("The rules folder (indicators, countries, boilerplate).", valueName: "dir"))
    var rules: String = "rules"

    var rulesURL: URL { resolve(rules) }

    func resolve(_ path: String) -> URL { CommandLinePath.resolve(path) }

    func openStore() throws -> RightsStore {
        try RightsStore(path: db)
    }

    /// For commands that only read: never creates or migrates the store, and reads beside a
    /// writer or in a folder it may not write to. No store there is a usage error (exit 2).
    func openStoreForReading() throws -> RightsStore {
        do { return try RightsStore(path: db, access: .readOnly) } catch let error as StoreError {
            if case .missing = error { throw CommandFailure.usage("error: " + (error.errorDescription ?? "\(error)")) }
            throw error
        }
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
