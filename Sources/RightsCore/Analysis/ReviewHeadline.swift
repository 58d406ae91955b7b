/// "Review: …", "Film review: …", "The Long Yard review – …": a headline that announces a review of a
/// film, book, play or show. The prisons and dictatorships such a review retells are fiction or
/// history, whatever words the sentences use. ("2025 in review" is not one.)
enum ReviewHeadline {
    static func announcesReview(_ title: String?) -> Bool {
        guard let title, containsReview(title.utf8) else { return false }
        let folded = title.lowercased()
        if folded.hasPrefix("review:") { return true }
        return [" review –", " review —", " review -", " review:"].contains { folded.contains($0) }
            && !folded.contains(" in review")
    }

    private static let reviewBytes: [UInt8] = Array("review".utf8)

    /// Whether "review" occurs in `bytes` in any case: nearly every headline is answered here,
    /// without folding it or searching it with Foundation.
    private static func containsReview(_ bytes: String.UTF8View) -> Bool {
        let word = reviewBytes
        var matched = 0
        for byte in bytes {
            // ASCII letters fold to lower case by setting bit 5; other bytes never equal a letter of "review" after it.
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
