import CXlsxWriter
import Foundation

/// One worksheet of an ``XlsxWorkbook``: a borrowed handle that exposes only Swift types.
///
/// It holds the workbook (not the `lxw_worksheet *`) and looks the C sheet up on every call, so a
/// sheet used after ``XlsxWorkbook/close()`` throws ``XlsxError/closed(path:)``. Rows and columns
/// are zero-based, as in libxlsxwriter (`A1` is row 0, column 0).
///
/// - Important: In a constant-memory workbook, write rows in increasing order (see ``XlsxWorkbook``).
public struct XlsxSheet {
    /// Strong, so a sheet never outlives the memory it points into; it is only an index.
    let workbook: XlsxWorkbook
    let index: Int
    public let name: String

    // MARK: - Cells

    /// Writes `text` as a string cell, always: text that starts with `=`, `+`, `-` or `@` stays text
    /// and is never run as a formula (article text is untrusted). Text beyond Excel's 32,767
    /// characters is cut and ends with `…[cut]`; control characters XML cannot hold become `�`.
    /// - Throws: ``XlsxError/cannotWrite(path:sheet:action:reason:)``, ``XlsxError/closed(path:)``.
    public func write(_ text: String, row: Int, column: Int, style: XlsxStyle? = nil) throws {
        let cell = XlsxCell(row: row, column: column)
        let (sheet, format) = try prepare(cell, style: style, action: "write cell \(cell)")
        let result = XlsxText.cellText(text).withCString {
            worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), $0, format)
        }
        try check(result, action: "write cell \(cell)")
    }

    /// Writes a number. Excel has no NaN or infinity, so those are refused rather than stored as junk.
    /// - Throws: ``XlsxError/cannotWrite(path:sheet:action:reason:)``, ``XlsxError/closed(path:)``.
    public func write(_ number: Double, row: Int, column: Int, style: XlsxStyle? = nil) throws {
        let cell = XlsxCell(row: row, column: column)
        let (sheet, format) = try prepare(cell, style: style, action: "write cell \(cell)")
        guard number.isFinite else {
            throw XlsxError.cannotWrite(path: workbook.path, sheet: name, action: "write cell \(cell)",
                                        reason: "\(number) is not a finite number; Excel cannot store it")
        }
        try check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, format), action: "write cell \(cell)")
    }

    /// Writes a hyperlink showing `text`, or `text` as plain string when the link cannot be made.
    ///
    /// Only `http://`, `https://` and `mailto:` links are made: `file:`, `external:` or `internal:`
    /// from an article must not open local files. libxlsxwriter refuses URLs over 2,079 characters
    /// and more than 65,530 links per sheet; those fall back to plain text too, so a long tracking
    /// URL never loses the row.
    /// - Returns: whether a link was written (false: plain text).
    /// - Throws: ``XlsxError/cannotWrite(path:sheet:action:reason:)``, ``XlsxError/closed(path:)``.
    @discardableResult
    public func writeLink(_ url: String, text: String, row: Int, column: Int, style: XlsxStyle? = nil) throws -> Bool {
        let cell = XlsxCell(row: row, column: column)
        let (sheet, format) = try prepare(cell, style: style, action: "write link in \(cell)")
        let display = XlsxText.cellText(text.isEmpty ? url : text)
        let lowered = url.lowercased()
        let isWebLink = ["http://", "https://", "mailto:"].contains { lowered.hasPrefix($0) }
        if isWebLink, !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == " " }) {
            let result = url.withCString { url in
                display.withCString { display in
                    worksheet_write_url_opt(sheet, lxw_row_t(row), lxw_col_t(column), url, format, display, nil)
                }
            }
            switch result {
            case LXW_NO_ERROR: return true
            case LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED, LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED,
                 LXW_ERROR_PARAMETER_VALIDATION, LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
                break // fall back to the text below
            default:
                try check(result, action: "write link in \(cell)")
            }
        }
        let result = display.withCString { worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), $0, format) }
        try check(result, action: "write cell \(cell)")
        return false
    }

    /// Writes one of our own formulas, such as `=COUNTIF(Findings!E:E,"confirmed")`.
    ///
    /// This is the only way a formula reaches the file; never pass text that came from an article
    /// or a reviewer (write those as text).
    /// - Throws: ``XlsxError/cannotWrite(path:sheet:action:reason:)``, ``XlsxError/closed(path:)``.
    public func writeFormula(_ formula: String, row: Int, column: Int, style: XlsxStyle? = nil) throws {
        let cell = XlsxCell(row: row, column: column)
        let (sheet, format) = try prepare(cell, style: style, action: "write formula in \(cell)")
        let result = formula.withCString { worksheet_write_formula(sheet, lxw_row_t(row), lxw_col_t(column), $0, format) }
        try check(result, action: "write formula in \(cell)")
    }

    // MARK: - Layout

    /// Sets the width of `columns` in Excel's units (characters of the default font), with an
    /// optional default style for their empty cells.
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>, style: XlsxStyle? = nil) throws {
        let range = XlsxRange(rows: 0 ... 0, columns: columns)
        let action = "set the width of columns \(XlsxCell.columnName(columns.lowerBound))…\(XlsxCell.columnName(columns.upperBound))"
        let sheet = try prepare(range, action: action)
        let format = try workbook.format(for: style, sheet: name, action: action)
        try check(worksheet_set_column(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, format), action: action)
    }

    /// Sets the height of `row` in points (15 is Excel's default).
    /// - Important: In a constant-memory workbook, call it before writing the row's cells.
    public func setRowHeight(_ height: Double, row: Int, style: XlsxStyle? = nil) throws {
        let cell = XlsxCell(row: row, column: 0)
        let (sheet, format) = try prepare(cell, style: style, action: "set the height of row \(row + 1)")
        try check(worksheet_set_row(sheet, lxw_row_t(row), height, format), action: "set the height of row \(row + 1)")
    }

    /// Freezes the rows above `row` and the columns left of `column` (`row: 1, column: 0` keeps the header visible).
    public func freezePanes(row: Int, column: Int) throws {
        let sheet = try prepare(XlsxRange(rows: row ... row, columns: column ... column), action: "freeze panes")
        worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column))
    }

    /// Adds filter buttons to the first row of `range`, which should span the header and all data rows.
    public func setAutofilter(_ range: XlsxRange) throws {
        let sheet = try prepare(range, action: "set an autofilter on \(range)")
        let result = worksheet_autofilter(sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                          lxw_row_t(range.last.row), lxw_col_t(range.last.column))
        try check(result, action: "set an autofilter on \(range)")
    }

    // MARK: - Helpers shared with the other XlsxSheet files

    /// The C sheet and format for a write, after checking the workbook is open and the cell exists.
    func prepare(_ cell: XlsxCell, style: XlsxStyle?, action: @autoclosure () -> String)
        throws -> (UnsafeMutablePointer<lxw_worksheet>, UnsafeMutablePointer<lxw_format>?) {
        let sheet = try workbook.worksheet(at: index)
        if let problem = XlsxGrid.problem(with: cell) {
            throw XlsxError.cannotWrite(path: workbook.path, sheet: name, action: action(), reason: problem)
        }
        return (sheet, try workbook.format(for: style, sheet: name, action: action()))
    }

    func prepare(_ range: XlsxRange, action: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        let sheet = try workbook.worksheet(at: index)
        if let problem = XlsxGrid.problem(with: range) {
            throw XlsxError.cannotWrite(path: workbook.path, sheet: name, action: action(), reason: problem)
        }
        return sheet
    }

    func check(_ result: lxw_error, action: @autoclosure () -> String) throws {
        guard result != LXW_NO_ERROR else { return }
        var reason = XlsxWorkbook.describe(result)
        if result == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, workbook.isConstantMemory {
            reason += " (in constant-memory mode rows must be written in increasing order)"
        }
        throw XlsxError.cannotWrite(path: workbook.path, sheet: name, action: action(), reason: reason)
    }

    func fail(_ action: String, _ reason: String) -> XlsxError {
        XlsxError.cannotWrite(path: workbook.path, sheet: name, action: action, reason: reason)
    }
}
