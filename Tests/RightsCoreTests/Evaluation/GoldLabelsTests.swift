import Foundation
import Testing
@testable import RightsCore

@Suite struct GoldLabelsTests {
    static func goldError(_ text: String) throws -> EvaluationError? {
        let folder = try TemporaryFolder()
        let url = try folder.write("gold.jsonl", text)
        do { _ = try GoldLabels.read(url, display: "gold.jsonl") } catch { return error }
        return nil
    }

    static let good = #"{"article": "a1", "country": "KZ", "indicator": "torture", "level": "core", "evidence": "Police beat him."}"#

    @Test("a bad gold line is reported with its file and line number (blank lines count)", arguments: [
        (good + "\n\n{\"article\": \"a1\", \"country\": \"KZ\"", EvaluationError.malformedJSON(SourceLocation(file: "gold.jsonl", line: 3), reason: "")),
        (good + "\n[1, 2]\n", .notAnObject(SourceLocation(file: "gold.jsonl", line: 2))),
        (#"{"article": "a1", "indicator": "torture", "level": "core"}"#, .missingField(SourceLocation(file: "gold.jsonl", line: 1), key: "country")),
        (#"{"article": "", "country": "KZ", "indicator": "torture", "level": "core"}"#, .missingField(SourceLocation(file: "gold.jsonl", line: 1), key: "article")),
        (good + "\n" + #"{"article": "a1", "country": "KZ", "indicator": "torture"}"#, .missingField(SourceLocation(file: "gold.jsonl", line: 2), key: "level")),
        (good + "\n" + #"{"article": "a1", "country": "KZ", "indicator": "torture", "level": "probable"}"#,
         .unknownLevel(SourceLocation(file: "gold.jsonl", line: 2), value: "probable")),
        (#"{"article": "a1", "country": ["KZ"], "indicator": "torture", "level": "core"}"#,
         .wrongType(SourceLocation(file: "gold.jsonl", line: 1), key: "country", expected: "a string")),
        (#"{"article": "a1", "country": "Kazakhstan", "indicator": "torture", "level": "core"}"#,
         .wrongType(SourceLocation(file: "gold.jsonl", line: 1), key: "country", expected: "an ISO 3166-1 alpha-2 code such as KZ, not 'Kazakhstan'")),
        (#"{"article": "a1", "country": "KZ", "indicator": "torture", "level": "core", "evidence": 3}"#,
         .wrongType(SourceLocation(file: "gold.jsonl", line: 1), key: "evidence", expected: "a string")),
    ])
    func badGoldLine(text: String, expected: EvaluationError) throws {
        let error = try #require(try Self.goldError(text))
        if case .malformedJSON(let location, _) = expected {
            // The parser's wording is Foundation's; the place is ours.
            guard case .malformedJSON(let found, _) = error else { Issue.record("got \(error)"); return }
            #expect(found == location)
        } else {
            #expect(error == expected)
        }
    }

    @Test("messages read like a compiler's: file:line: what is wrong")
    func messages() throws {
        let error = try #require(try Self.goldError(Self.good + "\n" + #"{"article": "a1", "country": "KZ", "indicator": "torture", "level": "probable"}"#))
        #expect(error.errorDescription == "gold.jsonl:2: unknown level 'probable': use core or acceptable")
        let missing = try #require(try Self.goldError(#"{"country": "KZ", "indicator": "torture", "level": "core"}"#))
        #expect(missing.errorDescription == "gold.jsonl:1: missing field `article`")
    }

    @Test("evidence is optional (recall-only label sets have none); labels keep their line")
    func optionalEvidence() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("attacks.jsonl", #"{"article": "a1", "country": "kz", "indicator": "torture", "level": "core", "evidence": ""}"# + "\n")
        let gold = try GoldLabels.read(url, display: "attacks.jsonl")
        #expect(gold.labels == [GoldLabel(pair: LabelledPair(article: "a1", country: "KZ", indicator: "torture"), level: .core, evidence: nil,
                                          location: SourceLocation(file: "attacks.jsonl", line: 1))])
    }

    @Test("a manifest needs an id on every line and at least one line; a missing file is named")
    func manifestErrors() throws {
        let folder = try TemporaryFolder()
        let noID = try folder.write("manifest.jsonl", #"{"id": "a1"}"# + "\n" + #"{"file": "a2.txt"}"# + "\n")
        #expect(throws: EvaluationError.missingField(SourceLocation(file: "m.jsonl", line: 2), key: "id")) {
            try EvaluationManifest.read(noID, display: "m.jsonl")
        }
        let empty = try folder.write("empty.jsonl", "\n")
        #expect(throws: EvaluationError.emptyFile(SourceLocation(file: "empty.jsonl"))) { try EvaluationManifest.read(empty, display: "empty.jsonl") }
        #expect(throws: EvaluationError.unreadable(SourceLocation(file: "none.jsonl"), reason: "no such file")) {
            try EvaluationManifest.read(folder.url.appendingPathComponent("none.jsonl"), display: "none.jsonl")
        }
        let numeric = try folder.write("numeric.jsonl", #"{"id": 873189810}"# + "\n" + #"{"id": "a1"}"# + "\n" + #"{"id": "a1"}"# + "\n")
        #expect(try EvaluationManifest.read(numeric, display: "numeric.jsonl").articleIDs == ["873189810", "a1"])
    }

    @Test("findings lines: the article under article_id or article; a line without indicator is named")
    func findingsLines() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("findings.jsonl", """
            {"id": "f1", "article_id": "a1", "country": "KZ", "indicator": "torture", "rules": ["torture.beaten"]}
            {"article": "a2", "country": "UZ", "indicator": "assembly", "sentence": "Police dispersed a rally."}
            """)
        let findings = try PredictedFinding.read(url, display: "findings.jsonl")
        #expect(findings.map(\.pair.description) == ["a1 KZ torture", "a2 UZ assembly"])
        #expect(findings.map(\.sentence) == [nil, "Police dispersed a rally."])
        let bad = try folder.write("bad.jsonl", #"{"article_id": "a1", "country": "KZ"}"# + "\n")
        #expect(throws: EvaluationError.missingField(SourceLocation(file: "bad.jsonl", line: 1), key: "indicator")) {
            try PredictedFinding.read(bad, display: "bad.jsonl")
        }
    }
}
