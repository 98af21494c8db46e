/// The words values and prose breakdowns are read with, from the engine's data files: the
/// quantity words (`quantities.json`) and the endings of area names (`headers.json`). Passed
/// down from the engine with the header words (`HeaderVocabulary.valueWords`) and kept by each
/// table read (`RecognizedTable.words`); there is no global copy.
struct ValueWords: Sendable {
    /// 不少于, 以上, 约, ——, 应保尽保 …
    var quantities: QuantityWords
    /// 县, 区, 高新区, 市本级, 镇 …
    var areas: AreaEndings

    /// Creates one from its parts.
    init(quantities: QuantityWords, areas: AreaEndings) {
        self.quantities = quantities
        self.areas = areas
    }
}
