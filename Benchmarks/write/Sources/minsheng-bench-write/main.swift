// Writes the same 进度汇总-like sheet as bench_write.c through the Swift XLSXWriter API.
// usage: minsheng-bench-write OUT.xlsx [ROWS]
import Foundation
import XLSXWriter

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: minsheng-bench-write OUT.xlsx [ROWS]\n".utf8))
    exit(2)
}
let rows = arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000
let categories = ["就业创业", "社会保障", "教育", "医疗卫生", "住房保障", "交通", "养老服务", "文化体育"]
let units = ["人", "户", "个", "公里", "万元", "处", "套"]
let leads = ["人社局", "农业农村局", "住建局", "交通运输局", "卫健委", "民政局", "教体局"]
let states = ["正常", "滞后", "已完成", "超额完成"]

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}

do {
    let book = try XLSXWorkbook(path: arguments[1])
    try book.setProperties(DocumentProperties(title: "民生实事进展情况", created: Date(timeIntervalSince1970: 1_600_000_000)))
    let sheet = try book.addWorksheet("进度汇总")
    var headerSpec = CellFormat()
    headerSpec.bold = true
    headerSpec.fill = 0xDDEBF7
    headerSpec.border = .thin
    headerSpec.horizontal = .center
    var textSpec = CellFormat()
    textSpec.border = .thin
    var numberSpec = textSpec
    numberSpec.numberFormat = "#,##0.##"
    var percentSpec = textSpec
    percentSpec.numberFormat = "0.0%"
    let header = book.format(headerSpec)
    let text = book.format(textSpec)
    let number = book.format(numberSpec)
    let percent = book.format(percentSpec)
    let headers = ["序号", "类别", "项目", "指标", "单位", "年度目标", "完成数", "完成率", "序时进度", "状态", "责任单位", "来源"]
    for (c, h) in headers.enumerated() { try sheet.write(h, row: 0, column: c, format: header) }
    for i in 1...rows {
        let target = Double((i * 7919) % 20000 + 1)
        let done = Double((i * 104_729) % 25000)
        try sheet.write(Double(i), row: i, column: 0, format: text)
        try sheet.write(categories[i % 8], row: i, column: 1, format: text)
        try sheet.write("民生实事项目" + pad(i % 40, 2), row: i, column: 2, format: text)
        try sheet.write("城镇新增就业指标\(i % 100)", row: i, column: 3, format: text)
        try sheet.write(units[i % 7], row: i, column: 4, format: text)
        try sheet.write(target, row: i, column: 5, format: number)
        try sheet.write(done, row: i, column: 6, format: number)
        try sheet.writeFormula("=IFERROR(G\(i + 1)/F\(i + 1),\"\")", row: i, column: 7, cachedNumber: done / target, format: percent)
        try sheet.write(0.8328767123287671, row: i, column: 8, format: percent)
        try sheet.write(states[i % 4], row: i, column: 9, format: text)
        try sheet.write(leads[i % 7], row: i, column: 10, format: text)
        try sheet.write("报送" + pad(i % 500, 3) + ".xlsx!E\(i % 60 + 4)", row: i, column: 11, format: text)
    }
    sheet.freezePanes(row: 1, column: 0)
    try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: rows, lastColumn: 11)
    var red = CellFormat()
    red.fontColor = 0x9C0006
    try sheet.conditionalFormat(firstRow: 1, firstColumn: 7, lastRow: rows, lastColumn: 7, .formula("=AND(ISNUMBER($H2),$H2<$I2)", red))
    try book.close()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
