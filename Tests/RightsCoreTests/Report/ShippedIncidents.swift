@testable import RightsCore

/// A store's months grouped by the shipped rules, as the workspace hands them to briefs and the workbook.
enum ShippedIncidents {
    static func of(_ store: RightsStore) -> IncidentsOfMonth {
        { month in
            try MonthIncidents.read(store: store, month: month, extractor: ShippedIncidentRules.extractor, settings: ShippedIncidentRules.rules.settings)
        }
    }
}
