import CXlsxWriter
import Foundation

// Data validation and conditional formats: the review aids of the Findings sheet.
extension XlsxSheet {
    /// Makes every cell of `range` a drop-down of `values` (e.g. a reviewer's verdict) that refuses
    /// anything else.
    ///
    /// Excel stores the list as one comma-separated string of at most 255 characters, so values may
    /// not contain commas and must fit together; both are checked here with a clear error rather
    /// than libxlsxwriter's generic one.
    /// - Throws: ``XlsxError/cannotWrite(path:sheet:action:reason:)``, ``XlsxError/closed(path:)``.
    public func addListValidation(_ values: [String], range: XlsxRange) throws {
        let action = "add a drop-down list to \(range)"
        let sheet = try prepare(range, action: action)
        guard !values.isEmpty else { throw fail(action, "the list is empty") }
        if let bad = values.first(where: { $0.contains(",") || $0.contains("\"") }) {
            throw fail(action, "the value '\(bad)' contains a comma or a quote, which Excel's list cannot hold")
        }
        let length = values.reduce(0) { $0 + $1.utf16.count } + values.count - 1
        guard length <= 255 else { throw fail(action, "the values take \(length) characters with their commas; Excel allows 255") }

        // value_list is a NULL-terminated char ** that we own. libxlsxwriter 1.1.4 turns it into its
        // own CSV string during the call (the test reads the list back after we free it), so it is
        // freed as soon as the call returns.
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: values.count + 1)
        for (offset, value) in values.enumerated() { list[offset] = strdup(value) }
        list[values.count] = nil
        defer {
            for offset in 0 ..< values.count { free(list[offset]) }
            list.deallocate()
        }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.value_list = list
        validation.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.dropdown = UInt8(LXW_VALIDATION_ON.rawValue)
        let result = worksheet_data_validation_range(sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                     lxw_row_t(range.last.row), lxw_col_t(range.last.column), &validation)
        try check(result, action: action)
    }

    /// Colours `range` from `low` through `middle` (the 50th percentile) to `high`, Excel's
    /// three-colour scale; used for coverage scores so the eye finds the extremes.
    public func addColorScale(_ range: XlsxRange, low: XlsxColor = .scaleRed, middle: XlsxColor = .scaleYellow,
                              high: XlsxColor = .scaleGreen) throws {
        let action = "add a colour scale to \(range)"
        let sheet = try prepare(range, action: action)
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
        rule.min_color = low.rgb
        rule.mid_color = middle.rgb
        rule.max_color = high.rgb
        try addConditionalFormat(&rule, to: sheet, range: range, action: action)
    }

    /// Applies `style` to the cells of `range` whose whole value is `text` (e.g. a verdict of
    /// `rejected`); Excel compares without regard to case.
    public func highlightCells(equalTo text: String, in range: XlsxRange, style: XlsxStyle) throws {
        let action = "highlight cells equal to '\(text)' in \(range)"
        let sheet = try prepare(range, action: action)
        let format = try workbook.format(for: style, sheet: name, action: action)
        // For a "cell" rule the value is a formula, so the text becomes a quoted formula string.
        let literal = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try literal.withCString { literal in
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
            rule.value_string = UnsafeMutablePointer(mutating: literal) // copied by libxlsxwriter
            rule.format = format
            try addConditionalFormat(&rule, to: sheet, range: range, action: action)
        }
    }

    /// Applies `style` to the cells of `range` that contain `text` anywhere (case-insensitive).
    ///
    /// libxlsxwriter pastes the text unescaped into `SEARCH("…",A1)`, so a `"` is refused here
    /// instead of producing a formula Excel would reject.
    public func highlightCells(containing text: String, in range: XlsxRange, style: XlsxStyle) throws {
        let action = "highlight cells containing '\(text)' in \(range)"
        let sheet = try prepare(range, action: action)
        let format = try workbook.format(for: style, sheet: name, action: action)
        guard !text.isEmpty, !text.contains("\"") else { throw fail(action, "the text must be non-empty and without '\"'") }
        try text.withCString { text in
            var rule = lxw_conditional_format()
            rule.type = UInt8(LXW_CONDITIONAL_TYPE_TEXT.rawValue)
            rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING.rawValue)
            rule.value_string = UnsafeMutablePointer(mutating: text) // copied by libxlsxwriter
            rule.format = format
            try addConditionalFormat(&rule, to: sheet, range: range, action: action)
        }
    }

    private func addConditionalFormat(_ rule: inout lxw_conditional_format, to sheet: UnsafeMutablePointer<lxw_worksheet>,
                                      range: XlsxRange, action: String) throws {
        let result = worksheet_conditional_format_range(sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                        lxw_row_t(range.last.row), lxw_col_t(range.last.column), &rule)
        try check(result, action: action)
    }
}
