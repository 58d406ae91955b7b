import Foundation

/// Turns input bytes into text: refuses binary data, replaces invalid UTF-8 (with a warning).
enum TextDecoding {
    static func decode(_ data: Data) -> (text: String, hadInvalidUTF8: Bool)? {
        if data.contains(0) { return nil }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return (text, false) }
        return (String(decoding: bytes, as: UTF8.self), true)
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { TextNormalizer.plainSpace($0) == " " || $0 == "\n" || $0 == "\r" }
    }
}
