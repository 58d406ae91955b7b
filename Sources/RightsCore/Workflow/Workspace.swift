import Foundation

/// What a command works on, opened once per command: the store, the rules and where reports go.
/// The steps of the main job (ingest, analyze, briefs, workbook, run) are its methods; what they
/// report while running goes to `WorkspaceEvents`, and nothing is printed here.
///
/// The store is opened, and the rules loaded, on first use, so a command that needs neither does
/// not touch them, and what each command checks first stays what it reads first.
///
/// ```swift
/// let workspace = Workspace(WorkspacePaths(store: GivenPath("rightsbrief.sqlite"), rules: GivenPath("rules")),
///                           access: .readWrite, toolVersion: "0.1.0")
/// let report = try await workspace.run(inputs: [GivenPath("samples")])
/// ```
public final class Workspace {
    public let paths: WorkspacePaths
    public let access: RightsStore.Access
    /// Written into each workbook.
    public let toolVersion: String
    private var openedStore: RightsStore?
    private var loadedRules: RuleSet?
    private var loadedIncidentRules: IncidentRules?
    /// Each month's grouping, made once per command: a brief asks for seven months, and `run`
    /// writes every month. Ingest and analysis change findings, so they clear it.
    private var groupedMonths: [Month: MonthIncidents] = [:]

    public init(_ paths: WorkspacePaths, access: RightsStore.Access, toolVersion: String) {
        self.paths = paths
        self.access = access
        self.toolVersion = toolVersion
    }

    /// The store, opened on first use.
    /// - Throws: `StoreError` (`.missing` when read-only and there is no store).
    public func store() throws -> RightsStore {
        if let openedStore { return openedStore }
        let store = try RightsStore(path: paths.store.written, access: access)
        openedStore = store
        return store
    }

    /// The rule set, loaded on first use.
    /// - Throws: `WorkspaceError.rulesFolderMissing`, `RuleError` for rules that do not load.
    public func rules() throws -> RuleSet {
        if let loadedRules { return loadedRules }
        let rules = try Self.loadRules(paths.rules)
        loadedRules = rules
        return rules
    }

    /// The rule set in `folder`: the one place rules are loaded for a command.
    public static func loadRules(_ folder: GivenPath) throws -> RuleSet {
        guard folder.exists else { throw WorkspaceError.rulesFolderMissing(folder) }
        return try RuleSetLoader.load(from: folder.url, display: folder.written)
    }

    /// The month's incidents: its findings grouped into events with the people they name, by the
    /// `incidents:` settings of `scoring.yaml` and the word lists of `people.yaml`.
    /// - Throws: `IncidentError` for those files, `StoreError`, what `rules()` throws.
    public func incidents(month: Month) throws -> MonthIncidents {
        if let grouped = groupedMonths[month] { return grouped }
        let incidentRules = try loadedIncidentRules ?? IncidentRules.load(rules: paths.rules.url, ruleSet: rules(), display: paths.rules.written)
        loadedIncidentRules = incidentRules
        let grouped = try MonthIncidents.read(store: store(), month: month, extractor: incidentRules.extractor, settings: incidentRules.settings)
        // A brief needs seven months and `run` goes forward in time: keep eight, dropping the
        // earliest, so a run over years holds no more than that.
        if groupedMonths.count >= 8, let earliest = groupedMonths.keys.min() { groupedMonths[earliest] = nil }
        groupedMonths[month] = grouped
        return grouped
    }

    /// `<rules>/boilerplate.yaml`, all that ingest needs of the rules.
    public func boilerplate() throws -> BoilerplateRules {
        let url = paths.rules.url.appendingPathComponent("boilerplate.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { throw WorkspaceError.boilerplateMissing(url) }
        return try BoilerplateRules.load(from: url)
    }

    /// Refuses inputs that do not exist, before anything is read or stored; one that vanishes
    /// later is a rejected input like any other.
    public func requireInputs(_ inputs: [GivenPath]) throws {
        let missing = inputs.filter { !$0.exists }.map(\.written)
        guard missing.isEmpty else { throw WorkspaceError.inputsMissing(missing) }
    }

    /// Reads `inputs` (below the working directory unless absolute) into the store. Inputs that
    /// cannot be read are in the report's problems, first those that could not even be listed.
    public func ingest(_ inputs: [GivenPath], settings: IngestSettings = IngestSettings(),
                       events: some WorkspaceEvents = NoWorkspaceEvents()) throws -> IngestReport {
        let boilerplate = try boilerplate()
        let store = try store()
        groupedMonths = [:]
        let collected = InputCollector.collect(inputs.map(\.written), relativeTo: GivenPath.workingDirectory)
        let pipeline = IngestPipeline(
            reader: CorpusReader(maxBytes: settings.maxBytes),
            builder: ArticleBuilder(cleaner: BoilerplateCleaner(rules: boilerplate), defaultPublished: settings.published,
                                    defaultSource: settings.source))
        var report = try pipeline.run(collected.files, into: store, progress: { events.ingesting($0) })
        report.problems.insert(contentsOf: collected.problems, at: 0)
        return report
    }

    /// Analyses every article not yet analysed with the rules (`force`: all of them).
    /// `parallelism`: analysis tasks, by default one per usable core.
    public func analyze(force: Bool = false, parallelism: Int? = nil,
                        events: some WorkspaceEvents = NoWorkspaceEvents()) async throws -> AnalysisReport {
        let rules = try rules()
        let store = try store()
        groupedMonths = [:]
        let pipeline = AnalysisPipeline(compiled: CompiledRules(rules), parallelism: parallelism ?? AnalysisPipeline.defaultParallelism)
        return try await pipeline.run(store: store, force: force, progress: { done, total in events.analysing(done, of: total) })
    }

    /// The briefs of the rules, with the templates and output folder of the paths.
    /// - Throws: `WorkspaceError.templatesMissing` when the templates folder has no `brief.md.mustache`.
    public func monthlyReports() throws -> MonthlyReports {
        let rules = try rules()
        guard FileManager.default.fileExists(atPath: paths.templates.url.appendingPathComponent("brief.md.mustache").path) else {
            throw WorkspaceError.templatesMissing(paths.templates)
        }
        return try MonthlyReports(rules: rules, templates: paths.templates.url, out: paths.reports.url)
    }

    /// Writes a month's briefs (only those of `countries`, when given) under `<reports>/<YYYY-MM>/`.
    public func writeBriefs(month: Month, countries: [CountryCode] = []) throws -> MonthlyReports.Result {
        _ = try rules()
        let store = try store()
        return try monthlyReports().write(month: month, countries: countries, store: store, incidents: incidents(month:))
    }

    /// Writes a month's review workbook to `url` (`paths.workbook(month:)` by default).
    public func exportWorkbook(month: Month, to url: URL, now: Date = Date()) throws -> WorkbookExporter.Result {
        let rules = try rules()
        let store = try store()
        return try WorkbookExporter(rules: rules, toolVersion: toolVersion).export(month: month, store: store, incidents: incidents(month:), to: url, now: now)
    }

    /// Reads the decisions of a reviewed workbook into the store.
    public func importReviews(from file: GivenPath, reviewer: String?, now: Date = Date()) throws -> ReviewImportReport {
        guard file.exists else { throw WorkspaceError.fileMissing(file) }
        let store = try store()
        return try ReviewImporter().importReviews(from: file.url, reviewer: reviewer, store: store, now: now)
    }

    /// The main job: ingest `inputs`, analyse, then the briefs (and a workbook, with `workbooks`)
    /// of every month with findings. Everything that can be checked before work starts is checked
    /// first: the inputs, the rules, the templates.
    public func run(inputs: [GivenPath], settings: IngestSettings = IngestSettings(), workbooks: Bool = true,
                    events: some WorkspaceEvents = NoWorkspaceEvents()) async throws -> RunReport {
        try requireInputs(inputs)
        let reports = try monthlyReports()
        let ingest = try self.ingest(inputs, settings: settings, events: events)
        events.ingested(ingest)
        let analysis = try await analyze(events: events)
        events.analysed(analysis)
        let store = try store()
        for month in try store.monthsWithFindings() {
            let briefs = try reports.write(month: month, store: store, incidents: incidents(month:))
            var workbook: URL?
            if workbooks {
                let url = paths.workbook(month: month)
                _ = try exportWorkbook(month: month, to: url)
                workbook = url
            }
            events.wrote(MonthOutput(briefs: briefs, workbook: workbook))
        }
        let undated = try store.articleSummaries(undatedOnly: true).count
        return RunReport(ingest: ingest, analysis: analysis, undatedArticles: undated)
    }
}
