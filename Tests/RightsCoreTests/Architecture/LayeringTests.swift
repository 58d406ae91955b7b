import Foundation
import Testing

/// The library's folders are layers that should depend one way (docs/ARCHITECTURE.md). The library
/// is one target, so the compiler does not enforce it; this test does, by reading the sources: a
/// type declared in a later layer that a file of an earlier layer names is a backwards dependency.
/// The ones that exist today are listed, to be removed one by one; a new one fails.
@Suite struct LayeringTests {
    static let layers = ["Support", "Text", "Rules", "Geo", "Corpus", "Ingest", "Analysis", "Evaluation", "Scoring", "Store", "Report", "Review"]

    /// Backwards dependencies that exist today, as "file: Type".
    static let known: Set<String> = [
        "AnalysisPipeline.swift: AnalysedArticle", "AnalysisPipeline.swift: RightsStore",
        "CountryAttributor.swift: AttributionMethod", "EngineSettings.swift: AttributionMethod",
        "IngestPipeline.swift: RightsStore",
        "RulesChecker.swift: RuleExampleRunner",
        "CompiledRules.swift: PlaceName", "GazetteerReader.swift: Country", "GazetteerReader.swift: Gazetteer",
        "GazetteerReader.swift: Leader", "GazetteerReader.swift: Region", "RuleSet.swift: Gazetteer",
        "GazetteerReader.swift: CoverageLevel", "GazetteerReader.swift: ScoringConfig", "RuleSet.swift: ScoringConfig",
        "RuleSetLoader.swift: ScoringConfig", "RuleSetLoader.swift: Country", "RuleSetLoader.swift: Gazetteer",
        "RuleSetLoader.swift: Region", "RulesChecker.swift: Country", "RulesChecker.swift: Gazetteer",
    ]

    static func sources(of layer: String) -> [URL] {
        let folder = TestPaths.repository.appendingPathComponent("Sources/RightsCore/\(layer)")
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    /// The source without comments, so a type named in a comment is no dependency.
    static func code(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line) }.joined(separator: "\n")
    }

    @Test("no file names a type of a later layer, besides the known ones")
    func oneWay() throws {
        let declaration = try Regex(#"(?m)^\s*(?:(?:public|private|fileprivate|internal|final|indirect)\s+)*(?:struct|enum|class|protocol|actor)\s+([A-Z]\w*)"#)
        var owner: [String: Int] = [:]
        for (rank, layer) in Self.layers.enumerated() {
            for file in Self.sources(of: layer) {
                for match in try Self.code(file).matches(of: declaration) {
                    if let name = match.output[1].substring, owner[String(name)] == nil { owner[String(name)] = rank }
                }
            }
        }
        #expect(owner.count > 100, "the sources were found and read")
        var found: Set<String> = []
        for (rank, layer) in Self.layers.enumerated() {
            for file in Self.sources(of: layer) {
                let words = Set(try Self.code(file).split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init))
                for (name, ownerRank) in owner where ownerRank > rank && words.contains(name) {
                    found.insert("\(file.lastPathComponent): \(name)")
                }
            }
        }
        let added = found.subtracting(Self.known).sorted()
        #expect(added.isEmpty, "backwards dependencies (a layer naming a type of a later one): \(added)")
        let gone = Self.known.subtracting(found).sorted()
        #expect(gone.isEmpty, "no longer there, remove from `known`: \(gone)")
    }
}
