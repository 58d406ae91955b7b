import Foundation

/// Character-level normalisation shared by ingest and matching.
public enum TextNormalizer {
    /// Unicode NFC: the canonical form we store, so equal-looking text compares equal.
    public static func canonical(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Spaces that scraped pages are full of (no-break, thin, zero-width…) become plain spaces,
    /// one scalar for one so that offsets stay aligned with the original.
    @inline(__always)
    public static func plainSpace(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000 ... 0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return " "
        default:
            return scalar
        }
    }

    /// Curly quotes and apostrophes as their straight forms, for matching only (stored text keeps them).
    @inline(__always)
    public static func straightQuote(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        default: return scalar
        }
    }

    /// Case- and diacritic-folded form of a word, as patterns and gazetteer names are written.
    ///
    /// `İmamoğlu` → `imamoglu`, `Łukaszenka` → `lukaszenka`, `Straße` → `strasse`.
    public static func foldWord(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        var folded = ""
        for scalar in word.unicodeScalars {
            switch scalar {
            case "ı", "İ": folded.append("i")
            case "ł", "Ł": folded.append("l")
            case "ø", "Ø": folded.append("o")
            case "đ", "Đ": folded.append("d")
            case "ß": folded.append("ss")
            case "æ", "Æ": folded.append("ae")
            case "œ", "Œ": folded.append("oe")
            case "þ", "Þ": folded.append("th")
            default: folded.unicodeScalars.append(scalar)
            }
        }
        return folded.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }
}
