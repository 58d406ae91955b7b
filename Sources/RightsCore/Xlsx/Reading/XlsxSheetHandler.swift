import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The cells of one worksheet part (`<sheetData><row><c>`), placed by their `r` reference.
///
/// Excel and LibreOffice leave out empty cells and empty rows, so a value's position comes from
/// `<c r="D7">`, not from its order; a cell or row without `r` (allowed by the schema, written by
/// some tools) follows the previous one. Styled cells without a value do not create rows, so the
/// thousands of formatted blank rows LibreOffice may write do not become data.
final class XlsxSheetHandler: XlsxPartHandler {
    private(set) var rows: [[String]] = []

    private let sheet: String
    private let part: String
    private let path: String
    private let sharedStrings: [String]
    private let limits: XlsxReadLimits

    private var rowIndex = -1
    private var nextColumn = 0
    private var cells = 0

    private var cell: (row: Int, column: Int, reference: String)?
    private var type = "n"
    private var value: String?
    private var inline: String?
    private var capturing: Capture = .none
    private var phoneticDepth = 0
    private var buffer = ""

    private enum Capture { case none, value, inlineText }

    init(sheet: String, part: String, path: String, sharedStrings: [String], limits: XlsxReadLimits) {
        self.sheet = sheet
        self.part = part
        self.path = path
        self.sharedStrings = sharedStrings
        self.limits = limits
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XlsxXML.localName(elementName) {
        case "row":
            if let reference = attributes["r"] {
                guard let number = Int(reference), number >= 1 else { return fail(.badCellReference(path: path, sheet: sheet, reference: reference), parser) }
                rowIndex = number - 1
            } else {
                rowIndex += 1
            }
            guard rowIndex < limits.maxRows else { return fail(.tooManyRows(path: path, sheet: sheet, limit: limits.maxRows), parser) }
            nextColumn = 0
        case "c":
            var position = (row: max(rowIndex, 0), column: nextColumn)
            if let reference = attributes["r"] {
                guard let parsed = XlsxSheetHandler.position(of: reference) else {
                    return fail(.badCellReference(path: path, sheet: sheet, reference: reference), parser)
                }
                position = parsed
            }
            guard position.row < limits.maxRows else { return fail(.tooManyRows(path: path, sheet: sheet, limit: limits.maxRows), parser) }
            cell = (position.row, position.column, attributes["r"] ?? XlsxSheetHandler.name(position))
            type = attributes["t"] ?? "n"
            value = nil
            inline = nil
        case "v" where cell != nil:
            capturing = .value
            buffer = ""
        case "is" where cell != nil:
            inline = ""
        case "rPh":
            phoneticDepth += 1
        case "t" where inline != nil && phoneticDepth == 0:
            capturing = .inlineText
            buffer = ""
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) { append(string, parser) }

    override func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { append(String(decoding: CDATABlock, as: UTF8.self), parser) }

    private func append(_ string: String, _ parser: XMLParser) {
        guard capturing != .none else { return }
        buffer += string
        if buffer.utf8.count + (inline?.utf8.count ?? 0) > limits.maxCellBytes {
            fail(.cellTooLarge(path: path, part: "sheet '\(sheet)'", cell: cell?.reference ?? "?", limit: limits.maxCellBytes), parser)
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XlsxXML.localName(elementName) {
        case "v" where capturing == .value:
            value = buffer
            capturing = .none
        case "t" where capturing == .inlineText:
            inline? += buffer
            capturing = .none
        case "rPh":
            phoneticDepth -= 1
        case "c":
            guard let cell else { return }
            self.cell = nil
            nextColumn = cell.column + 1
            guard let text = text(of: cell, parser) else { return }
            place(text, cell, parser)
        default:
            break
        }
    }

    /// The value as a reviewer sees it: shared and inline strings, cached formula results, numbers
    /// as stored (`0.5`, `45292` for a date), booleans as `TRUE`/`FALSE`, errors as `#N/A`.
    private func text(of cell: (row: Int, column: Int, reference: String), _ parser: XMLParser) -> String? {
        switch type {
        case "s":
            guard let value else { return nil }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                fail(.badSharedString(path: path, sheet: sheet, cell: cell.reference, index: value, count: sharedStrings.count), parser)
                return nil
            }
            return sharedStrings[index]
        case "inlineStr":
            return inline ?? value
        case "b":
            guard let value else { return nil }
            return value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE"
        default:
            return value ?? inline
        }
    }

    private func place(_ text: String, _ cell: (row: Int, column: Int, reference: String), _ parser: XMLParser) {
        let newRows = max(0, cell.row + 1 - rows.count)
        let newCells = max(0, cell.column + 1 - (cell.row < rows.count ? rows[cell.row].count : 0))
        cells += newRows + newCells
        guard cells <= limits.maxCells else { return fail(.tooManyCells(path: path, sheet: sheet, limit: limits.maxCells), parser) }
        if newRows > 0 { rows.append(contentsOf: repeatElement([], count: newRows)) }
        if newCells > 0 { rows[cell.row].append(contentsOf: repeatElement("", count: newCells)) }
        rows[cell.row][cell.column] = text
    }

    /// `"BC12"` → row 11, column 54; nil unless letters (at most `XFD`) then a row number.
    static func position(of reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a") ... UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "0") ... UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 8 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, column <= 16_384 else { return nil }
        return (row - 1, column - 1)
    }

    /// Row 11, column 54 → `"BC12"`, for errors about cells written without `r`.
    static func name(_ position: (row: Int, column: Int)) -> String {
        var number = position.column + 1
        var letters: [Character] = []
        while number > 0 {
            letters.append(Character(UnicodeScalar(UInt8(65 + (number - 1) % 26))))
            number = (number - 1) / 26
        }
        return String(letters.reversed()) + String(position.row + 1)
    }
}
