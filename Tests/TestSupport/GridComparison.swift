import XLSXReader

/// A cell as the corpus oracles write it: `["n", 1.5]`, `["s", "text"]`, `["b", true]`,
/// `["e", "#N/A"]`, `["d", "2021-01-01T00:00:00"]`.
public enum OracleValue: Equatable, CustomStringConvertible, Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case error(String)
    case date(String)

    /// Decodes one oracle pair from JSON (as decoded by JSONSerialization).
    public init?(json: Any) {
        guard let pair = json as? [Any], pair.count == 2, let kind = pair[0] as? String else { return nil }
        switch kind {
        case "n":
            guard let n = (pair[1] as? NSNumberConvertible)?.doubleValue else { return nil }
            self = .number(n)
        case "s": self = .string(pair[1] as? String ?? "")
        case "b": self = .bool((pair[1] as? Bool) ?? false)
        case "e": self = .error(pair[1] as? String ?? "")
        case "d": self = .date(pair[1] as? String ?? "")
        default: return nil
        }
    }

    /// What our reader's cell value looks like in oracle form (nil: left out, as the oracles do).
    public init?(_ value: CellValue) {
        switch value {
        case .number(let n): self = .number(n)
        case .string(let s):
            if s.isEmpty { return nil }
            self = .string(s)
        case .bool(let b): self = .bool(b)
        case .error(let e): self = .error(e)
        case .date(let iso, _): self = .date(iso)
        case .formulaWithoutValue: return nil
        }
    }

    /// Equal, with numbers compared to a relative 1e-12. A date-only value (`2024-11-01`, how
    /// python-calamine shows a date without time) equals the same date at midnight
    /// (`2024-11-01T00:00:00`, how we and openpyxl show it).
    public func matches(_ other: OracleValue) -> Bool {
        if case .number(let a) = self, case .number(let b) = other {
            return abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
        }
        if case .date(let a) = self, case .date(let b) = other, a != b {
            return a == b + "T00:00:00" || b == a + "T00:00:00"
        }
        return self == other
    }

    public var description: String {
        switch self {
        case .number(let n): return "n \(n)"
        case .string(let s): return "s \(s.debugDescription)"
        case .bool(let b): return "b \(b)"
        case .error(let e): return "e \(e)"
        case .date(let d): return "d \(d)"
        }
    }
}

/// Numbers decoded by JSONSerialization, on every platform.
public protocol NSNumberConvertible { var doubleValue: Double { get } }

/// Compares two sparse grids and names the first mismatching cell (row-major), or nil when equal.
public func firstGridMismatch(ours: [String: OracleValue], theirs: [String: OracleValue]) -> String? {
    let keys = Set(ours.keys).union(theirs.keys).sorted { a, b in
        let ra = CellReference(a) ?? CellReference(row: 0, column: 0)
        let rb = CellReference(b) ?? CellReference(row: 0, column: 0)
        return ra < rb
    }
    for key in keys {
        switch (ours[key], theirs[key]) {
        case (let a?, let b?) where a.matches(b): continue
        case (let a, let b):
            return "\(key): ours \(a.map(\.description) ?? "empty"), peer \(b.map(\.description) ?? "empty")"
        }
    }
    return nil
}

/// Our reader's view of a sheet as an oracle grid.
public func oracleGrid(_ sheet: Sheet) -> [String: OracleValue] {
    var grid: [String: OracleValue] = [:]
    sheet.forEachCell { cell in
        if let value = OracleValue(cell.value) { grid[cell.reference.a1] = value }
    }
    return grid
}
