import Foundation
import RightsCore

// The reviewed-workbook reader on a fuzzed .xlsx: the sheet names, then every sheet's cells.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let url = FuzzScratch.write(data, size, as: "input.xlsx")
    let reader = XlsxSheetReader()
    guard let names = try? reader.sheetNames(in: url) else { return 0 }
    for name in names.prefix(8) { _ = try? reader.readSheet(named: name, from: url) }
    return 0
}
