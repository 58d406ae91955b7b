import Foundation
@testable import RightsCore

/// Paths the tests need, found from this file's location (never the working directory).
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = repository.appendingPathComponent("rules")
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    static let corpus = shared.appendingPathComponent("corpus")
    static let corpusWorld = shared.appendingPathComponent("corpus-world")
    static let corpusHRDS = shared.appendingPathComponent("corpus-hrds")
    static let fixtures = repository.appendingPathComponent("Tests/RightsCoreTests/Fixtures")

    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("manifest.jsonl").path) }
    static var hasCorpusWorld: Bool { FileManager.default.fileExists(atPath: corpusWorld.appendingPathComponent("manifest.jsonl").path) }
    static var hasCorpusHRDS: Bool { FileManager.default.fileExists(atPath: corpusHRDS.appendingPathComponent("manifest.jsonl").path) }
}

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rightsbrief-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }
}

/// The countries of the findings the shipped rules give for `text` (`title` as headline).
func countries(_ text: String, title: String? = nil) -> Set<String> {
    Set(ShippedRules.analyzer.analyze(text: text, title: title).findings.map(\.country.rawValue))
}

/// The indicators of the findings the shipped rules give for `text`.
func indicators(_ text: String) -> Set<String> {
    Set(ShippedRules.analyzer.analyze(text: text).findings.map(\.indicator.rawValue))
}

/// The shipped rules, loaded and compiled once for all tests.
enum ShippedRules {
    static let ruleSet: RuleSet = {
        do { return try RuleSetLoader.load(from: TestPaths.rules, display: "rules") } catch {
            fatalError("the shipped rules do not load: \(error)") // a test-setup failure, not user input
        }
    }()
    static let compiled = CompiledRules(ruleSet)
    static let analyzer = ArticleAnalyzer(compiled)
    static let boilerplate: BoilerplateRules = {
        do { return try BoilerplateRules.load(from: TestPaths.rules.appendingPathComponent("boilerplate.yaml")) } catch {
            fatalError("rules/boilerplate.yaml does not load: \(error)")
        }
    }()
}
