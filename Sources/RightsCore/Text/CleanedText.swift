/// Article text after noise removal, with a map back to the original.
///
/// Offsets everywhere in Rightsbrief are Unicode scalar offsets (what Python's `str` indexes),
/// so a span can be checked with any tool: `original[start:end]`.
public struct CleanedText: Sendable, Equatable, Codable {
    /// The text that analysis reads: kept lines, one paragraph per line.
    public var text: String
    /// Pieces of `text` that correspond one to one (scalar for scalar) to pieces of the original.
    public var segments: [OffsetSegment]
    /// Lines that were removed, with the reason, for `explain` and for tests.
    public var removedLines: [RemovedLine]

    public init(text: String, segments: [OffsetSegment], removedLines: [RemovedLine]) {
        self.text = text
        self.segments = segments
        self.removedLines = removedLines
    }

    /// The original scalar range of a range in the cleaned text.
    ///
    /// A range that spans a removed line maps to the whole original stretch between its ends.
    /// - Complexity: O(log s) for s segments.
    public func originalRange(of cleaned: Range<Int>) -> Range<Int>? {
        guard let first = segmentIndex(containing: cleaned.lowerBound),
              let last = segmentIndex(containing: max(cleaned.lowerBound, cleaned.upperBound - 1)) else { return nil }
        let start = segments[first].originalStart + (cleaned.lowerBound - segments[first].cleanedStart)
        let end = segments[last].originalStart + (max(cleaned.lowerBound, cleaned.upperBound - 1) - segments[last].cleanedStart) + 1
        return start ..< max(start, end)
    }

    private func segmentIndex(containing offset: Int) -> Int? {
        var low = 0, high = segments.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let segment = segments[mid]
            if offset < segment.cleanedStart { high = mid - 1 }
            else if offset >= segment.cleanedStart + segment.length { low = mid + 1 }
            else { return mid }
        }
        return nil
    }
}

/// `length` scalars at `cleanedStart` in the cleaned text are the scalars at `originalStart` in the original.
public struct OffsetSegment: Sendable, Equatable, Codable {
    public var cleanedStart: Int
    public var originalStart: Int
    public var length: Int
}

public struct RemovedLine: Sendable, Equatable, Codable {
    public enum Reason: String, Sendable, Codable {
        case navigation, pattern, footer, repeatedCaption, repeatedLine
    }
    /// 1-based line number in the original.
    public var line: Int
    public var text: String
    public var reason: Reason
}
