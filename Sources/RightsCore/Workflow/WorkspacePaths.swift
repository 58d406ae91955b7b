import Foundation

/// Where a command reads and writes: the store, the rules, the brief templates, and the folder
/// that briefs and workbooks go to.
public struct WorkspacePaths: Sendable {
    public var store: GivenPath
    public var rules: GivenPath
    public var templates: GivenPath
    /// `<reports>/<YYYY-MM>/` holds a month's briefs and, unless given another path, its workbook.
    public var reports: GivenPath

    /// Where briefs and workbooks go, and the templates, unless the user says otherwise.
    public static let defaultReports = "reports/out"
    public static let defaultTemplates = "reports/templates"

    public init(store: GivenPath, rules: GivenPath, templates: GivenPath = GivenPath(defaultTemplates),
                reports: GivenPath = GivenPath(defaultReports)) {
        self.store = store
        self.rules = rules
        self.templates = templates
        self.reports = reports
    }

    /// The workbook of `month`: `file` if given, else `<reports>/<YYYY-MM>/review-<YYYY-MM>.xlsx`.
    public func workbook(month: Month, file: GivenPath? = nil) -> URL {
        file?.url ?? reports.url.appendingPathComponent(month.rawValue).appendingPathComponent("review-\(month.rawValue).xlsx")
    }
}
