import CXlsxWriter
import Foundation

/// An .xlsx file being written: the one owner of libxlsxwriter's `lxw_workbook *`.
///
/// Worksheets and formats live inside the C workbook and die with it, so they never leave this
/// type as pointers: ``addWorksheet(_:)`` returns an ``XlsxSheet`` (an index into this workbook)
/// and ``addStyle(_:)`` an ``XlsxStyle`` token. Every call made after ``close()`` throws
/// ``XlsxError/closed(path:)`` instead of touching freed memory.
///
/// ```swift
/// let workbook = try XlsxWorkbook(path: "out/brief.xlsx", constantMemory: true)
/// let sheet = try workbook.addWorksheet("Findings")
/// try sheet.write("Country", row: 0, column: 0, style: try workbook.addStyle(XlsxFormat(isBold: true)))
/// try workbook.close() // the file is written here, and only here
/// ```
///
/// - Important: Nothing is written to `path` before ``close()``; a missing folder or a read-only
///   location is only reported then, as ``XlsxError/cannotClose(path:reason:)``.
/// - Important: With `constantMemory`, libxlsxwriter flushes each row to a temporary file as soon as
///   a later row is written: write row by row, in increasing row order. A cell written to an
///   earlier row throws; ``XlsxSheet/setRowHeight(_:row:style:)`` must come before the row's cells.
///   Strings are then stored inline in each cell instead of in `sharedStrings.xml`.
public final class XlsxWorkbook {
    public let path: String
    public let isConstantMemory: Bool

    /// Nil once closed: `workbook_close` frees the workbook, its sheets and formats, even when it fails.
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var sheetNames: [String] = []
    private var formats: [UnsafeMutablePointer<lxw_format>] = []
    private var styleCache: [XlsxFormat: XlsxStyle] = [:]

    /// Starts a workbook that will be written to `path` by ``close()``.
    /// - Parameter constantMemory: keep only the current row in memory (for large exports); rows
    ///   must then be written in order, see the type's notes.
    /// - Throws: ``XlsxError/cannotCreate(path:)`` when libxlsxwriter returns NULL.
    public init(path: String, constantMemory: Bool = false) throws {
        self.path = path
        self.isConstantMemory = constantMemory
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: nil, use_zip64: 0)
        // libxlsxwriter copies the file name, so the C string only has to live during the call.
        guard let workbook = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw XlsxError.cannotCreate(path: path)
        }
        self.workbook = workbook
    }

    deinit {
        // A workbook dropped without close() is still written, as Excel users expect; the error has
        // nowhere to go from deinit, so callers who care call close() themselves.
        if let workbook { _ = workbook_close(workbook) }
    }

    /// Whether ``close()`` has run.
    public var isClosed: Bool { workbook == nil }

    /// Adds a worksheet named `name` (at most 31 characters, none of `[ ] : * ? / \`, not starting or
    /// ending with `'`, unique ignoring ASCII case).
    /// - Throws: ``XlsxError/invalidSheetName(path:name:reason:)`` with libxlsxwriter's reason.
    public func addWorksheet(_ name: String) throws -> XlsxSheet {
        let workbook = try openWorkbook()
        // workbook_add_worksheet only returns NULL; validating first gives the reason.
        let validation = name.withCString { workbook_validate_sheet_name(workbook, $0) }
        guard validation == LXW_NO_ERROR else {
            throw XlsxError.invalidSheetName(path: path, name: name, reason: XlsxWorkbook.describe(validation))
        }
        guard let sheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw XlsxError.invalidSheetName(path: path, name: name, reason: "libxlsxwriter refused it")
        }
        sheets.append(sheet)
        sheetNames.append(name)
        return XlsxSheet(workbook: self, index: sheets.count - 1, name: name)
    }

    /// The style for `format`, created on first use and reused afterwards.
    /// - Throws: ``XlsxError/closed(path:)``.
    public func addStyle(_ format: XlsxFormat) throws -> XlsxStyle {
        let workbook = try openWorkbook()
        if let style = styleCache[format] { return style }
        guard let handle = workbook_add_format(workbook) else {
            throw XlsxError.invalidSetting(path: path, setting: "a cell format", reason: "libxlsxwriter could not allocate it")
        }
        if format.isBold { format_set_bold(handle) }
        if format.wrapsText {
            format_set_text_wrap(handle)
            format_set_align(handle, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        if let fill = format.fillColor {
            format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(handle, fill.rgb)
        }
        if format.isHyperlink {
            format_set_underline(handle, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
            format_set_font_color(handle, 0x0563C1)
            format_set_hyperlink(handle)
        }
        if let color = format.fontColor { format_set_font_color(handle, color.rgb) }
        if format.hasBorder { format_set_border(handle, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let numberFormat = format.numberFormat {
            numberFormat.withCString { format_set_num_format(handle, $0) } // copied by libxlsxwriter
        }
        formats.append(handle)
        let style = XlsxStyle(index: formats.count - 1, workbookID: ObjectIdentifier(self))
        styleCache[format] = style
        return style
    }

    /// Sets the document properties shown in Excel's File ▸ Info (all optional).
    /// - Parameter created: the creation time stored in the file; pass a fixed date for files that
    ///   repeat byte for byte, nil for "now".
    /// - Throws: ``XlsxError/invalidSetting(path:setting:reason:)``, ``XlsxError/closed(path:)``.
    public func setDocumentProperties(title: String? = nil, subject: String? = nil, author: String? = nil,
                                      keywords: String? = nil, comments: String? = nil, created: Date? = nil) throws {
        let workbook = try openWorkbook()
        // workbook_set_properties copies every string (lxw_strdup), so these copies are freed right after.
        let copies = [title, subject, author, keywords, comments].map { $0.map { XlsxText.cellText($0) }.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        var properties = lxw_doc_properties()
        properties.title = copies[0]
        properties.subject = copies[1]
        properties.author = copies[2]
        properties.keywords = copies[3]
        properties.comments = copies[4]
        properties.created = created.map { time_t($0.timeIntervalSince1970) } ?? 0
        let result = workbook_set_properties(workbook, &properties)
        guard result == LXW_NO_ERROR else {
            throw XlsxError.invalidSetting(path: path, setting: "the document properties", reason: XlsxWorkbook.describe(result))
        }
    }

    /// Assembles the .xlsx and writes it to ``path``.
    ///
    /// `workbook_close` runs exactly once: it frees the C workbook whether or not it succeeds, so
    /// the handle is dropped first and a second call does nothing.
    /// - Throws: ``XlsxError/cannotClose(path:reason:)`` with libxlsxwriter's reason, plus a hint
    ///   when the folder does not exist.
    public func close() throws {
        guard let workbook else { return }
        self.workbook = nil
        sheets = []
        formats = []
        styleCache = [:]
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else {
            var reason = XlsxWorkbook.describe(result)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
                reason += " (the folder \(folder) does not exist)"
            }
            throw XlsxError.cannotClose(path: path, reason: reason)
        }
    }

    // MARK: - Borrowed handles, for XlsxSheet only

    func openWorkbook() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let workbook else { throw XlsxError.closed(path: path) }
        return workbook
    }

    func worksheet(at index: Int) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard workbook != nil else { throw XlsxError.closed(path: path) }
        return sheets[index] // an XlsxSheet only exists for an index this workbook handed out
    }

    /// The C format for `style`, nil for the default format.
    func format(for style: XlsxStyle?, sheet: String, action: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_format>? {
        guard workbook != nil else { throw XlsxError.closed(path: path) }
        guard let style else { return nil }
        guard style.workbookID == ObjectIdentifier(self), formats.indices.contains(style.index) else {
            throw XlsxError.cannotWrite(path: path, sheet: sheet, action: action(), reason: "the style was made by another workbook")
        }
        return formats[style.index]
    }

    /// libxlsxwriter's text for an error code, e.g. "Worksheet name is already in use.".
    static func describe(_ error: lxw_error) -> String {
        guard let text = lxw_strerror(error) else { return "libxlsxwriter error \(error.rawValue)" }
        return String(cString: text)
    }
}

/// The C workbook is mutated by every call and libxlsxwriter has no locks: one thread at a time,
/// so the compiler must refuse to share it.
@available(*, unavailable)
extension XlsxWorkbook: Sendable {}
