/// Texts derived from long cell texts, computed once per distinct stored string rather than once
/// per cell: a workbook can point thousands of cells at one long shared string, and the cells'
/// strings then share one storage. Keyed by that storage; each entry keeps its source alive, so a
/// key can never be reused by another string while the memo lives. Short texts (the usual case)
/// are derived directly.
final class TextMemo<Value> {
    private struct Key: Hashable {
        var base: UInt
        var count: Int
    }

    private var entries: [Key: (source: String, value: Value)] = [:]

    /// `derive(text)`, from the memo when this storage was seen before.
    func value(_ text: String, _ derive: (String) -> Value) -> Value {
        guard text.utf8.count >= textMemoThreshold else { return derive(text) }
        var source = text
        let key = source.withUTF8 { Key(base: UInt(bitPattern: $0.baseAddress), count: $0.count) }
        if let hit = entries[key] { return hit.value }
        let value = derive(source)
        entries[key] = (source, value)
        return value
    }
}

/// Texts shorter than this (in UTF-8 bytes) are derived every time, not memoized.
let textMemoThreshold = 256
