/// A sentence that is nothing but a list of two or more countries ("They are Nigeria, India,
/// Afghanistan, Syria, and Vietnam."): right after evidence, it names the countries of that evidence.
enum BareCountryList {
    /// The sentence's mentions if it is such a list (tokens `range`), else nil.
    static func names(_ mentions: ArraySlice<PlaceMention>, text: ScannedText, range: Range<Int>, settings: EngineSettings) -> [PlaceMention]? {
        // Every mention must be a plain name: most sentences fail here, before anything is copied.
        guard mentions.count >= 2, mentions.allSatisfy({ !$0.isSpeaker && !$0.isRegion && !$0.isOrganisation && !$0.place.isAmbiguous }) else { return nil }
        let names = Array(mentions)
        let covered = names.reduce(0) { $0 + $1.end - $1.start }
        let listWords = names.indices.dropFirst().reduce(0) { $0 + names[$1].start - names[$1 - 1].end }
        for index in names.indices.dropFirst() {
            let between = names[index - 1].end ..< names[index].start
            guard between.count <= 2, between.allSatisfy({ settings.bareListJoints.contains(text.word($0)) }) else { return nil }
        }
        // Only words that introduce a list may stand around it ("They are…", "…among them"):
        // "China, Russia and India sent observers" says something else of them.
        let span = names[0].start ..< names[names.count - 1].end
        guard range.allSatisfy({ span.contains($0) || settings.bareListFrame.contains(text.word($0)) }) else { return nil }
        return range.count - covered - listWords <= 4 ? names : nil
    }
}
