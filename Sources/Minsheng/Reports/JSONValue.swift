/// A JSON value with ordered object keys, serialized compactly and deterministically.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Equal when the serialized text is equal.
    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// An optional string or null.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// An optional number or null.
    public static func optional(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }
    /// An optional integer or null.
    public static func optional(_ number: Int?) -> JSONValue { number.map { .number(Double($0)) } ?? .null }

    /// The JSON text, on one line, with `, ` and `: ` separators.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n):
            out += n.isFinite ? NumberText.format(n) : "null"
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += ", " }
                JSONValue.writeString(pair.0, to: &out)
                out += ": "
                pair.1.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += JSONString.literal(s)
    }
}
