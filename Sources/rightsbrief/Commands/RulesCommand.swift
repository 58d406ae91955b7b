import ArgumentParser
import Foundation
import RightsCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, test and describe the rule files.",
        subcommands: [Check.self, Test.self, Stats.self])
}

/// `--rules` alone: the rules commands need no store.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The rules folder.", valueName: "dir"))
    var rules = GivenPath("rules")

    func requireFolder() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rules.url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure.usage("error: rules folder '\(rules)' not found; pass --rules DIR")
        }
    }

    /// The rule set, once the folder is known to be there.
    func loadRules() throws -> RuleSet {
        try requireFolder()
        return try Workspace.loadRules(rules)
    }
}

extension RulesCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refuse an inconsistent rule set, with messages a rule writer can act on.",
            discussion: """
                Reports every problem (file:line:column, severity, code), then a summary per file. \
                Exit 0 when clean, 1 on any error (and on warnings with --strict), 2 on usage errors.

                Codes:
                \(DiagnosticCode.allCases.map { "  \($0.rawValue) \($0.severity.rawValue): \($0.summary)" }.joined(separator: "\n"))
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, github }

        @OptionGroup var options: RulesOptions

        @Option(help: "Output: text (like a compiler), json (for tools), github (workflow annotations).")
        var format: Format = .text

        @Flag(help: "Fail on warnings too.")
        var strict = false

        func run() throws {
            try options.requireFolder()
            let report = RulesChecker.check(options.rules.url, display: options.rules.written, examples: RuleExampleRunner.diagnostics)
            switch format {
            case .text:
                for diagnostic in report.diagnostics { print(diagnostic.description) }
                printSummary(report)
            case .github:
                for diagnostic in report.diagnostics {
                    let kind = diagnostic.severity == .error ? "error" : "warning"
                    var properties = "file=\(escapeProperty(diagnostic.location.file))"
                    if let line = diagnostic.location.line { properties += ",line=\(line)" }
                    if let column = diagnostic.location.column { properties += ",col=\(column)" }
                    properties += ",title=\(diagnostic.code)"
                    let message = "\(diagnostic.subject.map { "\($0): " } ?? "")\(diagnostic.message)"
                    print("::\(kind) \(properties)::\(escapeData(message))")
                }
                printSummary(report)
            case .json:
                struct Output: Encodable {
                    var errors: Int
                    var warnings: Int
                    var diagnostics: [Diagnostic]
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(Output(errors: report.errorCount, warnings: report.warningCount, diagnostics: report.diagnostics)), as: UTF8.self))
            }
            if report.errorCount > 0 || (strict && report.warningCount > 0) { throw CommandFailure.problems("") }
        }

        private func printSummary(_ report: RulesChecker.Report) {
            if report.diagnostics.isEmpty {
                let patterns = report.ruleSet?.patterns.count ?? 0
                let indicators = report.ruleSet?.indicators.count ?? 0
                print("rules check: \(options.rules) is consistent (\(indicators) indicators, \(patterns) patterns, \(report.ruleSet?.gazetteer.countries.count ?? 0) countries)")
                return
            }
            print("")
            print("rules check: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")")
            for entry in report.perFile {
                print("  \(entry.file): \(entry.errors) error\(entry.errors == 1 ? "" : "s"), \(entry.warnings) warning\(entry.warnings == 1 ? "" : "s")")
            }
        }

        /// GitHub workflow commands: `%`, CR and LF are escaped in messages; `:` and `,` too in properties.
        private func escapeData(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }

        private func escapeProperty(_ text: String) -> String {
            escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every pattern's own examples and report the ones that fail.",
            discussion: "Prints a line per failing example and closes with `N passed, N failed`. Exit 1 when any fails.")

        @OptionGroup var options: RulesOptions

        @Option(help: ArgumentHelp("Only rules whose id contains this text.", valueName: "id"))
        var filter: String?

        func run() throws {
            let rules = try options.loadRules()
            let results = RuleExampleRunner(CompiledRules(rules)).run(filter: filter)
            let failed = results.filter { !$0.passed }
            for result in failed {
                print("FAIL \(result.location): \(result.rule) \(result.kind.rawValue): \"\(result.example)\" — \(result.detail)")
            }
            if let filter, results.isEmpty { throw CommandFailure.usage("error: no rule id contains '\(filter)'") }
            print("\(results.count - failed.count) passed, \(failed.count) failed")
            if !failed.isEmpty { throw CommandFailure.problems("") }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Patterns per indicator, examples per pattern, vocabulary classes with their sizes and users, countries with aliases.")

        @OptionGroup var options: RulesOptions

        func run() throws {
            let rules = try options.loadRules()
            var rows: [[String]] = []
            for indicator in rules.indicators.sorted(by: { $0.id < $1.id }) {
                let examples = indicator.patterns.map { $0.examples.match.count + $0.examples.noMatch.count }
                let concern = indicator.patterns.filter { $0.polarity == .concern }.count
                rows.append([indicator.id.rawValue, String(indicator.patterns.count), String(concern), String(indicator.patterns.count - concern),
                             String(indicator.exclusions.count), String(format: "%.1f", Double(examples.reduce(0, +)) / Double(max(1, examples.count))),
                             String(format: "%.1f", indicator.weight)])
            }
            print(TextTable.render(header: ["indicator", "patterns", "concern", "improvement", "exclusions", "examples/pattern", "weight"], rows: rows))
            let countries = rules.gazetteer.countries
            let withAliases = countries.filter { !$0.aliases.isEmpty || !$0.demonyms.isEmpty }.count
            let leaders = countries.reduce(0) { $0 + $1.leaders.count }
            print("")
            let frames = rules.patterns.filter(\.pattern.hasFrame).count
            print("\(rules.patterns.count) patterns (\(frames) with a frame), \(rules.globalExclusions.count) global exclusions, \(rules.vocabulary.classes.count) vocabulary classes")
            let users = RulesChecker.classUsers(rules)
            if !rules.vocabulary.classes.isEmpty {
                print("")
                let classRows = rules.vocabulary.names.map { name -> [String] in
                    let item = rules.vocabulary.classes[name]!
                    let including = rules.vocabulary.classes.values.filter { $0.includes.contains(name) }.map { "@" + $0.name }.sorted()
                    return ["@" + name, String(item.entries.count), String(users[name]?.count ?? 0), including.joined(separator: " "), item.about]
                }
                print(TextTable.render(header: ["class", "entries", "rules", "included by", "about"], rows: classRows))
            }
            print("\(countries.count) countries and territories, \(withAliases) with aliases or demonyms, \(leaders) leader terms, \(rules.gazetteer.names.count) names in all, \(rules.gazetteer.regions.count) regions")
        }
    }
}
