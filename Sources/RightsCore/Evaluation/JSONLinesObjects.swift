import Foundation

/// One JSON object of a JSON Lines file, with its place for error messages.
struct LocatedObject {
    var location: SourceLocation
    var fields: [String: Any]

    /// A required string; numbers are accepted as their decimal text because ids are often numeric.
    func string(_ key: String) throws(EvaluationError) -> String {
        guard let value = optionalString(key) else {
            if fields[key] == nil || fields[key] is NSNull { throw .missingField(location, key: key) }
            throw .wrongType(location, key: key, expected: "a string")
        }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missingField(location, key: key) }
        return value
    }

    /// Two ASCII letters, either case: anything else cannot match a finding and is a typo in the file.
    func countryCode(_ key: String) throws(EvaluationError) -> CountryCode {
        let text = try string(key)
        guard text.unicodeScalars.count == 2, text.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
            throw .wrongType(location, key: key, expected: "an ISO 3166-1 alpha-2 code such as KZ, not '\(text)'")
        }
        return CountryCode(text.uppercased())
    }

    /// The value as text when it is a string or a number.
    private func optionalString(_ key: String) -> String? {
        switch fields[key] {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    /// A string that may be absent (or null); any other type is an error.
    func checkedOptionalString(_ key: String) throws(EvaluationError) -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw .wrongType(location, key: key, expected: "a string") }
        return text
    }

    /// An array of strings that may be absent (or null).
    func checkedOptionalStrings(_ key: String) throws(EvaluationError) -> [String] {
        guard let value = fields[key], !(value is NSNull) else { return [] }
        guard let texts = value as? [String] else { throw .wrongType(location, key: key, expected: "an array of strings") }
        return texts
    }
}

/// Reads a JSON Lines file into objects, each with its line number; blank lines are skipped.
enum JSONLinesObjects {
    /// Findings lines carry a sentence; a megabyte leaves room for any real one.
    static let maxLineBytes = 1 << 20

    /// - Parameter display: the path as the user wrote it, for messages.
    /// - Throws: `EvaluationError` at the first line that is not a JSON object, or when the file
    ///   cannot be read. An empty file is no error here: no findings, or no labels, can be right.
    static func read(_ url: URL, display: String) throws(EvaluationError) -> [LocatedObject] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw .unreadable(SourceLocation(file: display), reason: "no such file")
        }
        guard !isFolder.boolValue else { throw .unreadable(SourceLocation(file: display), reason: "a folder, not a JSON Lines file") }
        var stream: LineStream
        do { stream = try LineStream(url: url, maxLineBytes: maxLineBytes) } catch {
            throw .unreadable(SourceLocation(file: display), reason: (error as NSError).localizedDescription)
        }
        defer { stream.close() }
        var objects: [LocatedObject] = []
        while let item = stream.next() {
            switch item {
            case let .tooLong(number, bytes):
                throw .lineTooLong(SourceLocation(file: display, line: number), bytes: bytes, limit: maxLineBytes)
            case let .line(number, bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let location = SourceLocation(file: display, line: number)
                let parsed: Any
                do { parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: []) } catch {
                    let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
                    throw .malformedJSON(location, reason: reason)
                }
                guard let fields = parsed as? [String: Any] else { throw .notAnObject(location) }
                objects.append(LocatedObject(location: location, fields: fields))
            }
        }
        return objects
    }
}
