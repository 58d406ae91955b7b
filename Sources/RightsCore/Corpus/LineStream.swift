import Foundation

/// Reads a file in chunks and hands out lines, so that a large JSONL or CSV file never sits in
/// memory whole. A line longer than `maxLineBytes` is skipped and reported as too long. A UTF-8
/// byte order mark at the start of the file is dropped.
struct LineStream {
    enum Item {
        case line(number: Int, bytes: [UInt8])
        case tooLong(number: Int, bytes: Int)
    }

    private let handle: FileHandle
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var lineNumber = 0
    private var atEnd = false

    init(url: URL, maxLineBytes: Int) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.maxLineBytes = maxLineBytes
    }

    func close() { try? handle.close() }

    mutating func next() -> Item? {
        var line: [UInt8] = []
        var overflow = 0
        while true {
            if position >= buffer.count {
                if atEnd { break }
                let chunk = (try? handle.read(upToCount: 1 << 16)) ?? nil
                guard let chunk, !chunk.isEmpty else { atEnd = true; break }
                buffer = [UInt8](chunk)
                position = 0
            }
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                append(buffer[position ..< newline], to: &line, overflow: &overflow)
                position = newline + 1
                lineNumber += 1
                return finish(line, overflow)
            }
            append(buffer[position...], to: &line, overflow: &overflow)
            position = buffer.count
        }
        if line.isEmpty && overflow == 0 { return nil }
        lineNumber += 1
        return finish(line, overflow)
    }

    private func append(_ bytes: ArraySlice<UInt8>, to line: inout [UInt8], overflow: inout Int) {
        if overflow > 0 || line.count + bytes.count > maxLineBytes {
            overflow += line.count + bytes.count
            line.removeAll(keepingCapacity: false)
        } else {
            line.append(contentsOf: bytes)
        }
    }

    private func finish(_ line: [UInt8], _ overflow: Int) -> Item {
        if overflow > 0 { return .tooLong(number: lineNumber, bytes: overflow) }
        var line = line
        if line.last == 0x0D { line.removeLast() }
        // Excel's "CSV UTF-8" and some JSONL writers start the file with a byte order mark: it is
        // not part of the first column name or key.
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        return .line(number: lineNumber, bytes: line)
    }
}
