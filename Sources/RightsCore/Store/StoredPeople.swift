import Foundation

/// The `people` column: the finding's people as a JSON array, `[]` for none (most findings),
/// `[{"name":"Amina Yusuf","role":"journalist","role_class":"media_worker"},{"count":2,"role":"activist"}]`.
/// Written by hand into one reused buffer (analysis writes a few findings per article); read with
/// `JSONDecoder`, only for rows that name someone.
enum StoredPeople {
    static func encode(_ people: [PersonMention], into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "["))
        for (position, person) in people.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            var first = true
            func key(_ name: StaticString) {
                bytes.append(UInt8(ascii: first ? "{" : ","))
                first = false
                bytes.append(UInt8(ascii: "\""))
                name.withUTF8Buffer { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            }
            if let name = person.name { key("name"); string(name, into: &bytes) }
            if let role = person.role { key("role"); string(role, into: &bytes) }
            if let roleClass = person.roleClass { key("role_class"); string(roleClass, into: &bytes) }
            if let count = person.count { key("count"); bytes.append(contentsOf: String(count).utf8) }
            if first { bytes.append(UInt8(ascii: "{")) }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func string(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0 ..< 0x20: bytes.append(contentsOf: Array(String(format: "\\u%04x", Int(byte)).utf8))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private struct Stored: Decodable {
        var name: String?
        var role: String?
        var role_class: String?
        var count: Int?
    }

    /// The people of a stored column; none when it is not the JSON `encode` writes (a store edited
    /// by hand), as a finding without its people is still a finding.
    static func decode(_ column: String) -> [PersonMention] {
        guard column != "[]", let stored = try? JSONDecoder().decode([Stored].self, from: Data(column.utf8)) else { return [] }
        return stored.map { PersonMention(name: $0.name, role: $0.role, roleClass: $0.role_class, count: $0.count) }
    }
}
