import Foundation
import ZIPFoundation

/// Bounds on what a reviewed workbook may make us unpack and parse (it is untrusted input).
struct XlsxReadLimits: Sendable, Equatable {
    var maxEntries = 10_000
    var maxEntryBytes: UInt64 = 100 << 20
    var maxTotalBytes: UInt64 = 300 << 20
    var maxCompressionRatio: UInt64 = 200
    /// Small parts (a few KB of repeated styles) legitimately compress far beyond 200:1; only
    /// entries larger than this are held to the ratio.
    var ratioFloorBytes: UInt64 = 1 << 20
    /// Rows, empty ones included: an export holds at most 100,000 findings, so a sheet padded
    /// to a million rows is refused at this count instead of being read on.
    var maxRows = 200_000
    /// Cells including the empty ones padding sparse rows, so a cell at `XFD1048576` cannot make
    /// us allocate the whole grid.
    var maxCells = 10_000_000
    /// UTF-8 bytes per cell text; Excel's 32,767 UTF-16 units fit in under 100 KB.
    var maxCellBytes = 128 << 10

    static let standard = XlsxReadLimits()
}

/// The parts of an .xlsx (a ZIP archive), unpacked one at a time within ``XlsxReadLimits``.
///
/// ZIPFoundation opens the archive and lists its entries; the declared sizes are checked before
/// anything is unpacked, and bytes are counted again while unpacking, since headers can lie.
/// Inflating is ours (``XlsxPartReader``, on zlib), not `Archive.extract`: in 0.9.20 on Linux,
/// `extract` loops forever when a deflate stream does not end before the end of the file (a crafted
/// or truncated workbook), and it unpacks a whole entry at once, where a sheet is read a chunk at a
/// time. That needs the entry's data offset, which ZIPFoundation keeps internal, so the central
/// directory is walked here too (fixed-size records).
final class XlsxArchive {
    let display: String
    private let limits: XlsxReadLimits
    private let bytes: Data
    private var entries: [String: Location] = [:]
    private var lowercasedPaths: [String: String] = [:]
    private var unpackedBytes: UInt64 = 0

    private struct Location {
        var path: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: Int
    }

    init(url: URL, limits: XlsxReadLimits) throws {
        display = url.path
        self.limits = limits
        let size: UInt64
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        } catch {
            throw XlsxReadError.unreadable(path: display, reason: (error as NSError).localizedDescription)
        }
        guard size <= limits.maxTotalBytes else {
            throw XlsxReadError.archiveTooLarge(path: display, bytes: size, limit: limits.maxTotalBytes)
        }
        do {
            bytes = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw XlsxReadError.unreadable(path: display, reason: (error as NSError).localizedDescription)
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XlsxReadError.notAZip(path: display, reason: XlsxArchive.notAZipReason(bytes))
        }
        let listing = try checkDeclaredSizes(archive)
        try readCentralDirectory(listing: listing)
    }

    /// Whether the package holds `part` (part names compare without case, as OOXML says).
    func contains(_ part: String) -> Bool { resolve(part) != nil }

    /// Every part in the package, sorted.
    var partNames: [String] { entries.keys.sorted() }

    /// The unpacked bytes of `part`, for small parts and tests; the XML parts are read through
    /// ``reader(of:)`` a chunk at a time.
    /// - Throws: ``XlsxReadError/missingPart(path:part:)`` or a limit, damage or format refusal.
    func data(of part: String) throws -> Data {
        let reader = try reader(of: part)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { try reader.read(into: $0.baseAddress!, capacity: $0.count) }
            if count == 0 { break }
            output.append(contentsOf: chunk[..<count])
        }
        didUnpack(reader)
        return output
    }

    /// A reader of `part`'s unpacked bytes; call ``didUnpack(_:)`` once it has been read, so the
    /// archive's total is bounded across parts.
    /// - Throws: ``XlsxReadError/missingPart(path:part:)`` or a format refusal.
    func reader(of part: String) throws -> XlsxPartReader {
        guard let path = resolve(part), let entry = entries[path] else { throw XlsxReadError.missingPart(path: display, part: part) }
        guard entry.flags & 1 == 0 else {
            throw XlsxReadError.unsupportedEntry(path: display, entry: path, reason: "it is encrypted (password-protected workbooks cannot be read)")
        }
        let start = try dataStart(of: entry)
        guard start <= bytes.count, UInt64(bytes.count - start) >= entry.compressedSize else {
            throw XlsxReadError.corruptEntry(path: display, entry: path, reason: "the file ends inside it")
        }
        return try XlsxPartReader(display: display, path: path, limits: limits, bytes: bytes, method: entry.method, dataStart: start,
                                  compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, crc32: entry.crc32,
                                  unpackedBefore: unpackedBytes)
    }

    /// Counts what `reader` unpacked towards the archive's total.
    func didUnpack(_ reader: XlsxPartReader) {
        unpackedBytes += reader.unpacked
    }

    // MARK: - Checks before unpacking

    /// Counts the entries and checks each declared size and ratio from ZIPFoundation's listing.
    /// - Returns: the entry paths in directory order, duplicates included.
    private func checkDeclaredSizes(_ archive: Archive) throws -> [String] {
        var total: UInt64 = 0
        var listing: [String] = []
        for entry in archive {
            listing.append(entry.path)
            guard listing.count <= limits.maxEntries else { throw XlsxReadError.tooManyEntries(path: display, limit: limits.maxEntries) }
            let size = entry.uncompressedSize
            if size > limits.maxEntryBytes {
                throw XlsxReadError.entryTooLarge(path: display, entry: entry.path, bytes: size, limit: limits.maxEntryBytes)
            }
            total += size
            if total > limits.maxTotalBytes {
                throw XlsxReadError.archiveTooLarge(path: display, bytes: total, limit: limits.maxTotalBytes)
            }
            if size > limits.ratioFloorBytes, size / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
                throw XlsxReadError.suspiciousCompression(path: display, entry: entry.path, ratio: size / max(entry.compressedSize, 1),
                                                          limit: limits.maxCompressionRatio)
            }
            // Placeholder until the central directory walk fills in the location; the first of
            // duplicate names wins, as in ZIPFoundation's subscript.
            if entries[entry.path] == nil {
                entries[entry.path] = Location(path: entry.path, flags: 0, method: 0, crc32: entry.checksum, compressedSize: entry.compressedSize,
                                               uncompressedSize: size, localHeaderOffset: -1)
                lowercasedPaths[entry.path.lowercased()] = lowercasedPaths[entry.path.lowercased()] ?? entry.path
            }
        }
        return listing
    }

    /// Fills in flags, method, CRC and local header offset of each listed entry from the central
    /// directory, record `i` being ZIPFoundation's entry `i` (it walks the same records in order and
    /// decodes names as CP437 or UTF-8 by the flag, so names are taken from its listing).
    private func readCentralDirectory(listing: [String]) throws {
        let corrupt = { (reason: String) in XlsxReadError.notAZip(path: self.display, reason: "damaged ZIP directory: \(reason)") }
        // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
        var eocd = -1
        var offset = bytes.count - 22
        while offset >= max(0, bytes.count - 22 - 0xFFFF) {
            if u32(offset) == 0x0605_4B50 { eocd = offset; break }
            offset -= 1
        }
        guard eocd >= 0, let count = u16(eocd + 10), let directoryOffset = u32(eocd + 16) else { throw corrupt("no end record") }
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            throw XlsxReadError.unsupportedEntry(path: display, entry: "(archive)", reason: "ZIP64 archives are not read; a workbook this size is over the limits anyway")
        }
        var position = Int(directoryOffset)
        var seen = Set<String>()
        guard Int(count) == listing.count else { throw corrupt("the listing and the directory disagree") }
        for name in listing {
            guard u32(position) == 0x0201_4B50, let flags = u16(position + 8), let method = u16(position + 10), let crc = u32(position + 16),
                  let compressed = u32(position + 20), let uncompressed = u32(position + 24),
                  let nameLength = u16(position + 28), let extraLength = u16(position + 30), let commentLength = u16(position + 32),
                  let localOffset = u32(position + 42), position + 46 + Int(nameLength) <= bytes.count else {
                throw corrupt("a directory record is cut or misplaced")
            }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw XlsxReadError.unsupportedEntry(path: display, entry: name, reason: "ZIP64 entries are not read")
            }
            if !seen.contains(name), var entry = entries[name] {
                guard entry.compressedSize == UInt64(compressed), entry.uncompressedSize == UInt64(uncompressed) else {
                    throw corrupt("\(name) has two different sizes")
                }
                entry.flags = flags
                entry.method = method
                entry.crc32 = crc
                entry.localHeaderOffset = Int(localOffset)
                entries[name] = entry
            }
            seen.insert(name)
            position += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        guard entries.values.allSatisfy({ $0.localHeaderOffset >= 0 }) else {
            throw corrupt("the listing and the directory disagree")
        }
    }

    private func dataStart(of entry: Location) throws -> Int {
        let header = entry.localHeaderOffset
        guard u32(header) == 0x0403_4B50, let nameLength = u16(header + 26), let extraLength = u16(header + 28) else {
            throw XlsxReadError.corruptEntry(path: display, entry: entry.path, reason: "its local header is missing")
        }
        return header + 30 + Int(nameLength) + Int(extraLength)
    }

    private func resolve(_ part: String) -> String? {
        let path = part.hasPrefix("/") ? String(part.dropFirst()) : part
        if entries[path] != nil { return path }
        return lowercasedPaths[path.lowercased()]
    }

    // MARK: - Little-endian reads, nil when out of bounds

    private func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        let base = bytes.startIndex + offset
        return UInt16(bytes[base]) | UInt16(bytes[base + 1]) << 8
    }

    private func u32(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        let base = bytes.startIndex + offset
        return UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
    }

    /// A hint for files that are clearly something else.
    private static func notAZipReason(_ bytes: Data) -> String {
        let head = [UInt8](bytes.prefix(8))
        if head.isEmpty { return "the file is empty" }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "this is an old binary .xls (or an encrypted workbook); save it as .xlsx without a password"
        }
        return "it is not a ZIP archive (an .xlsx is one); was it saved as CSV or another format?"
    }
}
