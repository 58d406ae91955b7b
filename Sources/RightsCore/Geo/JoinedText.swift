/// The parts one after the other, in a string allocated once at its final size and filled with
/// their bytes (appending grows it and checks each part): a finding's attribution text is made
/// for every finding.
func joinedText(_ first: String, _ second: String, _ third: String, _ fourth: String = "", _ fifth: String = "", _ sixth: String = "",
                _ seventh: String = "", _ eighth: String = "", _ ninth: String = "") -> String {
    let count = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count + sixth.utf8.count
        + seventh.utf8.count + eighth.utf8.count + ninth.utf8.count
    // SAFETY: the parts' bytes add up to `count`, the capacity asked for, so each copy stays
    // inside the buffer; they are valid UTF-8, being strings.
    return String(unsafeUninitializedCapacity: count) { buffer in
        var written = 0
        func put(_ part: String) {
            guard !part.isEmpty else { return }
            written += UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(from: part.utf8).1
        }
        put(first)
        put(second)
        put(third)
        put(fourth)
        put(fifth)
        put(sixth)
        put(seventh)
        put(eighth)
        put(ninth)
        return written
    }
}
