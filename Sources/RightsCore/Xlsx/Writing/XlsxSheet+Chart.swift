import CXlsxWriter
import Foundation

extension XlsxSheet {
    /// Inserts a column chart with its top-left corner at `cell`: one series whose values are the
    /// numbers in `values` of sheet `dataSheet` (often this one), labelled by `categories`.
    ///
    /// Each call makes a new chart: libxlsxwriter lets a chart be inserted only once, so the
    /// `lxw_chart *` never leaves this method.
    ///
    /// ```swift
    /// try summary.insertColumnChart(at: XlsxCell(row: 1, column: 5), title: "Findings per country",
    ///                               dataSheet: "Summary", categories: XlsxRange(rows: 1...12, columns: 0...0),
    ///                               values: XlsxRange(rows: 1...12, columns: 1...1))
    /// ```
    /// - Parameters:
    ///   - title: shown above the chart; it may not start with `=`, which libxlsxwriter would read
    ///     as a cell reference.
    ///   - scale: the size relative to Excel's default 480×288 pixels.
    /// - Throws: ``XlsxError/cannotWrite(path:sheet:action:reason:)``, ``XlsxError/closed(path:)``.
    public func insertColumnChart(at cell: XlsxCell, title: String, dataSheet: String, categories: XlsxRange?,
                                  values: XlsxRange, seriesName: String? = nil, scale: Double = 1) throws {
        let action = "insert the chart '\(title)' at \(cell)"
        let sheet = try prepare(XlsxRange(rows: cell.row ... cell.row, columns: cell.column ... cell.column), action: action)
        if let problem = XlsxGrid.problem(with: values) ?? categories.flatMap(XlsxGrid.problem(with:)) {
            throw fail(action, problem)
        }
        if title.hasPrefix("=") || seriesName?.hasPrefix("=") == true {
            throw fail(action, "a chart or series name starting with '=' would be read as a cell reference")
        }
        guard scale > 0, scale.isFinite else { throw fail(action, "the scale must be positive") }
        let workbook = try self.workbook.openWorkbook()
        guard let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_COLUMN.rawValue)),
              let series = chart_add_series(chart, nil, nil) else {
            throw fail(action, "libxlsxwriter could not allocate the chart")
        }
        // The chart functions copy their strings; the sheet name is quoted by libxlsxwriter when needed.
        dataSheet.withCString { dataSheet in
            chart_series_set_values(series, dataSheet, lxw_row_t(values.first.row), lxw_col_t(values.first.column),
                                    lxw_row_t(values.last.row), lxw_col_t(values.last.column))
            if let categories {
                chart_series_set_categories(series, dataSheet, lxw_row_t(categories.first.row), lxw_col_t(categories.first.column),
                                            lxw_row_t(categories.last.row), lxw_col_t(categories.last.column))
            }
        }
        if let seriesName { seriesName.withCString { chart_series_set_name(series, $0) } }
        title.withCString { chart_title_set_name(chart, $0) }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        var options = lxw_chart_options()
        options.x_scale = scale
        options.y_scale = scale
        let result = worksheet_insert_chart_opt(sheet, lxw_row_t(cell.row), lxw_col_t(cell.column), chart, &options)
        try check(result, action: action)
    }
}
