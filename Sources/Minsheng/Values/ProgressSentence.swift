import Foundation

/// The figures a progress sentence states of itself: `完成330个,完成率101.54%` — what has been
/// done and its rate, written where a figure belongs. Only a sentence that begins with what was
/// done (完成 / 已完成 / 累计完成, the name of what is counted at most, and a number: 完成筛查人数
/// 3495人), after a status at most (已完成。), and states its rate (完成率, 完成进度, 完成比例) is
/// read, and only when it states one such figure: a narrative (新开工改造城镇老旧小区42个,更新老旧
/// 住宅电梯30部…, 完成41座小型病险水库除险加固) is left as words.
enum ProgressSentence {
    /// The completion (`330个`) and the rate (`101.54%`) as written.
    struct Figures: Equatable {
        var completed: String
        var rate: String
    }

    private static let completion = try? NSRegularExpression(
        pattern: #"^(?:[^0-9。，,;；]{1,6}[。，,;；]\s*)?(累计|已经|已|共)?完成(了)?(?!率|进度|比例)(?:[^0-9,，;；。、%(（)）完]{0,6}?)([0-9]+(\.[0-9]+)?万?[^0-9,，;；。、%]{0,4})"#)
    private static let rate = try? NSRegularExpression(pattern: #"完成(?:率|进度|比例)(为|达|达到)?([0-9]+(\.[0-9]+)?%)"#)
    private static let anotherCompletion = try? NSRegularExpression(pattern: #"[,，;；。、]\s*(累计|已)?完成(?!率)[了]?[0-9]"#)

    /// The figures of `text`; nil when it is no such sentence.
    static func figures(_ text: String) -> Figures? {
        guard text.utf8.count <= 240 else { return nil }
        let folded = HeaderText.normalize(text)
        guard folded.utf8.count <= 120, let completion, let rate, let anotherCompletion else { return nil }
        let ns = folded as NSString
        let whole = NSRange(location: 0, length: ns.length)
        guard let done = completion.firstMatch(in: folded, range: whole),
            anotherCompletion.firstMatch(in: folded, range: whole) == nil
        else { return nil }
        // (What was done without its rate is a narrative's figure: 完成41座小型病险水库除险加固.)
        guard let stated = rate.firstMatch(in: folded, range: whole) else { return nil }
        return Figures(completed: ns.substring(with: done.range(at: 3)), rate: ns.substring(with: stated.range(at: 2)))
    }
}
