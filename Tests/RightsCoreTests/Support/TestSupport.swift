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
    static let fixtures = repository.appendingPathComponent("Tests/RightsCoreTests/Fixtures")

    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("manifest.jsonl").path) }
    static var hasCorpusWorld: Bool { FileManager.default.fileExists(atPath: corpusWorld.appendingPathComponent("manifest.jsonl").path) }
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

/// Reads `../shared` gold labels and scores findings against them as `../shared/README.md` defines.
struct GoldScore {
    var precision: Double
    var recall: Double
    var missed: [String]
    var falsePositives: [String]

    static func score(findings: [Finding], gold: URL, articles: Set<String>) throws -> GoldScore {
        var core = Set<String>(), acceptable = Set<String>()
        let text = try String(contentsOf: gold, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.isEmpty {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let key = "\(object["article"]!) \(object["country"]!) \(object["indicator"]!)"
            if object["level"] as? String == "core" { core.insert(key) } else { acceptable.insert(key) }
        }
        let predicted = Set(findings.filter { articles.contains($0.articleID.rawValue) }
            .map { "\($0.articleID) \($0.country) \($0.indicator)" })
        let truePositives = predicted.filter { core.contains($0) || acceptable.contains($0) }
        let falsePositives = predicted.subtracting(core).subtracting(acceptable)
        let hitCore = core.intersection(predicted)
        let precision = predicted.isEmpty ? 1 : Double(truePositives.count) / Double(predicted.count)
        let recall = core.isEmpty ? 1 : Double(hitCore.count) / Double(core.count)
        return GoldScore(precision: precision, recall: recall, missed: core.subtracting(predicted).sorted(), falsePositives: falsePositives.sorted())
    }
}
