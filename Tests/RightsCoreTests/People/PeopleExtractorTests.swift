import Foundation
import Testing
@testable import RightsCore

/// The shipped people word lists and grouping settings, read once for all tests.
enum ShippedIncidentRules {
    static let rules: IncidentRules = {
        do { return try IncidentRules.load(rules: TestPaths.rules, ruleSet: ShippedRules.ruleSet) } catch {
            fatalError("rules/people.yaml or the incidents section of rules/scoring.yaml does not load: \(error)") // test setup
        }
    }()
    static var extractor: PeopleExtractor { rules.extractor }
}

@Suite struct PeopleExtractorTests {
    /// The people of the last sentence of `text` (earlier sentences are its context).
    static func people(_ text: String) -> [PersonMention] {
        ShippedIncidentRules.extractor.read(text).people.last ?? []
    }

    static func names(_ text: String) -> [String] { people(text).compactMap(\.name) }

    @Test("a role word before a name: the name, the role and its class")
    func roleBefore() {
        #expect(Self.people("Police detained journalist Amina Yusuf in the capital on Monday.")
            == [PersonMention(name: "Amina Yusuf", role: "journalist", roleClass: "media_worker", count: nil)])
        #expect(Self.people("Security forces detained opposition leader Ilya Sorin and his driver at a checkpoint.")
            == [PersonMention(name: "Ilya Sorin", role: "opposition leader", roleClass: "opposition", count: nil)])
        #expect(Self.names("Editor Daniel Moreno was taken from his home before dawn.") == ["Daniel Moreno"])
    }

    @Test("a name in apposition, with or without an age")
    func apposition() {
        #expect(Self.people("Amina Yusuf, a reporter for the Coastal Star, was detained on Monday.")
            == [PersonMention(name: "Amina Yusuf", role: "reporter", roleClass: "media_worker", count: nil)])
        #expect(Self.people("Omar Haddad, 34, an independent Kazakh blogger, was arrested at the airport.").map(\.role) == ["blogger"])
        #expect(Self.names("Police arrested Lena Park and Tomas Reyes, two environmental activists, near the mine.") == ["Lena Park", "Tomas Reyes"])
    }

    @Test("counts in digits and in words", arguments: [
        ("Police arrested 12 activists outside the court building.", 12, "activist"),
        ("Two journalists were detained during the raid on the newspaper.", 2, "media_worker"),
        ("Officers detained at least 40 striking workers and their families.", 40, "trade_unionist"),
        ("The court jailed three local reporters for a total of nine years.", 3, "media_worker"),
    ])
    func counts(_ sentence: String, _ count: Int, _ roleClass: String) {
        let found = Self.people(sentence)
        #expect(found.count == 1)
        #expect(found.first?.count == count)
        #expect(found.first?.roleClass == roleClass)
        #expect(found.first?.name == nil)
    }

    @Test("a year, a day or a single journalist is no count")
    func notCounts() {
        #expect(Self.people("In 2019 journalists were detained across the country.").isEmpty)
        #expect(Self.people("One journalist was detained on Tuesday.").isEmpty)
        #expect(Self.people("Police detained 12 activists Tuesday.").compactMap(\.name).isEmpty)
    }

    @Test("a speaker is not the subject", arguments: [
        "The arrests were arbitrary, said Lena Park, a researcher at the Coastal Rights Centre.",
        "According to lawyer Saule Mukhanova, the detained reporters were beaten.",
        "Lena Park, a human rights lawyer, told reporters that the detentions were unlawful.",
        "Rights lawyer Lena Park said the detentions were unlawful.",
    ])
    func speakers(_ sentence: String) {
        #expect(Self.names(sentence).isEmpty, "\(Self.people(sentence))")
    }

    @Test("the speaker of an organisation is left out, the counted victims kept")
    func organisationSpeaker() {
        let found = Self.people("Police arrested two activists on Friday, said Human Rights Watch's Omar Haddad.")
        #expect(found == [PersonMention(name: nil, role: "activist", roleClass: "activist", count: 2)])
    }

    @Test("organisations and places are not people")
    func organisationsAndPlaces() {
        #expect(Self.names("Police raided the offices of the Free Press Union, a group of journalists, in Almaty.").isEmpty)
        #expect(Self.names("Activists from Tbilisi said police detained Nika Beridze, an environmental activist.") == ["Nika Beridze"])
        #expect(Self.names("Journalists Kazakhstan Today reported the detention.").isEmpty)
    }

    @Test("a name introduced earlier is found again by its surname, with its role")
    func surnameAgain() {
        let text = "Police detained reporter Amina Yusuf on Monday. Yusuf was released on bail on Tuesday."
        #expect(Self.people(text) == [PersonMention(name: "Amina Yusuf", role: "reporter", roleClass: "media_worker", count: nil)])
        // A speaker named by surname is still a speaker.
        #expect(Self.people("Police detained reporter Amina Yusuf on Monday. Yusuf said she was beaten.").isEmpty)
    }

    @Test("he or she opening a sentence is the one person the sentence before named")
    func pronoun() {
        let text = "Police detained blogger Omar Haddad at his home. He was charged with spreading false information."
        #expect(Self.names(text) == ["Omar Haddad"])
    }

    @Test("someone else's lawyer is not the subject; a list of names after a role is")
    func relationsAndLists() {
        #expect(Self.names("Journalist Amina Yusuf was detained and her lawyer Saule Mukhanova was turned away.") == ["Amina Yusuf"])
        #expect(Self.names("Police detained journalists Amina Yusuf and Omar Haddad at the border.") == ["Amina Yusuf", "Omar Haddad"])
    }

    @Test("a title marks a person without a role")
    func titles() {
        #expect(Self.people("Dr. Ahmed Salem was arrested at his clinic in the capital.") == [PersonMention(name: "Ahmed Salem", role: nil, roleClass: nil, count: nil)])
    }

    @Test("odd text: no crash, bounded output", arguments: ["", "…", "A", "Journalist", "journalist ,,,, and and", String(repeating: "Amina ", count: 2000),
                                                        String(repeating: "12 journalists, ", count: 500)])
    func oddText(_ text: String) {
        let people = ShippedIncidentRules.extractor.read(text).everyone
        #expect(people.count <= 1000)
    }
}
