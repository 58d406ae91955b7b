import Foundation
@testable import RightsCore

/// A small hand-made label set whose figures are worked out by hand in the tests:
/// three manifest articles; a4 is labelled and found but not in the manifest.
enum EvaluationFixture {
    static let manifest = """
        {"id": "a1", "file": "a1.txt", "title": "Reporter jailed"}
        {"id": "a2", "file": "a2.txt", "title": "Prison beatings"}
        {"id": "a3", "file": "a3.txt", "title": "Election day"}

        """

    static let gold = """
        {"article": "a1", "country": "KZ", "indicator": "press_freedom", "level": "core", "evidence": "Police detained a reporter in Almaty."}
        {"article": "a1", "country": "KZ", "indicator": "political_prisoners", "level": "core", "evidence": "The reporter is held for his posts."}
        {"article": "a1", "country": "RU", "indicator": "press_freedom", "level": "acceptable", "evidence": "Journalists across the region face pressure."}
        {"article": "a2", "country": "uz", "indicator": "torture", "level": "acceptable", "evidence": "Guards beat inmates."}
        {"article": "a2", "country": "UZ", "indicator": "torture", "level": "core", "evidence": "Guards beat inmates."}
        {"article": "a4", "country": "KG", "indicator": "assembly", "level": "core", "evidence": "Police dispersed a rally."}

        """

    static let findings = """
        {"article_id": "a1", "country": "KZ", "indicator": "press_freedom", "sentence": "Police detained a reporter in Almaty.", "rules": ["press_freedom.reporter_detained"]}
        {"article_id": "a1", "country": "RU", "indicator": "press_freedom", "sentence": "Journalists across the region face pressure."}
        {"article_id": "a2", "country": "UZ", "indicator": "torture", "sentence": "Guards beat inmates."}
        {"article_id": "a2", "country": "UZ", "indicator": "torture", "sentence": "Guards beat inmates again."}
        {"article_id": "a3", "country": "TJ", "indicator": "elections", "sentence": "Voters queued in Dushanbe.", "rules": ["elections.vote_rigged"]}
        {"article_id": "a3", "country": "TJ", "indicator": "elections", "sentence": "Voters queued in Dushanbe.", "rules": ["elections.ballot_stuffing"]}
        {"article_id": "a4", "country": "KG", "indicator": "assembly", "sentence": "Police dispersed a rally."}

        """

    /// Writes the three files into `folder` and returns their URLs.
    static func write(in folder: TemporaryFolder, manifest: String = manifest, gold: String = gold, findings: String = findings) throws
        -> (gold: URL, manifest: URL, findings: URL) {
        (try folder.write("gold.jsonl", gold), try folder.write("manifest.jsonl", manifest), try folder.write("findings.jsonl", findings))
    }

    static func evaluate(manifest: String = manifest, gold: String = gold, findings: String = findings) throws -> Evaluation {
        let folder = try TemporaryFolder()
        let files = try write(in: folder, manifest: manifest, gold: gold, findings: findings)
        return Evaluation.evaluate(gold: try GoldLabels.read(files.gold, display: "gold.jsonl"),
                                   manifest: try EvaluationManifest.read(files.manifest, display: "manifest.jsonl"),
                                   findings: try PredictedFinding.read(files.findings, display: "findings.jsonl"))
    }
}
