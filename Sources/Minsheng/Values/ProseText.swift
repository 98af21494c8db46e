/// Tells a target written as a sentence (`围绕重点民生食品，开展食品安全“你点我检”200批次。`) — a
/// descriptive target, never a finding — from a figure that could not be read (`见附件`,
/// `8300人以上？？`), which is an `unparsed-value`.
enum ProseText {
    /// Whether `text` is prose: at least 12 characters of which at least 6 are Chinese, or a
    /// sentence with Chinese punctuation (，。；：).
    static func isProse(_ text: String) -> Bool {
        // (Its beginning decides: a text of megabytes is not walked whole.)
        let scalars = text.unicodeScalars.prefix(512).filter { !$0.properties.isWhitespace }
        let chinese = scalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        if scalars.count >= 12 && chinese >= 6 { return true }
        return chinese >= 4 && scalars.contains(where: { "，。；：".unicodeScalars.contains($0) })
    }
}
