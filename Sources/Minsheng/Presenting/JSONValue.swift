/// A JSON value with ordered object keys, serialized compactly and deterministically.
///
/// (Not `indirect`: arrays and objects hold their elements in their own buffers already, and a
/// box for every value made a report of a file a hundred allocations to make and free.)
public enum JSONValue: Sendable, Equatable {
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
    static func optional(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }
    /// An optional integer or null.
    public static func optional(_ number: Int?) -> JSONValue { number.map { .number(Double($0)) } ?? .null }

    /// The JSON text, on one line, with `, ` and `: ` separators.
    public func serialized() -> String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text's UTF-8 bytes to `out` (no intermediate strings).
    func write(into out: inout [UInt8]) {
        switch self {
        case .null: Self.append("null", to: &out)
        case .bool(let b): Self.append(b ? "true" : "false", to: &out)
        case .number(let n):
            if n.isFinite {
                var text = NumberText.format(n)
                text.withUTF8 { out.append(contentsOf: $0) }
            } else {
                Self.append("null", to: &out)
            }
        case .string(let s): JSONString.append(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { Self.append(", ", to: &out) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { Self.append(", ", to: &out) }
                JSONString.append(pair.0, to: &out)
                Self.append(": ", to: &out)
                pair.1.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a literal's bytes from where they are stored (a `String`'s `utf8` view was
    /// appended through the generic sequence path, dearer than the report's own work).
    @inline(__always)
    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
