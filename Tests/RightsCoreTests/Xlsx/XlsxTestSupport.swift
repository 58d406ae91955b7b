import Foundation
import ZIPFoundation
@testable import RightsCore

/// Raw access to the parts of an .xlsx, to check the XML libxlsxwriter wrote.
struct XlsxPackage {
    let archive: Archive

    init(_ url: URL) throws { archive = try Archive(url: url, accessMode: .read) }

    var partNames: [String] { archive.map(\.path) }

    func text(_ part: String) throws -> String {
        guard let entry = archive[part] else { throw PackageError.missing(part, present: partNames) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    enum PackageError: Error { case missing(String, present: [String]) }
}

/// Builds small .xlsx packages (or deliberately broken zips) by hand, for the reader tests.
enum XlsxFixture {
    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>
    """

    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

    /// A workbook whose sheets are `(name, sheet XML)`; sheet `i` lives at `xl/worksheets/sheet{i+1}.xml`,
    /// targeted with an absolute path for odd sheets (as some writers do) and a relative one otherwise.
    /// Elements carry an `x:` prefix and the relationship attribute is `rel:id`, as the OpenXML SDK may write.
    static func workbookParts(sheets: [(String, String)], sharedStrings: String? = nil) -> [(String, Data)] {
        var parts: [(String, Data)] = [("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(rootRels.utf8))]
        let sheetList: String = sheets.enumerated().map { index, sheet -> String in
            #"<x:sheet name="\#(sheet.0)" sheetId="\#(index + 1)" rel:id="rId\#(index + 1)"/>"#
        }.joined()
        parts.append(("xl/workbook.xml", Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets>\(sheetList)</x:sheets></x:workbook>
        """.utf8)))
        var rels: String = sheets.indices.map { index -> String in
            let target = index % 2 == 1 ? "/xl/worksheets/sheet\(index + 1).xml" : "worksheets/sheet\(index + 1).xml"
            return #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="\#(target)"/>"#
        }.joined()
        if sharedStrings != nil {
            rels += #"<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        parts.append(("xl/_rels/workbook.xml.rels", Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
        """.utf8)))
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", Data(sheet.1.utf8))) }
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", Data(sharedStrings.utf8))) }
        return parts
    }

    /// `<worksheet><sheetData>rows</sheetData></worksheet>`.
    static func sheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData></worksheet>
        """
    }

    @discardableResult
    static func zip(_ parts: [(String, Data)], to url: URL, compression: CompressionMethod = .deflate) throws -> URL {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        return url
    }

    /// Offsets of the central-directory records (signature `PK\1\2`) in a zip, with their entry names.
    static func centralRecords(_ bytes: [UInt8]) -> [(offset: Int, name: String)] {
        (0 ..< max(0, bytes.count - 46)).compactMap { offset in
            guard bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 1, bytes[offset + 3] == 2 else { return nil }
            let nameLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
            return (offset, String(decoding: bytes[(offset + 46) ..< (offset + 46 + nameLength)], as: UTF8.self))
        }
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> Int {
        (0 ..< 4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }

    static func patchUInt32(_ bytes: inout [UInt8], at offset: Int, _ value: UInt32) {
        for index in 0 ..< 4 { bytes[offset + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
    }

    static func patchUInt16(_ bytes: inout [UInt8], at offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }
}
