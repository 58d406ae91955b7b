import Foundation

/// The cells of one worksheet as text, row 0 being the header.
///
/// Rows are as long as their last non-empty cell, so they may be shorter than the header; read
/// through ``subscript(_:_:)`` to get `""` for a missing cell.
public struct SheetTable: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
    }

    public var header: [String] { rows.first ?? [] }

    /// The text at `row`, `column` (zero-based), `""` when the cell is empty or outside the data.
    public subscript(row: Int, column: Int) -> String {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
        return rows[row][column]
    }
}

/// Reads a worksheet back from an .xlsx that a reviewer edited in Excel or LibreOffice.
///
/// libxlsxwriter only writes, so this is separate code on ZIPFoundation and `XMLParser`. It follows
/// the package the way Excel does (`_rels/.rels` → workbook → its relationships → the sheet part),
/// because LibreOffice and Excel name and place parts differently (`worksheets/sheet2.xml`,
/// `/xl/worksheets/sheet2.xml`). The file is untrusted: entry count, unpacked sizes, compression
/// ratio, rows, cells and cell text are bounded, and XML with a DOCTYPE is refused.
///
/// ```swift
/// let table = try XlsxSheetReader().readSheet(named: "Findings", from: reviewedURL)
/// let verdictColumn = table.header.firstIndex(of: "Verdict")
/// ```
public struct XlsxSheetReader: Sendable {
    let limits: XlsxReadLimits

    public init() { self.init(limits: .standard) }

    init(limits: XlsxReadLimits) { self.limits = limits }

    /// The worksheet names of the workbook at `url`, in tab order.
    /// - Throws: ``XlsxReadError``.
    public func sheetNames(in url: URL) throws -> [String] {
        let archive = try XlsxArchive(url: url, limits: limits)
        return try WorkbookMap(archive: archive).sheets.map(\.name)
    }

    /// The cells of the sheet called `name` (exact, else ignoring case as Excel does).
    /// - Throws: ``XlsxReadError/sheetNotFound(path:sheet:available:)`` listing the sheets present,
    ///   or another ``XlsxReadError`` naming the file and the problem.
    /// - Complexity: O(bytes of the sheet and shared-strings parts + cells).
    public func readSheet(named name: String, from url: URL) throws -> SheetTable {
        try readSheets(named: [name], optional: [], from: url)[name]!
    }

    /// The sheets called `required` and those of `optional` the workbook has, keyed by the names
    /// asked for, from one opening of the file (the shared strings are read once).
    /// - Throws: ``XlsxReadError/sheetNotFound(path:sheet:available:)`` for a missing required
    ///   sheet, or another ``XlsxReadError``.
    public func readSheets(named required: [String], optional: [String], from url: URL) throws -> [String: SheetTable] {
        let archive = try XlsxArchive(url: url, limits: limits)
        let map = try WorkbookMap(archive: archive)
        func find(_ name: String) -> (name: String, relationship: String, part: String?)? {
            map.sheets.first(where: { $0.name == name }) ?? map.sheets.first(where: { $0.name.lowercased() == name.lowercased() })
        }
        for name in required where find(name) == nil {
            throw XlsxReadError.sheetNotFound(path: archive.display, sheet: name, available: map.sheets.map(\.name))
        }
        var sharedStrings: [String]?
        var tables: [String: SheetTable] = [:]
        for name in required + optional {
            guard let sheet = find(name) else { continue }
            guard let part = sheet.part else {
                throw XlsxReadError.missingPart(path: archive.display, part: "the part of sheet '\(sheet.name)' (relationship '\(sheet.relationship)')")
            }
            if sharedStrings == nil {
                sharedStrings = []
                if let stringsPart = map.sharedStringsPart, archive.contains(stringsPart) {
                    let handler = XlsxSharedStringsHandler(part: stringsPart, path: archive.display, maxBytes: limits.maxCellBytes)
                    try XlsxXML.parse(archive, part: stringsPart, with: handler)
                    sharedStrings = handler.strings
                }
            }
            let handler = XlsxSheetHandler(sheet: sheet.name, part: part, path: archive.display, sharedStrings: sharedStrings ?? [], limits: limits)
            try XlsxXML.parse(archive, part: part, with: handler)
            tables[name] = SheetTable(name: sheet.name, rows: handler.rows)
        }
        return tables
    }
}

/// Where the workbook part, its sheets and its shared strings are inside the package.
private struct WorkbookMap {
    var sheets: [(name: String, relationship: String, part: String?)] = []
    var sharedStringsPart: String?

    init(archive: XlsxArchive) throws {
        // _rels/.rels names the workbook part; every writer uses xl/workbook.xml, the fallback.
        var workbookPart = "xl/workbook.xml"
        if archive.contains("_rels/.rels") {
            let root = XlsxRelationshipsHandler()
            try XlsxXML.parse(archive, part: "_rels/.rels", with: root)
            if let document = root.first(ofType: "officeDocument"), !document.isExternal,
               let resolved = WorkbookMap.resolve(document.target, from: "") {
                workbookPart = resolved
            }
        }
        guard archive.contains(workbookPart) else { throw XlsxReadError.missingPart(path: archive.display, part: workbookPart) }

        let workbook = XlsxWorkbookHandler()
        try XlsxXML.parse(archive, part: workbookPart, with: workbook)

        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let relationships = XlsxRelationshipsHandler()
        if archive.contains(relsPart) {
            try XlsxXML.parse(archive, part: relsPart, with: relationships)
        }
        sheets = workbook.sheets.map { sheet in
            let relationship = relationships.relationships[sheet.relationship]
            let part = relationship.flatMap { $0.isExternal ? nil : WorkbookMap.resolve($0.target, from: folder) }
            return (sheet.name, sheet.relationship, part)
        }
        if let strings = relationships.first(ofType: "sharedStrings"), !strings.isExternal {
            sharedStringsPart = WorkbookMap.resolve(strings.target, from: folder)
        } else {
            sharedStringsPart = (folder.isEmpty ? "" : folder + "/") + "sharedStrings.xml"
        }
    }

    /// A relationship target as a part name: `/xl/worksheets/sheet2.xml` is absolute,
    /// `worksheets/sheet2.xml` relative to the source part's folder; `.` and `..` are resolved and
    /// nil is returned for a target that climbs out of the package.
    static func resolve(_ target: String, from folder: String) -> String? {
        var segments = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if segments.popLast() == nil { return nil }
            default: segments.append(String(segment))
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }
}
