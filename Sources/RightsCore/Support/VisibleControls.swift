/// Text from articles (ids, titles, sentences) made safe to print on a terminal: control
/// characters, which a terminal would act on (ESC starts colour and title sequences, BEL rings),
/// and the invisible bidirectional controls that reorder what is shown, are written as `\u{1B}`.
public enum VisibleControls {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00 ... 0x1F, 0x7F ... 0x9F: return true                               // C0, DEL, C1
        case 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069: return true        // bidirectional controls
        case 0x2028, 0x2029: return true                                              // line and paragraph separators
        default: return false
        }
    }
}
