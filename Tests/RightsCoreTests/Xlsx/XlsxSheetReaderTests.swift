import Foundation
import Testing
@testable import RightsCore

@Suite struct XlsxSheetReaderTests {
    static let sharedStrings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">\
    <si><t>Verdict</t></si>\
    <si><r><rPr><b/></rPr><t>con</t></r><r><t xml:space="preserve">firmed </t></r><r><t>&amp; checked</t></r></si>\
    <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>\
    </sst>
    """

    @Test("sparse cells land at their references; rows and cells without r follow the previous one")
    func sparseCells() throws {
        let folder = try TemporaryFolder()
        let rows = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1" t="inlineStr"><is><t>Note</t></is></c></row>\
        <row r="3" spans="1:4"><c r="B3" t="s"><v>1</v></c><c t="n"><v>42.5</v></c><c r="D3" s="1"/></row>\
        <row><c><v>7</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A4&amp;"x"</f><v>7x</v></c></row>\
        <row r="6"><c r="C6" t="s"><v>2</v></c></row>\
        <row r="9" ht="30" customHeight="1"><c r="A9" s="3"/></row>
        """
        let url = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("Review", XlsxFixture.sheet(rows))], sharedStrings: Self.sharedStrings),
                                      to: folder.url.appendingPathComponent("sparse.xlsx"))
        let table = try XlsxSheetReader().readSheet(named: "Review", from: url)
        #expect(table.rows == [
            ["Verdict", "", "", "Note"],
            [],
            ["", "confirmed & checked", "42.5"],
            ["7", "TRUE", "#N/A", "7x"],
            [],
            ["", "", "東京"],
        ], "the styled empty cell D3 and the empty row 9 add nothing")
        #expect(table[2, 1] == "confirmed & checked")
        #expect(table[40, 40] == "")
    }

    @Test("inline strings with rich runs and phonetic guides; a sheet targeted by an absolute path")
    func inlineStringsAndAbsoluteTarget() throws {
        let folder = try TemporaryFolder()
        let second = XlsxFixture.sheet("""
        <row r="1"><c r="A1" t="inlineStr"><is><r><t>Jailed </t></r><r><rPr><i/></rPr><t>journalist</t></r><rPh><t>x</t></rPh></is></c></row>
        """)
        let parts = XlsxFixture.workbookParts(sheets: [("First", XlsxFixture.sheet("")), ("Second", second)])
        let url = try XlsxFixture.zip(parts, to: folder.url.appendingPathComponent("inline.xlsx"), compression: .none)
        let reader = XlsxSheetReader()
        #expect(try reader.sheetNames(in: url) == ["First", "Second"])
        #expect(try reader.readSheet(named: "Second", from: url).rows == [["Jailed journalist"]])
        #expect(try reader.readSheet(named: "First", from: url).rows == [])
    }

    @Test("a missing sheet is named along with the sheets present")
    func missingSheet() throws {
        let folder = try TemporaryFolder()
        let parts = XlsxFixture.workbookParts(sheets: [("Findings", XlsxFixture.sheet("")), ("Summary", XlsxFixture.sheet(""))])
        let url = try XlsxFixture.zip(parts, to: folder.url.appendingPathComponent("sheets.xlsx"))
        let error = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().readSheet(named: "Review", from: url) }
        #expect(error == .sheetNotFound(path: url.path, sheet: "Review", available: ["Findings", "Summary"]))
        #expect(error.localizedDescription == "\(url.path): no sheet named 'Review'; the sheets are: 'Findings', 'Summary'")
    }

    @Test("a file that is not a zip, an old .xls, and a zip without a workbook are refused clearly")
    func notAWorkbook() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("review.xlsx", "Verdict,Country\nconfirmed,KZ\n")
        let error = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().sheetNames(in: csv) }
        guard case let .notAZip(path, reason) = error else { Issue.record("unexpected \(error)"); return }
        #expect(path == csv.path)
        #expect(reason.contains("CSV"))

        let xls = try folder.write("old.xlsx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)))
        let xlsError = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().sheetNames(in: xls) }
        #expect(xlsError.localizedDescription.contains(".xls"))

        let plainZip = try XlsxFixture.zip([("readme.txt", Data("hello".utf8))], to: folder.url.appendingPathComponent("plain.xlsx"))
        #expect(throws: XlsxReadError.missingPart(path: plainZip.path, part: "xl/workbook.xml")) { _ = try XlsxSheetReader().sheetNames(in: plainZip) }

        let missing = folder.url.appendingPathComponent("absent.xlsx")
        #expect(throws: XlsxReadError.self) { _ = try XlsxSheetReader().sheetNames(in: missing) }
    }

    @Test("a zip bomb is refused from its declared sizes: ratio, entry size, total size and entry count")
    func zipBombDeclared() throws {
        let folder = try TemporaryFolder()
        let zeros = Data(count: 3 << 20) // 3 MB of zeros compress about 1000:1
        let bomb = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("S", XlsxFixture.sheet(""))]) + [("xl/media/zeros.bin", zeros)],
                                       to: folder.url.appendingPathComponent("bomb.xlsx"))
        let error = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().sheetNames(in: bomb) }
        guard case let .suspiciousCompression(_, entry, ratio, limit) = error else { Issue.record("unexpected \(error)"); return }
        #expect(entry == "xl/media/zeros.bin")
        #expect(ratio > 200 && limit == 200)

        var small = XlsxReadLimits.standard
        small.maxEntryBytes = 1 << 20
        #expect(throws: XlsxReadError.entryTooLarge(path: bomb.path, entry: "xl/media/zeros.bin", bytes: 3 << 20, limit: 1 << 20)) {
            _ = try XlsxSheetReader(limits: small).sheetNames(in: bomb)
        }
        var total = XlsxReadLimits.standard
        total.maxTotalBytes = 2 << 20
        total.maxCompressionRatio = 10_000
        let totalError = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader(limits: total).sheetNames(in: bomb) }
        guard case .archiveTooLarge = totalError else { Issue.record("unexpected \(totalError)"); return }

        let many = (0 ..< 12).map { ("xl/media/image\($0).png", Data("x".utf8)) }
        let crowded = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("S", XlsxFixture.sheet(""))]) + many,
                                          to: folder.url.appendingPathComponent("crowded.xlsx"))
        var few = XlsxReadLimits.standard
        few.maxEntries = 10
        #expect(throws: XlsxReadError.tooManyEntries(path: crowded.path, limit: 10)) { _ = try XlsxSheetReader(limits: few).sheetNames(in: crowded) }
    }

    @Test("bytes are counted while unpacking: an entry that unpacks to more than it declares is stopped")
    func zipBombLyingHeader() throws {
        let folder = try TemporaryFolder()
        let rows = (1 ... 3_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        let url = folder.url.appendingPathComponent("liar.xlsx")
        try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("S", XlsxFixture.sheet(rows))]), to: url)
        // Claim the sheet is 1,000 bytes in the central directory (where sizes are read from).
        var bytes = [UInt8](try Data(contentsOf: url))
        let record = try #require(XlsxFixture.centralRecords(bytes).first { $0.name == "xl/worksheets/sheet1.xml" })
        XlsxFixture.patchUInt32(&bytes, at: record.offset + 24, 1_000)
        try Data(bytes).write(to: url)
        let error = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().readSheet(named: "S", from: url) }
        guard case let .corruptEntry(_, entry, reason) = error else { Issue.record("unexpected \(error)"); return }
        #expect(entry == "xl/worksheets/sheet1.xml")
        #expect(reason.contains("more than the 1000 bytes declared"))
    }

    @Test("a deflate stream that runs past its entry fails instead of hanging ZIPFoundation's reader")
    func truncatedDeflate() throws {
        let folder = try TemporaryFolder()
        // A non-final stored deflate block announcing 65,535 bytes, and nothing after it.
        let stream = Data([0x00, 0xFF, 0xFF, 0x00, 0x00])
        let parts = XlsxFixture.workbookParts(sheets: [("S", XlsxFixture.sheet(""))]).map { $0.0 == "xl/workbook.xml" ? ($0.0, stream) : $0 }
        let url = folder.url.appendingPathComponent("truncated.xlsx")
        try XlsxFixture.zip(parts, to: url, compression: .none)
        var bytes = [UInt8](try Data(contentsOf: url))
        let record = try #require(XlsxFixture.centralRecords(bytes).first { $0.name == "xl/workbook.xml" })
        XlsxFixture.patchUInt16(&bytes, at: record.offset + 10, 8) // method: deflate, in the directory …
        XlsxFixture.patchUInt16(&bytes, at: XlsxFixture.readUInt32(bytes, at: record.offset + 42) + 8, 8) // … and in the local header
        try Data(bytes).write(to: url)
        let error = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().sheetNames(in: url) }
        guard case let .corruptEntry(_, entry, _) = error else { Issue.record("unexpected \(error)"); return }
        #expect(entry == "xl/workbook.xml")
    }

    @Test("XML with a DOCTYPE or ENTITY, or in UTF-16, is refused before parsing")
    func doctypeRefused() throws {
        let folder = try TemporaryFolder()
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
        """
        let url = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("S", laughs)]), to: folder.url.appendingPathComponent("laughs.xlsx"))
        #expect(throws: XlsxReadError.forbiddenDoctype(path: url.path, part: "xl/worksheets/sheet1.xml")) {
            _ = try XlsxSheetReader().readSheet(named: "S", from: url)
        }

        var utf16 = Data([0xFF, 0xFE])
        utf16.append(try #require(XlsxFixture.sheet("").data(using: .utf16LittleEndian)))
        let wide = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("S", "")]).map { $0.0 == "xl/worksheets/sheet1.xml" ? ($0.0, utf16) : $0 },
                                       to: folder.url.appendingPathComponent("utf16.xlsx"))
        let error = try #require(throws: XlsxReadError.self) { _ = try XlsxSheetReader().readSheet(named: "S", from: wide) }
        guard case .unsupportedEncoding = error else { Issue.record("unexpected \(error)"); return }
    }

    @Test("malformed XML, bad references, runaway rows and cells, and huge cells are reported")
    func malformedInput() throws {
        let folder = try TemporaryFolder()
        func read(_ rows: String, limits: XlsxReadLimits = .standard) throws -> SheetTable {
            let url = try XlsxFixture.zip(XlsxFixture.workbookParts(sheets: [("S", XlsxFixture.sheet(rows))]),
                                          to: folder.url.appendingPathComponent("\(UUID().uuidString).xlsx"))
            return try XlsxSheetReader(limits: limits).readSheet(named: "S", from: url)
        }
        func failure(_ rows: String, limits: XlsxReadLimits = .standard) -> XlsxReadError? {
            do { _ = try read(rows, limits: limits); return nil } catch { return error as? XlsxReadError }
        }
        let malformed = failure("<row><c><v>1</c></row>")
        guard case let .malformedXML(_, part, line, reason)? = malformed else { Issue.record("not malformed: \(String(describing: malformed))"); return }
        #expect(part == "xl/worksheets/sheet1.xml" && line >= 1)
        #expect(reason.contains("end tag does not match"), "corelibs' XMLParser recovers from this and still returns true")

        guard case .badCellReference? = failure(#"<row r="1"><c r="1A"><v>1</v></c></row>"#) else { Issue.record("1A accepted"); return }
        guard case .badCellReference? = failure(#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#) else { Issue.record("XFE1 accepted"); return }
        guard case .badSharedString? = failure(#"<row r="1"><c r="A1" t="s"><v>5</v></c></row>"#) else { Issue.record("string 5 accepted"); return }

        var limits = XlsxReadLimits.standard
        limits.maxRows = 100
        guard case .tooManyRows(_, "S", 100)? = failure(#"<row r="101"><c r="A101"><v>1</v></c></row>"#, limits: limits) else {
            Issue.record("row 101 accepted"); return
        }
        limits = .standard
        limits.maxCells = 1_000
        guard case .tooManyCells? = failure(#"<row r="1"><c r="XFD1"><v>1</v></c></row>"#, limits: limits) else {
            Issue.record("XFD1 accepted"); return
        }
        limits = .standard
        limits.maxCellBytes = 100
        let huge = String(repeating: "x", count: 500)
        guard case .cellTooLarge? = failure(#"<row r="1"><c r="A1" t="inlineStr"><is><t>\#(huge)</t></is></c></row>"#, limits: limits) else {
            Issue.record("a 500-byte cell accepted"); return
        }
    }
}
