/// "Review: …", "Film review: …", "The Long Yard review – …": a headline that announces a review of a
/// film, book, play or show (engine.yaml `review_headlines`). The prisons and dictatorships such a
/// review retells are fiction or history, whatever words the sentences use. ("2025 in review" is not one.)
enum ReviewHeadline {
    static func announcesReview(_ title: String?, settings: EngineSettings) -> Bool {
        guard let title, !settings.reviewMarkers.isEmpty else { return false }
        // Nearly every headline is answered by this byte scan, without folding it.
        guard settings.reviewMarkers.contains(where: { containsFolded(title.utf8, $0) }) else { return false }
        let folded = title.lowercased()
        for marker in settings.reviewMarkers {
            if folded.hasPrefix(marker + ":") { return true }
            let ends = [" \(marker) –", " \(marker) —", " \(marker) -", " \(marker):"]
            guard ends.contains(where: { folded.contains($0) }) else { continue }
            if !settings.reviewNotAfter.contains(where: { folded.contains(" \($0) \(marker)") }) { return true }
        }
        return false
    }

    /// Whether the ASCII word `word` (lower case) occurs in `bytes` in any case.
    private static func containsFolded(_ bytes: String.UTF8View, _ word: String) -> Bool {
        // Read in place, not copied into an array for each headline.
        var word = word
        return word.withUTF8 { word in
            guard !word.isEmpty else { return false }
            var matched = 0
            for byte in bytes {
                // ASCII letters fold to lower case by setting bit 5; other bytes never equal a letter of a marker after it.
                let folded = byte | 0x20
                if folded == word[matched] {
                    matched += 1
                    if matched == word.count { return true }
                } else {
                    matched = folded == word[0] ? 1 : 0
                }
            }
            return false
        }
    }
}
