import Foundation

/// An RGB colour as Excel stores it (`0xRRGGBB`).
public struct XlsxColor: Hashable, Sendable {
    public var rgb: UInt32

    public init(rgb: UInt32) {
        precondition(rgb <= 0xFF_FFFF, "an RGB colour has 24 bits") // a programming error, never input
        self.rgb = rgb
    }

    public static let black = XlsxColor(rgb: 0x000000)
    public static let white = XlsxColor(rgb: 0xFFFFFF)
    /// The fills of the review sheet: pale enough that black text stays readable when printed.
    public static let paleRed = XlsxColor(rgb: 0xF8CBAD)
    public static let paleYellow = XlsxColor(rgb: 0xFFEB9C)
    public static let paleGreen = XlsxColor(rgb: 0xC6EFCE)
    public static let paleGrey = XlsxColor(rgb: 0xD9D9D9)
    /// The ends of a red–yellow–green colour scale (Excel's own defaults).
    public static let scaleRed = XlsxColor(rgb: 0xF8696B)
    public static let scaleYellow = XlsxColor(rgb: 0xFFEB84)
    public static let scaleGreen = XlsxColor(rgb: 0x63BE7B)
}

/// How a cell looks: a plain value, turned into one libxlsxwriter format by
/// ``XlsxWorkbook/addStyle(_:)``.
///
/// Describing a format as a value (rather than handing out the `lxw_format *`) lets the workbook
/// create each distinct format once and reuse it: Excel caps a file at 64,000 cell formats, and
/// a format per cell would also bloat `styles.xml`.
///
/// ```swift
/// let header = try workbook.addStyle(XlsxFormat(isBold: true, fillColor: .paleGrey, hasBorder: true))
/// ```
public struct XlsxFormat: Hashable, Sendable {
    public var isBold: Bool
    /// Wrap long text inside the cell (and align it to the top, so wrapped rows read from the start).
    public var wrapsText: Bool
    public var fillColor: XlsxColor?
    public var fontColor: XlsxColor?
    /// A thin border on all four sides.
    public var hasBorder: Bool
    /// An Excel number format such as `0.00`, `0%` or `yyyy-mm-dd`.
    public var numberFormat: String?
    /// Blue and underlined, like Excel's own hyperlink style.
    public var isHyperlink: Bool

    public init(isBold: Bool = false, wrapsText: Bool = false, fillColor: XlsxColor? = nil, fontColor: XlsxColor? = nil,
                hasBorder: Bool = false, numberFormat: String? = nil, isHyperlink: Bool = false) {
        self.isBold = isBold
        self.wrapsText = wrapsText
        self.fillColor = fillColor
        self.fontColor = fontColor
        self.hasBorder = hasBorder
        self.numberFormat = numberFormat
        self.isHyperlink = isHyperlink
    }
}

/// A format registered in one workbook: a token, not a C pointer.
///
/// It only works with the workbook that made it; using it with another one throws.
public struct XlsxStyle: Hashable, Sendable {
    let index: Int
    let workbookID: ObjectIdentifier
}
