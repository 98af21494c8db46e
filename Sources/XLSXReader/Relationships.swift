/// One `<Relationship>` of a `.rels` part.
struct Relationship: Sendable {
    var id: String
    /// The relationship type, an open string (WPS and others add their own).
    var type: String
    /// The target resolved to a normalized part name.
    var target: String
    var isExternal: Bool

    /// Whether the type ends with `/suffix` (matches transitional and Strict namespaces alike).
    func hasType(_ suffix: String) -> Bool {
        type.hasSuffix("/" + suffix)
    }
}

/// Reads a `.rels` part and resolves targets against the folder of the part it belongs to.
final class RelationshipsHandler: XMLHandler {
    private let baseFolder: String
    private(set) var relationships: [Relationship] = []

    init(sourcePart: String) {
        let normalized = Archive.normalize(sourcePart)
        if let slash = normalized.lastIndex(of: "/") {
            baseFolder = String(normalized[..<slash])
        } else {
            baseFolder = ""
        }
    }

    override func start(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        guard nameIs(localName(name), "Relationship") else { return }
        let id = attribute(attributes, "Id") ?? ""
        let type = attribute(attributes, "Type") ?? ""
        let rawTarget = attribute(attributes, "Target") ?? ""
        let external = attribute(attributes, "TargetMode") == "External"
        relationships.append(
            Relationship(id: id, type: type, target: resolve(rawTarget), isExternal: external))
    }

    private func resolve(_ target: String) -> String {
        let slashed = target.replacingBackslashes()
        if slashed.hasPrefix("/") || baseFolder.isEmpty {
            return Archive.normalize(slashed)
        }
        return Archive.normalize(baseFolder + "/" + slashed)
    }

    /// The `.rels` part that describes `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
    static func relsPart(for part: String) -> String {
        let normalized = Archive.normalize(part)
        guard let slash = normalized.lastIndex(of: "/") else { return "_rels/\(normalized).rels" }
        let folder = normalized[..<slash]
        let file = normalized[normalized.index(after: slash)...]
        return "\(folder)/_rels/\(file).rels"
    }

    /// Reads the relationships of `part`; an absent `.rels` part gives none.
    static func read(for part: String, in archive: Archive) throws(XLSXError) -> [Relationship] {
        let rels = part.isEmpty ? "_rels/.rels" : relsPart(for: part)
        guard archive.contains(part: rels) else { return [] }
        let handler = try XMLStream.read(part: rels, in: archive, tokenizer: archive.options.tokenizer) {
            RelationshipsHandler(sourcePart: part)
        }
        return handler.relationships
    }
}
