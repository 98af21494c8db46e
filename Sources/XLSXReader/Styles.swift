/// Reads `xl/styles.xml`: the number format of each cell format (`<cellXfs>`), which is what a
/// cell's `s=` attribute indexes.
final class StylesHandler: XMLHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    /// The number format of each cell format index.
    var cellFormats: [NumberFormat] {
        var cache: [Int: NumberFormat] = [:]
        return formatIDs.map { id in
            if let known = cache[id] { return known }
            let format = customFormats[id].map(NumberFormat.init(code:)) ?? NumberFormat(builtinID: id)
            cache[id] = format
            return format
        }
    }

    override func start(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let local = localName(name)
        if nameIs(local, "xf") {
            if inCellFormats {
                var id = 0
                forEachAttribute(attributes) { name, value in
                    if nameIs(name, "numFmtId") { id = parseDigits(value) ?? 0 }
                }
                formatIDs.append(id)
            }
        } else if nameIs(local, "numFmt") {
            if let id = attribute(attributes, "numFmtId").flatMap(Int.init),
                let code = attribute(attributes, "formatCode")
            {
                customFormats[id] = code
            }
        } else if nameIs(local, "cellXfs") {
            inCellFormats = true
        }
    }

    override func end(_ name: UnsafePointer<CChar>) {
        let local = localName(name)
        if nameIs(local, "cellXfs") {
            inCellFormats = false
        }
    }
}
