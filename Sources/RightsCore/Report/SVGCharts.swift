import Foundation

/// Small SVG pictures for briefs: readable without colour (every cell and bar carries its label
/// or number), so they survive a black-and-white printer and colour-blind readers.
public enum SVGCharts {
    static let levelFill: [CoverageLevel: String] = [.none: "#f2f2f2", .thin: "#fde0c5", .moderate: "#f59e62", .strong: "#c2410c"]
    static let levelText: [CoverageLevel: String] = [.none: "#555555", .thin: "#3b1d06", .moderate: "#3b1d06", .strong: "#ffffff"]
    static let levelLabel: [CoverageLevel: String] = [.none: "–", .thin: "thin", .moderate: "mod", .strong: "STRONG"]

    /// Countries × indicators, each cell coloured and labelled by coverage level, with a legend.
    public static func heatmap(month: Month, rows: [(label: String, levels: [CoverageLevel])], columns: [String]) -> String {
        let left = 170, top = 190, cellWidth = 62, cellHeight = 26
        // Room on the right for the last rotated column label.
        let width = left + cellWidth * columns.count + 150
        let height = top + cellHeight * rows.count + 70
        var svg = header(width: width, height: height, title: "Coverage by country and indicator, \(month.displayName)")
        svg += "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(XMLEscaping.text("Coverage by country and indicator — \(month.displayName)"))</text>\n"
        for (index, column) in columns.enumerated() {
            let x = left + index * cellWidth + cellWidth / 2
            svg += "<text x=\"\(x)\" y=\"\(top - 8)\" font-size=\"11\" transform=\"rotate(-40 \(x) \(top - 8))\">\(XMLEscaping.text(column))</text>\n"
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + rowIndex * cellHeight
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 17)\" font-size=\"12\" text-anchor=\"end\">\(XMLEscaping.text(row.label))</text>\n"
            for (index, level) in row.levels.enumerated() {
                let x = left + index * cellWidth
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(levelFill[level]!)\" stroke=\"#999999\" stroke-width=\"0.5\"><title>\(XMLEscaping.text("\(row.label), \(columns[index]): \(level.rawValue)"))</title></rect>\n"
                svg += "<text x=\"\(x + cellWidth / 2 - 1)\" y=\"\(y + 17)\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(levelText[level]!)\">\(levelLabel[level]!)</text>\n"
            }
        }
        let legendY = top + cellHeight * rows.count + 30
        svg += "<text x=\"10\" y=\"\(legendY + 13)\" font-size=\"12\">Coverage:</text>\n"
        for (index, level) in CoverageLevel.allCases.enumerated() {
            let x = 85 + index * 120
            svg += "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"56\" height=\"18\" fill=\"\(levelFill[level]!)\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n"
            svg += "<text x=\"\(x + 28)\" y=\"\(legendY + 13)\" font-size=\"10\" text-anchor=\"middle\" fill=\"\(levelText[level]!)\">\(levelLabel[level]!)</text>\n"
            svg += "<text x=\"\(x + 62)\" y=\"\(legendY + 13)\" font-size=\"11\">\(level.rawValue)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Concern per indicator over the last months: one row per indicator, one bar per month,
    /// each bar with its number.
    public static func concernTrend(country: String, months: [Month], rows: [(label: String, concern: [Int])]) -> String {
        let left = 170, top = 56, columnWidth = 90, rowHeight = 24
        let width = left + columnWidth * months.count + 20
        let height = top + rowHeight * max(rows.count, 1) + 24
        let maximum = max(1, rows.flatMap(\.concern).max() ?? 1)
        var svg = header(width: width, height: height, title: "Concern by indicator, \(country)")
        svg += "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(XMLEscaping.text("Concern by indicator — \(country)"))</text>\n"
        for (index, month) in months.enumerated() {
            svg += "<text x=\"\(left + index * columnWidth)\" y=\"\(top - 10)\" font-size=\"11\">\(XMLEscaping.text(month.rawValue))</text>\n"
        }
        if rows.isEmpty {
            svg += "<text x=\"10\" y=\"\(top + 16)\" font-size=\"12\">No concern recorded in these months.</text>\n"
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + rowIndex * rowHeight
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\">\(XMLEscaping.text(row.label))</text>\n"
            for (index, value) in row.concern.enumerated() {
                let x = left + index * columnWidth
                let length = value == 0 ? 0 : max(3, (columnWidth - 34) * value / maximum)
                svg += "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" fill=\"#c2410c\"/>\n"
                svg += "<text x=\"\(x + length + 4)\" y=\"\(y + 15)\" font-size=\"11\">\(value)</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    static func header(width: Int, height: Int, title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="\(XMLEscaping.text(title))">
        <title>\(XMLEscaping.text(title))</title>
        <rect width="100%" height="100%" fill="#ffffff"/>

        """
    }
}
