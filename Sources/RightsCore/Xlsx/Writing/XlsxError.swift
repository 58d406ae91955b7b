import Foundation

/// What went wrong while writing an .xlsx workbook, with the file, the sheet and what we were doing.
///
/// libxlsxwriter reports failures as an `lxw_error` code; its `lxw_strerror` text goes into `reason`,
/// so a message reads like `reports/out/brief.xlsx: sheet 'Findings': cannot write cell B2: …`.
public enum XlsxError: Error, Equatable, Sendable, LocalizedError {
    /// `workbook_new_opt` returned NULL (out of memory, or the temporary files could not be created).
    case cannotCreate(path: String)
    /// `workbook_close` failed: the file could not be assembled or written (a missing folder,
    /// no permission, a full disk). Nothing usable was written.
    case cannotClose(path: String, reason: String)
    /// The workbook was already closed; its C handles are gone.
    case closed(path: String)
    /// Excel refuses the sheet name (too long, `[ ] : * ? / \`, a leading or trailing `'`, a duplicate).
    case invalidSheetName(path: String, name: String, reason: String)
    /// One operation on a sheet failed or was refused before reaching C.
    case cannotWrite(path: String, sheet: String, action: String, reason: String)
    /// A workbook-level setting (document properties, a format) was refused.
    case invalidSetting(path: String, setting: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .cannotCreate(path):
            return "\(path): cannot create the workbook (libxlsxwriter could not allocate it or its temporary files)"
        case let .cannotClose(path, reason):
            return "\(path): cannot write the workbook: \(reason)"
        case let .closed(path):
            return "\(path): the workbook is already closed; nothing more can be written to it"
        case let .invalidSheetName(path, name, reason):
            return "\(path): invalid sheet name '\(name)': \(reason)"
        case let .cannotWrite(path, sheet, action, reason):
            return "\(path): sheet '\(sheet)': cannot \(action): \(reason)"
        case let .invalidSetting(path, setting, reason):
            return "\(path): cannot set \(setting): \(reason)"
        }
    }
}
