/// A rate column that names what it measures (工作量完成率, 资金到位率) when neither the target nor
/// the completed column is of that (年内计划投资 · 年内已累计投入资金): not their ratio, but a
/// figure of its own, shown as a note and not checked against them. A rate that names nothing
/// (完成率) or what they are of (投资完成率 beside 计划投资) is theirs.
enum RateSubject {
    /// What a rate header names, without its period and the words of a rate: 年内累计工作量完成率
    /// → 工作量; nil when nothing of two characters or more is left.
    static func subject(of header: String) -> String? {
        var text = HeaderVocabulary.measureStem(header)
        guard text.hasSuffix("率") else { return nil }
        for suffix in ["完成百分比", "完成比例", "完成率", "率"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        return text.count >= 2 ? text : nil
    }

    /// Turns the one rate column into a note when it names something its target and completed
    /// columns are not of.
    static func settle(_ columns: inout [LayoutColumn]) {
        let rates = columns.indices.filter { columns[$0].meaning == .value(.rate, area: nil) }
        guard rates.count == 1, let index = rates.first,
            let target = columns.first(where: { $0.meaning == .value(.target, area: nil) }),
            let completed = columns.first(where: { $0.meaning == .value(.completed, area: nil) }),
            let subject = subject(of: columns[index].header)
        else { return }
        let figures = HeaderText.normalize(target.header) + "|" + HeaderText.normalize(completed.header)
        // (Any two characters of it in theirs will do: 投资到位率 beside 计划投资.)
        let pairs = zip(subject, subject.dropFirst()).map { String([$0, $1]) }
        guard !pairs.contains(where: figures.contains) else { return }
        columns[index].meaning = .role(.note)
        columns[index].unit = nil
    }
}
