import Foundation

/// Why a reviewed .xlsx could not be read, naming the file, the part or sheet, and what is wrong.
///
/// The file comes back from a reviewer's Excel or LibreOffice, so it is untrusted input: most cases
/// are refusals of something too large, too compressed or too unusual to read safely.
public enum XlsxReadError: Error, Equatable, Sendable, LocalizedError {
    case unreadable(path: String, reason: String)
    case notAZip(path: String, reason: String)
    case tooManyEntries(path: String, limit: Int)
    case archiveTooLarge(path: String, bytes: UInt64, limit: UInt64)
    case entryTooLarge(path: String, entry: String, bytes: UInt64, limit: UInt64)
    case suspiciousCompression(path: String, entry: String, ratio: UInt64, limit: UInt64)
    case unsupportedEntry(path: String, entry: String, reason: String)
    case corruptEntry(path: String, entry: String, reason: String)
    case missingPart(path: String, part: String)
    case sheetNotFound(path: String, sheet: String, available: [String])
    case forbiddenDoctype(path: String, part: String)
    case unsupportedEncoding(path: String, part: String, encoding: String)
    case malformedXML(path: String, part: String, line: Int, reason: String)
    case tooManyRows(path: String, sheet: String, limit: Int)
    case tooManyCells(path: String, sheet: String, limit: Int)
    case cellTooLarge(path: String, part: String, cell: String, limit: Int)
    case badCellReference(path: String, sheet: String, reference: String)
    case badSharedString(path: String, sheet: String, cell: String, index: String, count: Int)

    public var errorDescription: String? {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .notAZip(path, reason):
            return "\(path): not an .xlsx workbook: \(reason)"
        case let .tooManyEntries(path, limit):
            return "\(path): refused: the archive has more than \(limit) files, far more than a workbook needs"
        case let .archiveTooLarge(path, bytes, limit):
            return "\(path): refused: \(bytes) bytes, the limit for a reviewed workbook is \(limit)"
        case let .entryTooLarge(path, entry, bytes, limit):
            return "\(path): refused: \(entry) unpacks to \(bytes) bytes or more, the limit is \(limit)"
        case let .suspiciousCompression(path, entry, ratio, limit):
            return "\(path): refused: \(entry) is compressed \(ratio):1, above \(limit):1 (a zip bomb?)"
        case let .unsupportedEntry(path, entry, reason):
            return "\(path): cannot read \(entry): \(reason)"
        case let .corruptEntry(path, entry, reason):
            return "\(path): \(entry) is damaged: \(reason)"
        case let .missingPart(path, part):
            return "\(path): not a complete .xlsx workbook: \(part) is missing"
        case let .sheetNotFound(path, sheet, available):
            let list = available.isEmpty ? "none" : available.map { "'\($0)'" }.joined(separator: ", ")
            return "\(path): no sheet named '\(sheet)'; the sheets are: \(list)"
        case let .forbiddenDoctype(path, part):
            return "\(path): refused: \(part) declares a DOCTYPE or ENTITY, which a workbook never needs (entity expansion attack?)"
        case let .unsupportedEncoding(path, part, encoding):
            return "\(path): \(part) is encoded as \(encoding); only UTF-8 workbooks are read"
        case let .malformedXML(path, part, line, reason):
            return "\(path): \(part):\(line): malformed XML: \(reason)"
        case let .tooManyRows(path, sheet, limit):
            return "\(path): sheet '\(sheet)' has more than \(limit) rows (empty ones included), more than an export ever holds; delete the rows below the data"
        case let .tooManyCells(path, sheet, limit):
            return "\(path): sheet '\(sheet)' spans more than \(limit) cells"
        case let .cellTooLarge(path, part, cell, limit):
            return "\(path): \(part): cell \(cell) holds more than \(limit) bytes of text"
        case let .badCellReference(path, sheet, reference):
            return "\(path): sheet '\(sheet)': invalid cell reference '\(reference)'"
        case let .badSharedString(path, sheet, cell, index, count):
            return "\(path): sheet '\(sheet)': cell \(cell) refers to shared string '\(index)', but there are \(count)"
        }
    }
}
