import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX parsing of the few SpreadsheetML parts the reader needs, with the checks untrusted XML needs.
///
/// Foundation's `XMLParser` (libxml2 on Linux) is used with external entities off, but a DOCTYPE is
/// refused in the bytes before the parser sees them (``XlsxPartInputStream``): internal entities ("billion laughs") are expanded whatever
/// that flag says, and no workbook part ever declares one. Element names are compared without
/// their prefix because writers differ (`<sheet>` from Excel, `<x:sheet>` from the OpenXML SDK).
enum XlsxXML {
    /// Refuses a part that is not in an ASCII-compatible encoding (in UTF-16 or UTF-7 the byte
    /// search for `<!DOCTYPE` would not see it), from its first 256 bytes.
    static func checkHead(_ head: UnsafeBufferPointer<UInt8>, part: String, path: String) throws {
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.prefix(4).contains(0) {
            throw XlsxReadError.unsupportedEncoding(path: path, part: part, encoding: "UTF-16 or UTF-32")
        }
        let declaration = String(decoding: head, as: UTF8.self)
        if declaration.hasPrefix("<?xml") || declaration.hasPrefix("\u{FEFF}<?xml"),
           let end = declaration.range(of: "?>"),
           let encoding = declaration[..<end.lowerBound].range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) {
            let value = declaration[encoding].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init) ?? ""
            let allowed = ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252"]
            guard allowed.contains(value.lowercased()) else {
                throw XlsxReadError.unsupportedEncoding(path: path, part: part, encoding: value)
            }
        }
    }

    /// Parses `part` of `archive` with `handler`, streaming it into the parser a chunk at a time
    /// (bounded memory, whatever the part's size), turning parser failures into
    /// ``XlsxReadError/malformedXML(path:part:line:reason:)`` and rethrowing what the handler or
    /// the stream (a limit, damage, a DOCTYPE) stopped it with.
    static func parse(_ archive: XlsxArchive, part: String, with handler: XlsxPartHandler) throws {
        let reader = try archive.reader(of: part)
        let stream = XlsxPartInputStream(reader: reader, part: part, path: archive.display)
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        let success = parser.parse()
        if let error = stream.failure { throw error }
        if let error = handler.failure { throw error }
        // swift-corelibs-foundation's XMLParser lets libxml2 recover from mismatched tags and then
        // returns true with parserError set, so both are checked.
        guard success, parser.parserError == nil, handler.parseErrorLine == nil else {
            let reason = XlsxXML.describe(parser.parserError)
            throw XlsxReadError.malformedXML(path: archive.display, part: part, line: handler.parseErrorLine ?? parser.lineNumber, reason: reason)
        }
        archive.didUnpack(reader)
    }

    /// A readable reason: corelibs' XMLParser errors carry only libxml2's code.
    static func describe(_ error: Error?) -> String {
        guard let code = (error as NSError?)?.code else { return "the parser stopped" }
        let known = [4: "the document is empty or does not start with an element", 5: "the document ends before its elements are closed",
                     9: "an invalid character", 26: "an undeclared entity", 41: "a malformed attribute", 64: "a malformed XML declaration",
                     73: "a '>' is missing", 76: "an end tag does not match its start tag"]
        return (known[code] ?? "libxml2 error") + " (XML error \(code))"
    }

    /// `x:sheet` → `sheet`.
    static func localName(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return Substring(name)
    }
}

/// Base of the part handlers: keeps the first error and stops the parser on it.
///
/// The delegate methods are declared here and overridden below: on Linux there is no Objective-C
/// runtime, so a method that only a subclass declares is never found through the protocol and
/// `XMLParser` would silently call the empty default instead.
class XlsxPartHandler: NSObject, XMLParserDelegate {
    private(set) var failure: XlsxReadError?
    /// Where libxml2 first reported an error; parsing stops there.
    private(set) var parseErrorLine: Int?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {}

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {}

    func parser(_ parser: XMLParser, foundCharacters string: String) {}

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {}

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if parseErrorLine == nil { parseErrorLine = parser.lineNumber }
        parser.abortParsing()
    }

    func fail(_ error: XlsxReadError, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }
}

/// `<Relationship Id="rId1" Type="…/worksheet" Target="worksheets/sheet1.xml"/>` of a `.rels` part.
final class XlsxRelationshipsHandler: XlsxPartHandler {
    struct Relationship {
        var type: String
        var target: String
        var isExternal: Bool
    }

    private(set) var relationships: [String: Relationship] = [:]

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard XlsxXML.localName(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships[id] = Relationship(type: attributes["Type"] ?? "", target: target,
                                         isExternal: attributes["TargetMode"]?.lowercased() == "external")
    }

    /// The first relationship whose type ends with `/suffix` (transitional and strict OOXML differ in the prefix).
    func first(ofType suffix: String) -> Relationship? {
        relationships.sorted { $0.key < $1.key }.first { $0.value.type.hasSuffix("/" + suffix) }?.value
    }
}

/// `<sheet name="Findings" sheetId="1" r:id="rId1"/>` of `xl/workbook.xml`, in tab order.
final class XlsxWorkbookHandler: XlsxPartHandler {
    private(set) var sheets: [(name: String, relationship: String)] = []

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard XlsxXML.localName(elementName) == "sheet", let name = attributes["name"] else { return }
        // The relationship attribute is `r:id` in practice, but the prefix is the writer's choice.
        let relationship = attributes.first { $0.key != "sheetId" && XlsxXML.localName($0.key) == "id" && $0.key.contains(":") }?.value
        sheets.append((name, relationship ?? ""))
    }
}

/// The `<si>` items of `xl/sharedStrings.xml`: plain `<t>` or rich-text runs `<r><t>`, concatenated;
/// phonetic guides `<rPh>` (furigana) are not part of the value and are skipped.
final class XlsxSharedStringsHandler: XlsxPartHandler {
    private(set) var strings: [String] = []
    private let part: String
    private let path: String
    private let maxBytes: Int
    private var current: String?
    private var text = ""
    private var inText = false
    private var phoneticDepth = 0

    init(part: String, path: String, maxBytes: Int) {
        self.part = part
        self.path = path
        self.maxBytes = maxBytes
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XlsxXML.localName(elementName) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t" where current != nil && phoneticDepth == 0: inText = true; text = ""
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) { append(string, parser) }

    override func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { append(String(decoding: CDATABlock, as: UTF8.self), parser) }

    private func append(_ string: String, _ parser: XMLParser) {
        guard inText else { return }
        text += string
        if text.utf8.count + (current?.utf8.count ?? 0) > maxBytes {
            fail(.cellTooLarge(path: path, part: part, cell: "shared string \(strings.count)", limit: maxBytes), parser)
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XlsxXML.localName(elementName) {
        case "t" where inText: current? += text; inText = false
        case "rPh": phoneticDepth -= 1
        case "si":
            strings.append(current ?? "")
            current = nil
        default: break
        }
    }
}
