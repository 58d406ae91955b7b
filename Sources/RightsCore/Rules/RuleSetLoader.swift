import Foundation
import Yams

/// Loads a rules folder into a `RuleSet`, collecting every problem with file, line and column.
///
/// ```swift
/// let rules = try RuleSetLoader.load(from: URL(fileURLWithPath: "rules"))
/// ```
/// - Throws: `RuleError` with all diagnostics when any error is found.
public enum RuleSetLoader {
    public struct Result: Sendable {
        public var ruleSet: RuleSet?
        public var diagnostics: [Diagnostic]
    }

    public static func load(from folder: URL, display: String? = nil) throws -> RuleSet {
        let result = read(folder, display: display)
        guard let ruleSet = result.ruleSet, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw RuleError(diagnostics: result.diagnostics.sorted(by: order))
        }
        return ruleSet
    }

    /// Reads everything and reports every problem; `ruleSet` is nil only when nothing usable was found.
    /// - Parameter display: how to name the folder in messages (what the user typed); its path by default.
    public static func read(_ folder: URL, display: String? = nil) -> Result {
        var diagnostics: [Diagnostic] = []
        var hash = ContentHash()
        let display = display ?? folder.path

        func document(_ name: String, required: Bool) -> YAMLDocument? {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if required {
                    diagnostics.append(Diagnostic(.unreadableFile, SourceLocation(file: "\(display)/\(name)"), "missing: every rules folder needs \(name)"))
                }
                return nil
            }
            if let data = FileManager.default.contents(atPath: url.path) {
                hash.update(name)
                hash.update(bytes: data)
            }
            return YAMLDocument.load(url, display: "\(display)/\(name)")
        }

        // References first: indicators are checked against them.
        var references: [String: String] = [:]
        if var doc = document("references.yaml", required: true) {
            if let top = doc.mapping(doc.root, what: "references.yaml", known: ["references"]),
               let node = top["references"]?.value, let mapping = node.mapping {
                for (key, value) in mapping { references[key.string ?? ""] = value.string ?? "" }
            }
            diagnostics += doc.diagnostics
        }

        // Vocabulary next: patterns name its classes.
        var writtenClasses: [VocabularyReader.Written] = []
        let vocabularyFolder = folder.appendingPathComponent("vocabulary")
        let classFiles = ((try? FileManager.default.contentsOfDirectory(atPath: vocabularyFolder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        for file in classFiles {
            guard var doc = document("vocabulary/\(file)", required: true) else { continue }
            if let written = VocabularyReader.read(&doc, fileStem: (file as NSString).deletingPathExtension) {
                if let first = writtenClasses.first(where: { $0.name == written.name }) {
                    doc.diagnostics.append(Diagnostic(.duplicateIndicator, written.location, "class '@\(written.name)' is already defined in \(first.location.file)", subject: "@" + written.name))
                } else {
                    writtenClasses.append(written)
                }
            }
            diagnostics += doc.diagnostics
        }
        let (vocabulary, vocabularyDiagnostics) = VocabularyReader.expand(writtenClasses)
        diagnostics += vocabularyDiagnostics

        var indicators: [Indicator] = []
        let indicatorFolder = folder.appendingPathComponent("indicators")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: indicatorFolder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        if files.isEmpty {
            diagnostics.append(Diagnostic(.unreadableFile, SourceLocation(file: "\(display)/indicators"), "no indicator files (*.yaml)"))
        }
        for file in files {
            guard var doc = document("indicators/\(file)", required: true) else { continue }
            if let indicator = IndicatorReader.read(&doc, fileStem: (file as NSString).deletingPathExtension, references: references, vocabulary: vocabulary) {
                indicators.append(indicator)
            }
            diagnostics += doc.diagnostics
        }

        var globalExclusions: [ExclusionRule] = []
        if var doc = document("exclusions.yaml", required: false) {
            if let top = doc.mapping(doc.root, what: "exclusions.yaml", known: ["exclusions"]),
               let list = doc.sequence(top["exclusions"]?.value, key: "exclusions") {
                globalExclusions = list.compactMap { IndicatorReader.exclusion(&doc, $0, indicator: nil, vocabulary: vocabulary) }
            }
            diagnostics += doc.diagnostics
        }

        // The engine's word lists first: the place names are checked against `not_place_names`.
        var engine = EngineSettings()
        if var doc = document("engine.yaml", required: true) {
            engine = EngineSettingsReader.read(&doc)
            diagnostics += doc.diagnostics
        }
        var countries: [Country] = []
        if var doc = document("countries.yaml", required: true) {
            countries = GazetteerReader.countries(&doc, notPlaceNames: engine.notPlaceNames)
            diagnostics += doc.diagnostics
        }
        var regions: [Region] = []
        if var doc = document("regions.yaml", required: false) {
            regions = GazetteerReader.regions(&doc, notPlaceNames: engine.notPlaceNames)
            diagnostics += doc.diagnostics
        }
        var scoring = ScoringConfig()
        if var doc = document("scoring.yaml", required: false) {
            scoring = ScoringConfigReader.read(&doc)
            diagnostics += doc.diagnostics
        }
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent("boilerplate.yaml").path) {
            hash.update("boilerplate.yaml")
            hash.update(bytes: data)
        }

        let gazetteer = Gazetteer(countries: countries, regions: regions)
        var ruleSet = RuleSet(indicators: indicators, globalExclusions: globalExclusions, gazetteer: gazetteer, engine: engine,
                              references: references, vocabulary: vocabulary, scoring: scoring, contentHash: "", diagnostics: [])
        // Last: its role words are vocabulary classes, and its places the gazetteer's names.
        if var doc = document(PeopleLexiconReader.fileName, required: false) {
            ruleSet.people = PeopleLexiconReader.read(&doc, ruleSet: ruleSet)
            diagnostics += doc.diagnostics
        }
        // people.yaml is in it: the people stored with each finding change with it.
        ruleSet.contentHash = hash.hexDigest()
        diagnostics += RuleSetValidator.crossChecks(ruleSet)
        var result = ruleSet
        result.diagnostics = diagnostics.filter { $0.severity == .warning }
        return Result(ruleSet: result, diagnostics: diagnostics.sorted(by: order))
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location.file != b.location.file { return a.location.file < b.location.file }
        if (a.location.line ?? 0) != (b.location.line ?? 0) { return (a.location.line ?? 0) < (b.location.line ?? 0) }
        if (a.location.column ?? 0) != (b.location.column ?? 0) { return (a.location.column ?? 0) < (b.location.column ?? 0) }
        return a.code < b.code
    }
}
