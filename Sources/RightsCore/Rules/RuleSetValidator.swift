/// Checks across files that no single file can see: duplicate ids, references between files.
enum RuleSetValidator {
    static func crossChecks(_ rules: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var indicatorSeen: [IndicatorID: SourceLocation] = [:]
        for indicator in rules.indicators {
            if let first = indicatorSeen[indicator.id] {
                diagnostics.append(Diagnostic(.duplicateIndicator, indicator.location, "indicator '\(indicator.id)' is already defined at \(first)", subject: indicator.id.rawValue))
            } else {
                indicatorSeen[indicator.id] = indicator.location
            }
        }
        var ruleSeen: [RuleID: SourceLocation] = [:]
        func claim(_ id: RuleID, _ location: SourceLocation) {
            if let first = ruleSeen[id] {
                diagnostics.append(Diagnostic(.duplicateRuleID, location, "id '\(id)' is already used at \(first)", subject: id.rawValue))
            } else {
                ruleSeen[id] = location
            }
        }
        for rule in rules.patterns { claim(rule.id, rule.location) }
        for exclusion in rules.exclusions { claim(exclusion.id, exclusion.location) }

        var countrySeen: [CountryCode: SourceLocation] = [:]
        for country in rules.gazetteer.countries {
            if let first = countrySeen[country.code] {
                diagnostics.append(Diagnostic(.duplicateCountry, country.location, "country '\(country.code)' is already defined at \(first)", subject: country.code.rawValue))
            } else {
                countrySeen[country.code] = country.location
            }
        }
        for region in rules.gazetteer.regions {
            for member in region.members where countrySeen[member] == nil {
                diagnostics.append(Diagnostic(.unknownCountry, region.location, "region '\(region.id)' names unknown country '\(member)'", subject: region.id))
            }
        }
        for (from, to) in rules.engine.reportUnder.sorted(by: { $0.key < $1.key }) {
            for code in [from, to] where countrySeen[code] == nil {
                diagnostics.append(Diagnostic(.unknownCountry, SourceLocation(file: "engine.yaml"), "report_under names unknown country '\(code)'", subject: code.rawValue))
            }
        }
        var currencyOf: [String: NationalCurrency] = [:]
        for currency in rules.engine.nationalCurrencies {
            if countrySeen[currency.country] == nil {
                diagnostics.append(Diagnostic(.unknownCountry, currency.location, "national_currencies names unknown country '\(currency.country)'", subject: currency.country.rawValue))
            }
            if let first = currencyOf[currency.word], first.country != currency.country {
                diagnostics.append(Diagnostic(.sharedAlias, currency.location,
                                              "currency '\(currency.word)' is listed for \(first.country) (\(first.location)) and \(currency.country): a national currency belongs to one country",
                                              subject: currency.word))
            } else if currencyOf[currency.word] == nil {
                currencyOf[currency.word] = currency
            }
        }
        return diagnostics
    }
}
