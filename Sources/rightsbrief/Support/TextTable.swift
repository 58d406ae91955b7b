import RightsCore

/// A plain aligned text table for terminals. Control characters in cells are shown escaped
/// (`\u{1B}`), never sent to the terminal; line breaks become spaces.
enum TextTable {
    static func render(header: [String], rows: [[String]], maxWidth: Int = 50) -> String {
        func clip(_ text: String) -> String {
            let flat = VisibleControls.escaped(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
            return flat.count > maxWidth ? String(flat.prefix(maxWidth - 1)) + "…" : flat
        }
        let cells = ([header] + rows).map { $0.map(clip) }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        return cells.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
