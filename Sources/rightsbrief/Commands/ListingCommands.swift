import ArgumentParser
import Foundation
import RightsCore

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "List the indicators of the rule set with their weights, references and patterns.")

    @OptionGroup var options: RulesOptions

    @Option(help: "Output format: table or json.")
    var format: ListFormat = .table

    func run() throws {
        let rules = try options.loadRules()
        let indicators = rules.indicators.sorted { $0.id < $1.id }
        switch format {
        case .table:
            print(TextTable.render(header: ["id", "name", "weight", "patterns", "references"], rows: indicators.map {
                [$0.id.rawValue, $0.name, String(format: "%.1f", $0.weight), String($0.patterns.count), $0.references.joined(separator: " ")]
            }))
        case .json:
            let objects = indicators.map { ["id": $0.id.rawValue, "name": $0.name, "description": $0.description,
                                            "weight": $0.weight, "patterns": $0.patterns.count, "references": $0.references] as [String: Any] }
            print(String(decoding: try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
        }
    }
}

struct CountriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "countries",
        abstract: "List the countries the engine knows, or look one up by any of its names.",
        discussion: "`rightsbrief countries --search Nazarbaev` shows which country a name points to.")

    @OptionGroup var options: RulesOptions

    @Option(help: ArgumentHelp("Only countries one of whose names contains this text.", valueName: "text"))
    var search: String?

    @Option(help: "Output format: table or json.")
    var format: ListFormat = .table

    func run() throws {
        let rules = try options.loadRules()
        let needle = search.map { TextNormalizer.foldWord($0) }
        let countries = rules.gazetteer.countries.filter { country in
            guard let needle else { return true }
            let names = [country.code.rawValue, country.name] + country.aliases + country.demonyms + country.capitals + country.cities
                + country.leaders.flatMap { [$0.name] + $0.aliases }
            return names.contains { TextNormalizer.foldWord($0).contains(needle) }
        }
        switch format {
        case .table:
            print(TextTable.render(header: ["code", "name", "aliases", "demonyms", "capitals", "leaders"], rows: countries.map {
                [$0.code.rawValue, $0.name, $0.aliases.joined(separator: ", "), $0.demonyms.joined(separator: ", "),
                 $0.capitals.joined(separator: ", "), $0.leaders.map { "\($0.name) (\($0.from.map(String.init) ?? "?")–\($0.to.map(String.init) ?? ""))" }.joined(separator: ", ")]
            }, maxWidth: 40))
            print("\(countries.count) of \(rules.gazetteer.countries.count) countries and territories")
        case .json:
            let objects = countries.map { country -> [String: Any] in
                ["alpha2": country.code.rawValue, "alpha3": country.alpha3, "name": country.name, "aliases": country.aliases,
                 "demonyms": country.demonyms, "capitals": country.capitals, "cities": country.cities, "ambiguous": country.ambiguous.sorted(),
                 "leaders": country.leaders.map { ["name": $0.name, "office": $0.office, "from": $0.from as Any, "to": $0.to as Any] }]
            }
            print(String(decoding: try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
        }
    }
}
