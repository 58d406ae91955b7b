import Testing
@testable import RightsCore

/// Who a finding belongs to when it happens inside a state's embassy or consulate abroad, is done on
/// another state's behalf, or befalls another country's citizen: the state whose agents acted, or
/// where it happened (shared README's labelling rule).
@Suite struct MissionAttributionTests {
    @Test("inside a state's embassy or consulate, the sending state is the subject, not the host city's country")
    func insideTheMission() {
        #expect(countries("Two reporters were detained and beaten by guards inside the Uzbek embassy in Moscow last spring.") == ["UZ"])
        #expect(countries("A dissident journalist was beaten and detained inside the Iranian consulate in Ankara, prosecutors believe.") == ["IR"])
        // "embassy" after a demonym makes it a voice; inside the mission it is the actor again.
        #expect(countries("A rights activist was detained for nine hours in the Egyptian embassy in Lisbon before being freed.") == ["EG"])
        // The mission's state named before it ("its consulate"): the seat is still no subject.
        #expect(countries("Tajikistan denies that the exiled activist was detained in its consulate in Istanbul for two days.") == ["TJ"])
    }

    @Test("a mission that is a landmark or a voice leaves the host country as the subject")
    func missionAsLandmark() {
        #expect(countries("Police arrested six protesters outside the Chinese embassy in Canberra on Friday.") == ["AU"])
        #expect(countries("Riot police detained dozens of demonstrators at the Russian embassy in Tbilisi.") == ["GE"])
    }

    @Test("the state on whose behalf others acted ('on Azerbaijan's behalf') is not the subject")
    func onBehalfOf() {
        let before = "The reporter has lived in Austria since 2015. "
        #expect(countries(before + "Police detained the journalist on Azerbaijan's behalf last week.") == ["AT"])
        #expect(countries("Officers detained the publisher in London on Sweden's behalf and held him for a week.") == ["GB"])
    }

    @Test("a nationality stated ('a Lithuanian citizen') is not where the event happened")
    func citizenship() {
        let text = "Police in Minsk detained several activists on Sunday. Ona Petraitis, a rights lawyer and Lithuanian citizen, was also detained."
        #expect(countries(text) == ["BY"])
    }
}
