import CInflate
import Foundation

/// The unpacked bytes of one part of an .xlsx, a chunk at a time, within ``XlsxReadLimits``.
///
/// zlib inflates the entry's compressed bytes straight into the caller's buffer, so a part is never
/// held whole: the XML parser pulls a sheet of any size through a buffer of its own. Bytes are
/// counted as they come out (headers can lie): more than declared, more than an entry or the
/// archive may unpack, or a ratio of a zip bomb stops the read; the size and CRC-32 are checked
/// at the end. A deflate stream that runs past its entry's compressed bytes is an error, not a wait.
final class XlsxPartReader {
    private let display: String
    private let path: String
    private let limits: XlsxReadLimits
    private let bytes: Data
    private let declaredSize: UInt64
    private let expectedCRC: UInt32
    private let stored: Bool
    /// Offsets of the compressed bytes in `bytes` (from its start index).
    private let start: Int
    private let end: Int
    /// What the archive unpacked before this part (its total is bounded too).
    private let unpackedBefore: UInt64
    private var position: Int
    private var produced: UInt64 = 0
    private var crc: UInt = 0
    private var finished = false
    private var inflater = z_stream()
    private var inflating = false

    init(display: String, path: String, limits: XlsxReadLimits, bytes: Data, method: UInt16, dataStart: Int,
         compressedSize: UInt64, uncompressedSize: UInt64, crc32 expected: UInt32, unpackedBefore: UInt64) throws {
        self.display = display
        self.path = path
        self.limits = limits
        self.bytes = bytes
        declaredSize = uncompressedSize
        expectedCRC = expected
        self.unpackedBefore = unpackedBefore
        start = dataStart
        end = dataStart + Int(compressedSize)
        position = dataStart
        switch method {
        case 0: stored = true
        case 8:
            stored = false
            // Raw deflate (negative window bits): a ZIP entry has no zlib header.
            let status = inflateInit2_(&inflater, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw XlsxReadError.corruptEntry(path: display, entry: path, reason: "cannot start inflating it (zlib \(status))") }
            inflating = true
        default:
            throw XlsxReadError.unsupportedEntry(path: display, entry: path, reason: "compression method \(method) (only stored and deflate are read)")
        }
    }

    deinit {
        if inflating { inflateEnd(&inflater) }
    }

    /// Bytes unpacked so far (all of the part once ``read(into:capacity:)`` returned 0).
    var unpacked: UInt64 { produced }

    /// Fills up to `capacity` bytes at `buffer` with the next unpacked bytes.
    /// - Returns: how many; 0 only at the end of the part, after its size and CRC-32 were checked.
    /// - Throws: ``XlsxReadError`` for a limit or damage.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        guard !finished, capacity > 0 else { return 0 }
        var count = 0
        if stored {
            count = min(capacity, end - position)
            bytes.withUnsafeBytes { raw in
                // SAFETY: `position ..< position + count` lies within `start ..< end`, which
                // `XlsxArchive` checked to be inside `bytes`; `buffer` holds `capacity >= count` bytes.
                buffer.update(from: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + position, count: count)
            }
            position += count
            if position == end { finished = true }
        } else {
            while count == 0 && !finished {
                let available = end - position
                let status: Int32 = bytes.withUnsafeBytes { raw in
                    // SAFETY: zlib reads `avail_in` bytes from `next_in`, inside `bytes` (checked by
                    // `XlsxArchive`), and never writes them (the pointer is mutable only in its C type);
                    // it writes at most `avail_out` bytes at `next_out`, the caller's buffer. Both
                    // pointers are set again on every call, so none outlives this closure's borrow.
                    inflater.next_in = UnsafeMutablePointer(mutating: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + position)
                    inflater.avail_in = UInt32(min(available, Int(UInt32.max)))
                    inflater.next_out = buffer
                    inflater.avail_out = UInt32(min(capacity, Int(UInt32.max)))
                    let status = inflate(&inflater, Z_NO_FLUSH)
                    inflater.next_in = nil
                    inflater.next_out = nil
                    return status
                }
                let consumed = min(available, Int(UInt32.max)) - Int(inflater.avail_in)
                position += consumed
                count = min(capacity, Int(UInt32.max)) - Int(inflater.avail_out)
                switch status {
                case Z_STREAM_END:
                    finished = true
                case Z_OK where consumed > 0 || count > 0:
                    break
                case Z_OK, Z_BUF_ERROR:
                    // No progress: the input is used up before the stream's end.
                    throw XlsxReadError.corruptEntry(path: display, entry: path, reason: "the compressed data ends before the stream does")
                default:
                    let message = inflater.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    throw XlsxReadError.corruptEntry(path: display, entry: path, reason: "cannot inflate it (\(message))")
                }
            }
        }
        produced += UInt64(count)
        try checkLimits()
        crc = crc32(crc, buffer, UInt32(count))
        if finished { try checkEnd() }
        return count
    }

    private func checkLimits() throws {
        if produced > declaredSize {
            throw XlsxReadError.corruptEntry(path: display, entry: path, reason: "it unpacks to more than the \(declaredSize) bytes declared")
        }
        if produced > limits.maxEntryBytes {
            throw XlsxReadError.entryTooLarge(path: display, entry: path, bytes: produced, limit: limits.maxEntryBytes)
        }
        if unpackedBefore + produced > limits.maxTotalBytes {
            throw XlsxReadError.archiveTooLarge(path: display, bytes: unpackedBefore + produced, limit: limits.maxTotalBytes)
        }
        let consumed = UInt64(max(position - start, 1))
        if produced > limits.ratioFloorBytes, produced / consumed > limits.maxCompressionRatio {
            throw XlsxReadError.suspiciousCompression(path: display, entry: path, ratio: produced / consumed, limit: limits.maxCompressionRatio)
        }
    }

    private func checkEnd() throws {
        guard produced == declaredSize else {
            throw XlsxReadError.corruptEntry(path: display, entry: path, reason: "\(produced) bytes unpacked, \(declaredSize) declared")
        }
        guard UInt32(truncatingIfNeeded: crc) == expectedCRC else {
            throw XlsxReadError.corruptEntry(path: display, entry: path, reason: "CRC-32 mismatch")
        }
    }
}

/// A part as an `InputStream`, for `XMLParser(stream:)`, which then hands libxml2 one chunk at a
/// time. (Given the whole part at once, as `XMLParser(data:)` does, libxml2 stops at 10 MB of
/// unparsed input with "Huge input lookup", reported as XML error 1: the Findings sheet of a month
/// with some 12,000 findings.)
///
/// Each chunk is checked before the parser sees it: the part must start in an ASCII-compatible
/// encoding, and a DOCTYPE or ENTITY declaration anywhere stops the read (see ``XlsxXML``).
/// A failure is kept in ``failure``; the parser then sees a read error.
final class XlsxPartInputStream: InputStream {
    private let reader: XlsxPartReader
    private let part: String
    private let display: String
    private(set) var failure: XlsxReadError?
    private var status: Stream.Status = .notOpen
    private var checkedHead = false
    /// The last bytes of the previous chunk, so a declaration split between two chunks is seen.
    private var tail: [UInt8] = []

    init(reader: XlsxPartReader, part: String, path: String) {
        self.reader = reader
        self.part = part
        display = path
        super.init(data: Data())
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var streamError: Error? { failure }
    override var hasBytesAvailable: Bool { status == .open }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        guard status == .open else { return status == .atEnd ? 0 : -1 }
        do {
            var count = try reader.read(into: buffer, capacity: length)
            if !checkedHead {
                // The encoding is told by the first 256 bytes: read on until there are that many.
                while count > 0, count < min(256, length) {
                    let more = try reader.read(into: buffer + count, capacity: length - count)
                    if more == 0 { break }
                    count += more
                }
                try XlsxXML.checkHead(UnsafeBufferPointer(start: buffer, count: min(count, 256)), part: part, path: display)
                checkedHead = true
            }
            if count == 0 {
                status = .atEnd
                return 0
            }
            try scan(UnsafeBufferPointer(start: buffer, count: count))
            return count
        } catch let error as XlsxReadError {
            failure = error
            status = .error
            return -1
        } catch {
            failure = .unreadable(path: display, reason: "\(part): \(error)")
            status = .error
            return -1
        }
    }

    /// Refuses a DOCTYPE or ENTITY in `chunk` or across its start (`<!DOCTYPE` and `<!ENTITY`
    /// both begin with `<!`, then `D` or `E`: a byte search for `<` finds the few candidates).
    private func scan(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        func declares(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "<")), bytes.count - offset) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "!"),
                   Self.forbidden.contains(where: { word in at + word.count <= bytes.count && memcmp(base + at, word, word.count) == 0 }) {
                    return true
                }
                offset = at + 1
            }
            return false
        }
        var seam = tail
        seam.append(contentsOf: chunk.prefix(8))
        if seam.withUnsafeBufferPointer(declares) || declares(chunk) { throw XlsxReadError.forbiddenDoctype(path: display, part: part) }
        tail = Array(seam.suffix(8))
        if chunk.count >= 8 { tail = Array(chunk.suffix(8)) }
    }

    private static let forbidden: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
}
