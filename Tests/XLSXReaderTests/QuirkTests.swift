import TestSupport
import Testing
import XLSXReader

/// One test per quirk of real files, each on a small workbook built from XML fragments.
struct QuirkTests {
    func read(_ builder: ZipBuilder, options: ReadOptions = ReadOptions()) throws -> Sheet {
        try Workbook(path: try builder.write(), options: options).sheet(at: 0)
    }

    @Test func skipsPhoneticRuns() throws {
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
                sharedStrings: ["<r><t>涡阳</t></r><r><t>县</t></r><rPh sb=\"0\" eb=\"2\"><t>guoyang</t></rPh><phoneticPr fontId=\"1\"/>"]))
        #expect(sheet.cell("A1")?.value == .string("涡阳县"))
    }

    @Test func concatenatesRichTextRuns() throws {
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
                sharedStrings: [#"<r><rPr><b/></rPr><t xml:space="preserve">年度 </t></r><r><t>目标</t></r>"#]))
        #expect(sheet.cell("A1")?.string == "年度 目标")
    }

    @Test func decodesX000DEscapesInSharedAndInlineStrings() throws {
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>完成_x000D_情况_x005F_x</t></is></c></row>"#,
                sharedStrings: ["年度_x000D_\n目标"]))
        #expect(sheet.cell("A1")?.string == "年度\r\n目标")
        #expect(sheet.cell("B1")?.string == "完成\r情况_x")
    }

    @Test func readsInlineStringsWithRichRuns() throws {
        let sheet = try read(
            .workbook(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><r><t>城镇</t></r><r><t>新增就业</t></r></is></c></row>"#))
        #expect(sheet.cell("A1")?.string == "城镇新增就业")
    }

    @Test func readsStringBooleanErrorAndISODateTypes() throws {
        let sheet = try read(
            .workbook(
                sheetData: """
                    <row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B1" t="b"><v>1</v></c>\
                    <c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="d"><v>2020-10-31T00:00:00</v></c></row>
                    """))
        #expect(sheet.cell("A1")?.value == .string("ab"))
        #expect(sheet.cell("B1")?.value == .bool(true))
        #expect(sheet.cell("C1")?.value == .error("#DIV/0!"))
        #expect(sheet.cell("D1")?.value == .date(iso: "2020-10-31T00:00:00", serial: nil))
    }

    @Test func readsCachedFormulaValuesAndReportsFormulasWithoutValue() throws {
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="2"><c r="F2"><f>D2/E2</f><v>1.3943</v></c><c r="G2"><f>SUM(A1:A3)</f></c></row>"#),
            options: { var o = ReadOptions(); o.keepFormulas = true; return o }())
        #expect(sheet.cell("F2")?.value == .number(1.3943))
        #expect(sheet.cell("F2")?.formula == "D2/E2")
        #expect(sheet.cell("G2")?.value == .formulaWithoutValue)
        #expect(sheet.cell("G2")?.hasFormula == true)
    }

    @Test func readsMergedRanges() throws {
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>"#,
                sheetExtra: #"<mergeCells count="2"><mergeCell ref="A1:G1"/><mergeCell ref="A3:A7"/></mergeCells>"#))
        #expect(sheet.mergedRanges.map(\.description) == ["A1:G1", "A3:A7"])
        #expect(sheet.mergedRange(containing: CellReference(row: 4, column: 0))?.description == "A3:A7")
    }

    @Test func readsSheetStates() throws {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let builder = ZipBuilder.workbook(
            sheetData: "",
            extra: [
                "xl/workbook.xml": """
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\(rel)"><sheets>\
                    <sheet name="草稿" sheetId="1" state="hidden" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId1"/>\
                    <sheet name="元数据" sheetId="3" state="veryHidden" r:id="rId1"/></sheets></workbook>
                    """
            ])
        let workbook = try Workbook(path: try builder.write())
        #expect(workbook.sheets.map(\.state) == [.hidden, .visible, .veryHidden])
        #expect(workbook.sheets.map(\.name) == ["草稿", "数据", "元数据"])
    }

    @Test func readsDatesInBothSystems() throws {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        let data = #"<row r="1"><c r="A1" s="1"><v>44197</v></c></row>"#
        let sheet1900 = try read(.workbook(sheetData: data, styles: styles))
        #expect(sheet1900.cell("A1")?.value == .date(iso: "2021-01-01", serial: 44197))
        let sheet1904 = try read(
            .workbook(sheetData: #"<row r="1"><c r="A1" s="1"><v>42735</v></c></row>"#, styles: styles,
                workbookExtra: #"<workbookPr date1904="1"/>"#))
        #expect(sheet1904.cell("A1")?.value == .date(iso: "2021-01-01", serial: 42735))
    }

    @Test func readsADateFormattedNumberNoDateCanHoldAsANumber() throws {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1" s="1"><v>1e300</v></c><c r="B1" s="1"><v>-5</v></c><c r="C1" s="1"><v>2958465</v></c></row>"#,
                styles: styles))
        #expect(sheet.cell("A1")?.value == .number(1e300))
        #expect(sheet.cell("B1")?.value == .number(-5))
        #expect(sheet.cell("C1")?.value == .date(iso: "9999-12-31", serial: 2_958_465))
    }

    @Test func classifiesPercentAndDateFormats() throws {
        let styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
            """
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1"><v>3</v></c><c r="B1" s="1"><v>1.39</v></c><c r="C1" s="2"><v>0.955</v></c><c r="D1" s="3"><v>44135</v></c></row>"#,
                styles: styles))
        #expect(sheet.cell("A1")?.format.kind == .number)
        #expect(sheet.cell("B1")?.format.kind == .percent(decimals: 0))
        #expect(sheet.cell("B1")?.value == .number(1.39))
        #expect(sheet.cell("C1")?.format.kind == .percent(decimals: 1))
        #expect(sheet.cell("D1")?.value == .date(iso: "2020-10-31", serial: 44135))
    }

    @Test func placesCellsAndRowsWithoutReferences() throws {
        let sheet = try read(
            .workbook(
                sheetData: """
                    <row><c t="inlineStr"><is><t>序号</t></is></c><c t="inlineStr"><is><t>项目</t></is></c></row>\
                    <row><c><v>1</v></c><c r="C2"><v>3</v></c><c><v>4</v></c></row>
                    """))
        #expect(sheet.cell("A1")?.string == "序号")
        #expect(sheet.cell("B1")?.string == "项目")
        #expect(sheet.cell("A2")?.number == 1)
        #expect(sheet.cell("C2")?.number == 3)
        #expect(sheet.cell("D2")?.number == 4)
    }

    @Test func matchesElementsByLocalNameWithAnyPrefix() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheet = try read(
            .workbook(
                sheetData: "",
                extra: [
                    "xl/worksheets/sheet1.xml": """
                        <x:worksheet xmlns:x="\(main)"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>\
                        <x:c r="B1"><x:v>8300</x:v></x:c></x:row></x:sheetData></x:worksheet>
                        """,
                    "xl/sharedStrings.xml": "<s:sst xmlns:s=\"\(main)\"><s:si><s:t>涡阳县</s:t></s:si></s:sst>",
                ]))
        #expect(sheet.cell("A1")?.string == "涡阳县")
        #expect(sheet.cell("B1")?.number == 8300)
    }

    @Test func followsStrictNamespacesAndAbsoluteBackslashedTargets() throws {
        let strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
        var builder = ZipBuilder()
        builder.add(
            "_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"\(strictRel)/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>")
        builder.add(
            "xl/workbook.xml",
            "<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" xmlns:r=\"\(strictRel)\"><sheets><sheet name=\"任务\" sheetId=\"7\" r:id=\"r9\"/></sheets></workbook>")
        builder.add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r9\" Type=\"\(strictRel)/worksheet\" Target=\"\\xl\\worksheets\\data.xml\"/><Relationship Id=\"r2\" Type=\"\(strictRel)/sharedStrings\" Target=\"/xl/strings.xml\"/></Relationships>")
        builder.add(
            "xl/worksheets/data.xml",
            "<worksheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>")
        builder.add("xl/strings.xml", "<sst xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><si><t>民生</t></si></sst>")
        let sheet = try read(builder)
        #expect(sheet.name == "任务")
        #expect(sheet.cell("A1")?.string == "民生")
    }

    @Test func ignoresLyingDimension() throws {
        let small = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="E9"><v>2</v></c></row>"#,
                extra: [:]))
        #expect(small.size.rows == 9 && small.size.columns == 5)
        let huge = try read(
            .workbook(
                sheetData: "",
                extra: [
                    "xl/worksheets/sheet1.xml": """
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/>\
                        <sheetData><row r="2"><c r="B2"><v>5</v></c></row></sheetData></worksheet>
                        """
                ]))
        #expect(huge.cellCount == 1)
        #expect(huge.size.rows == 2 && huge.size.columns == 2)
    }

    @Test func sortsRowsWrittenOutOfOrderAndKeepsTheLastDuplicate() throws {
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>0</v></c></row><row r="3"><c r="A3"><v>33</v></c></row>"#))
        #expect(sheet.cells.map(\.reference.a1) == ["A1", "B1", "A3"])
        #expect(sheet.cell("A3")?.number == 33)
    }

    @Test func skipsUnknownPartsAndRelationships() throws {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1" t="str"><f>_xlfn.DISPIMG("ID_1",1)</f><v>=DISPIMG("ID_1",1)</v></c></row>"#,
                extra: [
                    "xl/_rels/workbook.xml.rels": """
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
                        <Relationship Id="rId9" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/>\
                        <Relationship Id="rId8" Type="\(rel)/pivotCacheDefinition" Target="pivotCache/missing.xml"/></Relationships>
                        """,
                    "xl/cellimages.xml": "<etc:cellImages xmlns:etc=\"http://www.wps.cn/officeDocument/2017/etCustomData\"/>",
                ]))
        #expect(sheet.cell("A1")?.string == "=DISPIMG(\"ID_1\",1)")
    }

    @Test func trimsUnpreservedWhiteSpaceAndKeepsPreserved() throws {
        let sheet = try read(
            .workbook(
                sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#,
                sharedStrings: ["  涡阳县\n", #"<t xml:space="preserve">  蒙城县 </t>"#]))
        #expect(sheet.cell("A1")?.string == "涡阳县")
        #expect(sheet.cell("B1")?.string == "  蒙城县 ")
    }

    @Test func treatsAnEmptySharedStringValueAsAnEmptyCell() throws {
        let sheet = try read(
            .workbook(sheetData: #"<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v>0</v></c></row>"#, sharedStrings: ["x"]))
        #expect(sheet.cell("A1") == nil)
        #expect(sheet.cellCount == 1)
    }
}
