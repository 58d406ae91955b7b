import Foundation
import Testing
@testable import RightsCore

/// The phrasing batteries (`Fixtures/phrasing/README.md`): sentences written by people who never
/// read a pattern. The development set keeps its recall; the no-finding set gives no finding.
/// (The held-out set is not read here: its totals come from `tools/phrasing-battery.sh`.)
@Suite struct PhrasingBatteryTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("phrasing")

    static func lines(_ name: String) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test("sentences that use the words of rights reporting in another sense give no finding")
    func noFinding() throws {
        let sentences = try Self.lines("no-finding.txt")
        #expect(sentences.count == 120)
        let firing = sentences.filter { !indicators($0).isEmpty }
        #expect(firing.isEmpty, Comment(rawValue: firing.map { "\(indicators($0).sorted()) :: \($0)" }.joined(separator: "\n")))
    }

    /// 210 of the 227 pairs are found today (0.93); the floor leaves room for a label a rule
    /// change reads differently, not for a class lost.
    @Test("the development battery's expected indicators are found: at least 0.85 of its pairs")
    func developmentRecall() throws {
        var expected = 0, found = 0
        var missed: [String] = []
        for line in try Self.lines("recall-dev.txt") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            try #require(parts.count == 2, "not 'INDICATORS|sentence': \(line)")
            let want = parts[0].split(separator: " ").map(String.init)
            let got = indicators(parts[1])
            expected += want.count
            found += want.filter(got.contains).count
            if !want.allSatisfy(got.contains) { missed.append(line) }
        }
        print("phrasing battery (development): \(found) of \(expected) expected pairs found")
        #expect(expected == 227)
        #expect(Double(found) >= 0.85 * Double(expected), Comment(rawValue: "\(found) of \(expected)\n" + missed.joined(separator: "\n")))
    }

    /// The second development battery (`recall-dev2.txt`): 269 of 299 pairs at its introduction (0.90); the floor
    /// leaves room for a label a rule change reads differently. Its look-alike lines give nothing.
    @Test("the second development battery keeps its recall, and its look-alikes give no finding")
    func secondDevelopmentRecall() throws {
        var expected = 0, found = 0
        var missed: [String] = [], firing: [String] = []
        for line in try Self.lines("recall-dev2.txt") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                if !indicators(line).isEmpty { firing.append("\(indicators(line).sorted()) :: \(line)") }
                continue
            }
            let want = parts[0].split(separator: " ").map(String.init)
            let got = indicators(parts[1])
            expected += want.count
            found += want.filter(got.contains).count
            if !want.allSatisfy(got.contains) { missed.append(line) }
        }
        print("phrasing battery (second development set): \(found) of \(expected) expected pairs found")
        #expect(expected == 299)
        #expect(Double(found) >= 0.85 * Double(expected), Comment(rawValue: "\(found) of \(expected)\n" + missed.joined(separator: "\n")))
        #expect(firing.isEmpty, Comment(rawValue: firing.joined(separator: "\n")))
    }
}
