import Foundation
import Testing

/// The library's folders are layers that depend one way (docs/ARCHITECTURE.md): a type declared in
/// a later layer that a file of an earlier layer names is a backwards dependency, and fails here.
///
/// Why the library stays one SwiftPM target: one target per layer would make the compiler refuse a
/// backwards import, but every type another layer uses would have to become `public` (today most
/// of the hot path is internal, and inlined across files by whole-module optimisation), and
/// `@testable` tests would import a dozen modules. This test gives the same guarantee, reading the
/// sources, at the cost of a second or so in `swift test`.
@Suite struct LayeringTests {
    /// In order: Support (file, hash and core-count helpers) and Model (ids, months, findings,
    /// the gazetteer's data, the scoring settings) are what every stage uses; Workflow (the
    /// pipelines and the workspace the commands open) comes last and may use everything.
    static let layers = ["Support", "Model", "Text", "People", "Rules", "Geo", "Corpus", "Analysis", "Evaluation", "Scoring", "Store", "Incidents", "Xlsx",
                         "Report", "Review", "Workflow"]

    /// Backwards dependencies that exist today, as "file: Type", to be removed one by one; a new one fails.
    static let known: Set<String> = [
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

    @Test("every folder of the library is a layer")
    func everyFolderListed() throws {
        let root = TestPaths.repository.appendingPathComponent("Sources/RightsCore")
        let folders = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }.map(\.lastPathComponent)
        let unlisted = Set(folders).subtracting(Self.layers).sorted()
        #expect(unlisted.isEmpty, "folders not in `layers`, so not checked: \(unlisted); add each where it belongs in the order")
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
