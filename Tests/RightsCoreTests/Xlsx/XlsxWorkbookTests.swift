import Foundation
import Testing
@testable import RightsCore

@Suite struct XlsxWorkbookTests {
    static let formulaLike = ["=HYPERLINK(\"x\")", "+1", "@cmd", "-2+3"]
    static let longText = String(repeating: "abcdefghij", count: 4_000) // 40,000 characters
    static let verdicts = ["confirmed", "rejected", "unsure"]

    /// Writes the review workbook shape the exporter will make: two sheets using every feature.
    static func writeFullWorkbook(to url: URL, constantMemory: Bool) throws {
        let workbook = try XlsxWorkbook(path: url.path, constantMemory: constantMemory)
        try workbook.setDocumentProperties(title: "Rightsbrief review", author: "rightsbrief", created: Date(timeIntervalSince1970: 1_767_225_600))
        let header = try workbook.addStyle(XlsxFormat(isBold: true, fillColor: .paleGrey, hasBorder: true))
        #expect(try workbook.addStyle(XlsxFormat(isBold: true, fillColor: .paleGrey, hasBorder: true)) == header) // reused, not re-created
        let wrap = try workbook.addStyle(XlsxFormat(wrapsText: true))
        let red = try workbook.addStyle(XlsxFormat(fillColor: .paleRed, fontColor: XlsxColor(rgb: 0x9C0006)))
        let percent = try workbook.addStyle(XlsxFormat(numberFormat: "0%"))

        let findings = try workbook.addWorksheet("Findings")
        try findings.setRowHeight(20, row: 0)
        for (column, title) in ["Sentence", "Plus", "At", "Minus", "Verdict", "Score", "Source"].enumerated() {
            try findings.write(title, row: 0, column: column, style: header)
        }
        for (column, text) in formulaLike.enumerated() { try findings.write(text, row: 1, column: column) }
        try findings.write("rejected", row: 1, column: 4)
        try findings.write(0.25, row: 1, column: 5, style: percent)
        #expect(try findings.writeLink("https://example.org/news?id=1&lang=en", text: "Example News", row: 1, column: 6))
        try findings.write(longText, row: 2, column: 0, style: wrap)
        try findings.write("journalist jailed", row: 2, column: 4)
        try findings.write(0.75, row: 2, column: 5, style: percent)
        try findings.setColumnWidth(60, columns: 0 ... 0)
        try findings.setColumnWidth(12, columns: 1 ... 6)
        try findings.freezePanes(row: 1, column: 0)
        try findings.setAutofilter(XlsxRange(rows: 0 ... 2, columns: 0 ... 6))
        let verdictColumn = XlsxRange(rows: 1 ... 100, columns: 4 ... 4)
        try findings.addListValidation(verdicts, range: verdictColumn)
        try findings.highlightCells(equalTo: "rejected", in: verdictColumn, style: red)
        try findings.highlightCells(containing: "jail", in: verdictColumn, style: red)
        try findings.addColorScale(XlsxRange(rows: 1 ... 100, columns: 5 ... 5))

        let scores = try workbook.addWorksheet("Country scores")
        try scores.write("Country", row: 0, column: 0, style: header)
        try scores.write("Findings", row: 0, column: 1, style: header)
        for (offset, (country, count)) in [("KZ", 12.0), ("UZ", 7.0), ("TJ", 3.0)].enumerated() {
            try scores.write(country, row: offset + 1, column: 0)
            try scores.write(count, row: offset + 1, column: 1)
        }
        try scores.writeFormula("=SUM(B2:B4)", row: 4, column: 1)
        try scores.insertColumnChart(at: XlsxCell(row: 1, column: 3), title: "Findings per country", dataSheet: "Country scores",
                                     categories: XlsxRange(rows: 1 ... 3, columns: 0 ... 0), values: XlsxRange(rows: 1 ... 3, columns: 1 ... 1),
                                     seriesName: "Findings")
        try workbook.close()
        #expect(workbook.isClosed)
    }

    @Test("a full workbook keeps formula-looking text as text, cuts long text, and has links, panes, filters, lists, rules and a chart",
          arguments: [false, true])
    func fullWorkbook(constantMemory: Bool) throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("review.xlsx")
        try Self.writeFullWorkbook(to: url, constantMemory: constantMemory)
        // RIGHTSBRIEF_KEEP_XLSX=/some/folder keeps a copy, to open it in Excel or LibreOffice by hand.
        if let keep = ProcessInfo.processInfo.environment["RIGHTSBRIEF_KEEP_XLSX"] {
            let copy = URL(fileURLWithPath: keep).appendingPathComponent(constantMemory ? "review-constant-memory.xlsx" : "review.xlsx")
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: url, to: copy)
        }

        // Read back with our own reader.
        let reader = XlsxSheetReader()
        #expect(try reader.sheetNames(in: url) == ["Findings", "Country scores"])
        let table = try reader.readSheet(named: "Findings", from: url)
        #expect(table.header == ["Sentence", "Plus", "At", "Minus", "Verdict", "Score", "Source"])
        #expect(Array(table.rows[1].prefix(4)) == Self.formulaLike)
        #expect(table[1, 5] == "0.25")
        #expect(table[1, 6] == "Example News")
        let cut = table[2, 0]
        #expect(cut.utf16.count == XlsxText.maxLength)
        #expect(cut.hasSuffix("…[cut]"))
        #expect(cut.hasPrefix("abcdefghij"))
        let scores = try reader.readSheet(named: "country SCORES", from: url) // Excel ignores case too
        #expect(scores.rows.map { $0.first ?? "" } == ["Country", "KZ", "UZ", "TJ", ""])

        // And the raw XML inside the zip.
        let package = try XlsxPackage(url)
        let sheet1 = try package.text("xl/worksheets/sheet1.xml")
        let sheet2 = try package.text("xl/worksheets/sheet2.xml")
        #expect(!sheet1.contains("<f>"), "no cell of the Findings sheet may be a formula")
        if constantMemory {
            #expect(sheet1.contains(#"t="inlineStr""#))
            #expect(sheet1.contains(#"=HYPERLINK("x")"#))
        } else {
            #expect(sheet1.contains(#"<c r="A2" t="s">"#))
            let strings = try package.text("xl/sharedStrings.xml")
            for text in [#"=HYPERLINK("x")"#, "<t>+1</t>", "<t>@cmd</t>", "<t>-2+3</t>", "…[cut]"] {
                #expect(strings.contains(text), "\(text) is a shared string")
            }
        }
        #expect(sheet2.contains("<f>SUM(B2:B4)</f>"), "our own formula is a formula")
        #expect(sheet1.contains(#"<hyperlink ref="G2" r:id="rId1"/>"#))
        let links = try package.text("xl/worksheets/_rels/sheet1.xml.rels")
        #expect(links.contains(#"Target="https://example.org/news?id=1&amp;lang=en" TargetMode="External""#))
        #expect(sheet1.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet1.contains(#"<autoFilter ref="A1:G3"/>"#))
        #expect(sheet1.contains(#"<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="E2:E101">"#))
        #expect(sheet1.contains(#"<formula1>"confirmed,rejected,unsure"</formula1>"#), "the list survived freeing our char ** copy")
        #expect(sheet1.contains(#"<conditionalFormatting sqref="E2:E101">"#))
        #expect(sheet1.contains(#"operator="equal""#) && sheet1.contains("<formula>\"rejected\"</formula>"))
        #expect(sheet1.contains(#"type="containsText""#) && sheet1.contains(#"text="jail""#))
        #expect(sheet1.contains("<colorScale>") && sheet1.contains(#"<color rgb="FFF8696B"/>"#))
        #expect(package.partNames.contains("xl/charts/chart1.xml"))
        #expect(package.partNames.contains("xl/drawings/drawing1.xml"))
        #expect(sheet2.contains("<drawing r:id="))
        let chart = try package.text("xl/charts/chart1.xml")
        #expect(chart.contains("<c:barDir val=\"col\"/>"))
        #expect(chart.contains("<c:f>'Country scores'!$B$2:$B$4</c:f>"))
        #expect(chart.contains("Findings per country"))
        #expect(try package.text("docProps/core.xml").contains("<dc:title>Rightsbrief review</dc:title>"))
    }

    @Test("closing twice is a no-op, and every call after close throws .closed")
    func closeTwice() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("twice.xlsx").path
        let workbook = try XlsxWorkbook(path: path)
        let sheet = try workbook.addWorksheet("Data")
        try sheet.write("before", row: 0, column: 0)
        let style = try workbook.addStyle(XlsxFormat(isBold: true))
        try workbook.close()
        try workbook.close()
        #expect(FileManager.default.fileExists(atPath: path))
        let closed = XlsxError.closed(path: path)
        #expect(throws: closed) { try sheet.write("after", row: 1, column: 0) }
        #expect(throws: closed) { try sheet.write(1, row: 1, column: 0, style: style) }
        #expect(throws: closed) { try sheet.writeLink("https://example.org", text: "x", row: 1, column: 0) }
        #expect(throws: closed) { try sheet.writeFormula("=1+1", row: 1, column: 0) }
        #expect(throws: closed) { try sheet.freezePanes(row: 1, column: 0) }
        #expect(throws: closed) { try sheet.addListValidation(["a"], range: XlsxRange(rows: 0 ... 1, columns: 0 ... 0)) }
        #expect(throws: closed) {
            try sheet.insertColumnChart(at: XlsxCell(row: 0, column: 0), title: "t", dataSheet: "Data",
                                        categories: nil, values: XlsxRange(rows: 0 ... 1, columns: 0 ... 0))
        }
        #expect(throws: closed) { _ = try workbook.addWorksheet("More") }
        #expect(throws: closed) { _ = try workbook.addStyle(XlsxFormat(isBold: true)) }
        #expect(throws: closed) { try workbook.setDocumentProperties(title: "late") }
    }

    @Test("a folder that does not exist fails at close, naming the path and the folder")
    func badOutputPath() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("no/such/folder/out.xlsx").path
        let workbook = try XlsxWorkbook(path: path) // libxlsxwriter does not touch the path before close
        try workbook.addWorksheet("Data").write("x", row: 0, column: 0)
        let error = try #require(throws: XlsxError.self) { try workbook.close() }
        guard case let .cannotClose(errorPath, reason) = error else { Issue.record("unexpected \(error)"); return }
        #expect(errorPath == path)
        #expect(reason.contains("Error creating output xlsx file"))
        #expect(reason.contains("does not exist"))
        #expect(error.localizedDescription.hasPrefix(path + ": cannot write the workbook"))
        try workbook.close() // already freed: a no-op, no double free
    }

    @Test("sheet names Excel refuses are reported with libxlsxwriter's reason")
    func sheetNames() throws {
        let folder = try TemporaryFolder()
        let workbook = try XlsxWorkbook(path: folder.url.appendingPathComponent("names.xlsx").path)
        _ = try workbook.addWorksheet("Findings")
        for name in ["findings", "a/b", String(repeating: "x", count: 32), "'quoted'"] {
            let error = try #require(throws: XlsxError.self) { _ = try workbook.addWorksheet(name) }
            guard case let .invalidSheetName(_, badName, reason) = error else { Issue.record("unexpected \(error)"); continue }
            #expect(badName == name)
            #expect(!reason.isEmpty)
        }
        try workbook.close()
    }

    @Test("links that are too long or not web links are written as plain text")
    func linkFallback() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("links.xlsx")
        let workbook = try XlsxWorkbook(path: url.path)
        let sheet = try workbook.addWorksheet("Links")
        let long = "https://example.org/?q=" + String(repeating: "a", count: 3_000)
        #expect(try sheet.writeLink(long, text: "long", row: 0, column: 0) == false)
        #expect(try sheet.writeLink("file:///etc/passwd", text: "local", row: 1, column: 0) == false)
        #expect(try sheet.writeLink("external:c:\\x.xlsx", text: "", row: 2, column: 0) == false)
        #expect(try sheet.writeLink("mailto:desk@example.org", text: "desk", row: 3, column: 0))
        try workbook.close()
        let table = try XlsxSheetReader().readSheet(named: "Links", from: url)
        #expect(table.rows.map { $0.first ?? "" } == ["long", "local", "external:c:\\x.xlsx", "desk"])
        let sheetXML = try XlsxPackage(url).text("xl/worksheets/sheet1.xml")
        #expect(!sheetXML.contains(#"<hyperlink ref="A1""#))
        #expect(sheetXML.contains(#"<hyperlink ref="A4""#))
    }

    @Test("constant-memory mode refuses a cell in an earlier row, and says why")
    func constantMemoryOrder() throws {
        let folder = try TemporaryFolder()
        let workbook = try XlsxWorkbook(path: folder.url.appendingPathComponent("order.xlsx").path, constantMemory: true)
        let sheet = try workbook.addWorksheet("Data")
        try sheet.write("row 3", row: 2, column: 0)
        let error = try #require(throws: XlsxError.self) { try sheet.write("row 1", row: 0, column: 0) }
        #expect(error.localizedDescription.contains("cannot write cell A1"))
        #expect(error.localizedDescription.contains("increasing order"))
        try workbook.close()
    }

    @Test("values Excel cannot hold are refused before reaching C")
    func refusals() throws {
        let folder = try TemporaryFolder()
        let workbook = try XlsxWorkbook(path: folder.url.appendingPathComponent("refuse.xlsx").path)
        let sheet = try workbook.addWorksheet("Data")
        #expect(throws: XlsxError.self) { try sheet.write(Double.nan, row: 0, column: 0) }
        #expect(throws: XlsxError.self) { try sheet.write("x", row: -1, column: 0) }
        #expect(throws: XlsxError.self) { try sheet.write("x", row: 0, column: 16_384) }
        #expect(throws: XlsxError.self) { try sheet.addListValidation(["a,b"], range: XlsxRange(rows: 0 ... 1, columns: 0 ... 0)) }
        #expect(throws: XlsxError.self) {
            try sheet.addListValidation((0 ..< 60).map { "value\($0)" }, range: XlsxRange(rows: 0 ... 1, columns: 0 ... 0))
        }
        #expect(throws: XlsxError.self) {
            try sheet.highlightCells(containing: "say \"no\"", in: XlsxRange(rows: 0 ... 1, columns: 0 ... 0), style: try workbook.addStyle(XlsxFormat()))
        }
        let other = try XlsxWorkbook(path: folder.url.appendingPathComponent("other.xlsx").path)
        let foreign = try other.addStyle(XlsxFormat(isBold: true))
        #expect(throws: XlsxError.self) { try sheet.write("x", row: 0, column: 0, style: foreign) }
        try other.close()
        try workbook.close()
    }

    @Test("cell text is cut on a character boundary and loses characters XML cannot carry")
    func cellText() {
        let flags = String(repeating: "🇰🇿", count: 20_000) // 4 UTF-16 units per flag
        let cut = XlsxText.cellText(flags)
        #expect(cut.utf16.count <= XlsxText.maxLength)
        #expect(cut.hasSuffix(XlsxText.cutMark))
        #expect(cut.dropLast(XlsxText.cutMark.count).allSatisfy { $0 == "🇰🇿" })
        #expect(XlsxText.cellText("a\u{0}b\u{1B}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
        #expect(XlsxText.cellText(String(repeating: "x", count: XlsxText.maxLength)).utf16.count == XlsxText.maxLength)
        #expect(XlsxCell(row: 1, column: 27).description == "AB2")
        #expect(XlsxCell.columnName(16_383) == "XFD")
    }
}
