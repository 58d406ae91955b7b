import Foundation

/// A zero-based cell position, as libxlsxwriter counts (`A1` is row 0, column 0).
public struct XlsxCell: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Excel's name for the cell (`B2`), for error messages and formulas.
    public var description: String { XlsxCell.columnName(column) + String(row + 1) }

    /// `0` → `A`, `25` → `Z`, `26` → `AA` (bijective base 26).
    public static func columnName(_ column: Int) -> String {
        guard column >= 0 else { return "?" }
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// A rectangle of cells, both corners included.
public struct XlsxRange: Hashable, Sendable, CustomStringConvertible {
    public var first: XlsxCell
    public var last: XlsxCell

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        first = XlsxCell(row: rows.lowerBound, column: columns.lowerBound)
        last = XlsxCell(row: rows.upperBound, column: columns.upperBound)
    }

    /// `A2:D40`, or `B3` for a single cell.
    public var description: String { first == last ? first.description : "\(first):\(last)" }
}

/// Excel's grid: what libxlsxwriter accepts (`LXW_ROW_MAX`, `LXW_COL_MAX`).
enum XlsxGrid {
    static let rowCount = 1_048_576
    static let columnCount = 16_384

    /// Why a position is outside the grid, or nil. Checked in Swift before the C call because a
    /// negative `Int` would trap when converted to `lxw_row_t` (`uint32_t`).
    static func problem(with cell: XlsxCell) -> String? {
        if cell.row < 0 || cell.row >= rowCount { return "row \(cell.row + 1) is outside Excel's 1…\(rowCount)" }
        if cell.column < 0 || cell.column >= columnCount { return "column \(cell.column + 1) is outside Excel's 1…\(columnCount)" }
        return nil
    }

    static func problem(with range: XlsxRange) -> String? {
        if let problem = problem(with: range.first) ?? problem(with: range.last) { return problem }
        if range.first.row > range.last.row || range.first.column > range.last.column {
            return "the range \(range) is reversed"
        }
        return nil
    }
}

/// Cell text made safe for Excel: the length limit and characters XML cannot carry.
enum XlsxText {
    /// Excel's limit per cell, counted in UTF-16 units (libxlsxwriter refuses longer strings).
    static let maxLength = 32_767
    /// Appended to cut text so a reader sees that something is missing.
    static let cutMark = "…[cut]"

    /// `text` with control characters XML 1.0 forbids (and NUL, which would end the C string)
    /// replaced by U+FFFD, cut to `maxLength` on a character boundary with ``cutMark`` at the end.
    static func cellText(_ text: String) -> String {
        var cleaned = text
        if text.unicodeScalars.contains(where: isForbidden) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars { scalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
            cleaned = String(scalars)
        }
        guard cleaned.utf16.count > maxLength else { return cleaned }
        let budget = maxLength - cutMark.utf16.count
        var used = 0
        var end = cleaned.startIndex
        for index in cleaned.indices {
            let width = cleaned[index].utf16.count
            if used + width > budget { break }
            used += width
            end = cleaned.index(after: index)
        }
        return String(cleaned[..<end]) + cutMark
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00 ..< 0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
