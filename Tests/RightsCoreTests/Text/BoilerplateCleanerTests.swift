import Foundation
import Testing
@testable import RightsCore

@Suite struct BoilerplateCleanerTests {
    let cleaner = BoilerplateCleaner(rules: ShippedRules.boilerplate)

    @Test("navigation lines, media timers, doubled captions and footers go; body lines stay")
    func removesNoise() {
        let text = """
            Accessibility links
            Skip to main content
            0:00 0:00:50 0:00
            Police detained a reporter in the capital.
            A photo caption printed under the image, twice over.
            A photo caption printed under the image, twice over.
            Share
            The court sentenced him on Monday.
            RFE/RL journalists report the news in 27 languages in 23 countries.
            RFE/RL has been declared an "undesirable organization" by the Russian government.
            """
        let cleaned = cleaner.clean(text)
        #expect(cleaned.text == "Police detained a reporter in the capital.\nThe court sentenced him on Monday.")
        #expect(cleaned.removedLines.map(\.reason).contains(.repeatedCaption))
        #expect(cleaned.removedLines.map(\.reason).contains(.footer))
    }

    @Test("a headline printed again as the body's first line keeps one copy; a caption doubled below it goes")
    func keepsHeadlineOnce() {
        let headline = "Union organiser held overnight after the dockside strike"
        let caption = "Workers gather at the harbour gate on Tuesday morning."
        let cleaned = cleaner.clean("\(headline)\n\(headline)\nPolice held him for a night.\n\(caption)\n\(caption)\nThe strike goes on.")
        #expect(cleaned.text == "\(headline)\nPolice held him for a night.\nThe strike goes on.")
        #expect(cleaned.removedLines.map(\.reason) == [.repeatedLine, .repeatedCaption, .repeatedCaption])
    }

    @Test("a later repeat of earlier body text is dropped, the first kept")
    func keepsFirstOfRepeatedParagraph() {
        let paragraph = "The International Labour Organisation criticised the strike law again."
        let cleaned = cleaner.clean("\(paragraph)\nAnother paragraph of the body text.\n\(paragraph)")
        #expect(cleaned.text == "\(paragraph)\nAnother paragraph of the body text.")
    }

    @Test("odd spaces become plain spaces one for one, and offsets map back to the original")
    func offsetsMapBack() {
        let original = "Share\n  Police\u{00A0}beat “protesters” in Minsk.  \n"
        let cleaned = cleaner.clean(original)
        #expect(cleaned.text == "Police beat “protesters” in Minsk.")
        let scalars = Array(original.unicodeScalars)
        let range = cleaned.originalRange(of: 0 ..< cleaned.text.unicodeScalars.count)!
        #expect(String(String.UnicodeScalarView(scalars[range])) == "Police\u{00A0}beat “protesters” in Minsk.")
    }

    @Test("the five real articles: no navigation line, doubled caption or publisher footer survives; every labelled sentence does",
          .enabled(if: TestPaths.hasCorpus))
    func realArticles() throws {
        let manifest = try String(contentsOf: TestPaths.corpus.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        var cleanedByID: [String: String] = [:]
        for line in manifest.split(separator: "\n") {
            let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
            let original = try String(contentsOf: TestPaths.corpus.appendingPathComponent(entry["file"]!), encoding: .utf8)
            let cleaned = cleaner.clean(TextNormalizer.canonical(original))
            cleanedByID[entry["id"]!] = cleaned.text
            let lines = cleaned.text.split(separator: "\n").map(String.init)
            for noise in ["Accessibility links", "Skip to main content", "Breaking News", "please wait", "Share", "Advertisement",
                          "No media source currently available", "16x9 Image"] {
                #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix(noise) && $0.count < noise.count + 3 }, "\(entry["id"]!): \(noise)")
            }
            #expect(!cleaned.text.contains("undesirable organization\" by the Russian government"))
            #expect(!cleaned.text.contains("The Voice of America provides news"))
            #expect(!cleaned.text.contains("Your tax deductible gift"))
            #expect(!cleaned.text.contains("0:00"))
            // No line of the cleaned text appears twice (captions printed twice are gone).
            let long = lines.filter { $0.count >= 20 }
            #expect(Set(long).count == long.count, "\(entry["id"]!) still has a repeated line")
        }
        let gold = try String(contentsOf: TestPaths.corpus.appendingPathComponent("gold.jsonl"), encoding: .utf8)
        for line in gold.split(separator: "\n") {
            let label = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
            let evidence = TextNormalizer.canonical(label["evidence"]!).replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(cleanedByID[label["article"]!]!.contains(evidence), "lost: \(evidence.prefix(60))")
        }
    }
}
