import Foundation

/// The one entry point behind `brief` and `run`: build, render, then write a month's briefs.
public struct MonthlyReports: Sendable {
    public let builder: BriefBuilder
    public let renderer: BriefRenderer
    public let writer: ReportWriter

    public init(rules: RuleSet, templates: URL, out: URL) throws {
        builder = BriefBuilder(rules: rules)
        renderer = try BriefRenderer(templates: templates)
        writer = ReportWriter(root: out)
    }

    public struct Result: Sendable {
        public var month: Month
        public var countries: [CountryCode]
        public var files: [URL]
    }

    /// Writes `<out>/<month>/<ISO2>.md` (+ picture) for each country with findings, and the
    /// month's `index.md` and heatmap. With `countries`, only those briefs (the index is left alone).
    /// - Parameter incidents: each month's grouping (see `BriefBuilder.build`).
    public func write(month: Month, countries: [CountryCode] = [], store: RightsStore, incidents: IncidentsOfMonth) throws -> Result {
        let briefs = try builder.build(month: month, countries: countries, store: store, incidents: incidents)
        let files = renderer.render(briefs, includeIndex: countries.isEmpty)
        let written = try writer.write(files, replacing: countries.isEmpty ? month.rawValue : nil)
        return Result(month: month, countries: briefs.countries.map(\.code), files: written)
    }
}
