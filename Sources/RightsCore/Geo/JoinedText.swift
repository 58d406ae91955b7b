/// The parts one after the other, in a string allocated once (`+` and interpolation grow it step by
/// step): an attribution's detail and text are made for every finding.
func joinedText(_ first: String, _ second: String, _ third: String) -> String {
    var result = ""
    result.reserveCapacity(first.utf8.count + second.utf8.count + third.utf8.count)
    result += first
    result += second
    result += third
    return result
}

func joinedText(_ first: String, _ second: String, _ third: String, _ fourth: String, _ fifth: String) -> String {
    var result = ""
    result.reserveCapacity(first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count + fifth.utf8.count)
    result += first
    result += second
    result += third
    result += fourth
    result += fifth
    return result
}
