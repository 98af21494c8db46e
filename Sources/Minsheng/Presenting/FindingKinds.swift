/// What a finding code means to a person: a short Chinese name (the page's 类别 column and filter,
/// the findings workbook) and one sentence saying what it is and what to do. The README's table of
/// findings and `minsheng explain` print the same words.
///
/// ```swift
/// FindingKind(.totalMismatch).name          // 合计与县区之和不符
/// FindingKind(.totalMismatch).explanation   // 市级合计与各县区数字之和不一致：……
/// ```
public struct FindingKind: Sendable, Hashable {
    /// The code.
    public var code: FindingCode
    /// The short name (at most about eight characters).
    public var name: String
    /// One sentence: what was found and what to do.
    public var explanation: String

    /// The kind of `code`.
    init(_ code: FindingCode) {
        self.code = code
        (name, explanation) = Self.words(code)
    }

    /// Every kind, in the order of `FindingCode.allCases`.
    public static var all: [FindingKind] { FindingCode.allCases.map(FindingKind.init) }

    /// `{"total-mismatch": {"name": …, "explanation": …}, …}` for the page.
    public static func jsonValue() -> JSONValue {
        .object(all.map { ($0.code.rawValue, .object([("name", .string($0.name)), ("explanation", .string($0.explanation))])) })
    }

    // swift-format-ignore
    static func words(_ code: FindingCode) -> (String, String) {
        switch code {
        case .totalMismatch:
            return ("合计与县区之和不符", "市级合计目标与各县区目标之和不一致：核对合计行的公式或各县区的数字，改正后重新报送。")
        case .completedTotalMismatch:
            return ("完成合计不符", "市级完成数与各县区完成数之和不一致：核对合计行的公式或各县区的完成数。")
        case .rateMismatch:
            return ("完成率算错", "报送的完成率与“完成数 ÷ 目标”不一致：按单元格核对完成数、目标和完成率，改正算错的那个。")
        case .negativeValue:
            return ("负数", "目标或完成数是负数：多半是录入错误，请改为正确的数字。")
        case .targetChanged:
            return ("目标被改动", "报回的目标与下达的分解表（或上期）不一致：目标不应由县区改动，请按分解表改回，或说明调整依据。")
        case .unparsedValue:
            return ("不是数字", "数字列中写了无法识别为数量的文字：改为数字（备注写到备注列），否则这一格无法核对和汇总。")
        case .duplicateItem:
            return ("重复项目", "同一项目同一指标出现了两次：删去重复的一行，或把指标名改得能区分开。")
        case .missingTarget:
            return ("缺少目标", "有完成数却没有目标：补上年度目标，否则无法计算完成率。")
        case .breakdownIncomplete:
            return ("县区完成未填", "某县区有目标但完成数空着，市级完成合计因此无法核对：请该县区补填完成数（没有进展填 0）。")
        case .behindSchedule:
            return ("滞后于序时进度", "完成率低于截至日期的序时进度：提醒责任单位加快进度，或核实完成数是否漏报。")
        case .formulaWithoutValue:
            return ("公式没有结果", "单元格是公式但文件里没有保存计算结果：用 Excel/WPS 打开、重新计算并保存后再报送。")
        case .missingSubmission:
            return ("县区未报送", "分解表中的这个县区没有报回表格：催报，或确认文件名/表头中是否写明了县区。")
        case .unknownArea:
            return ("不认识的县区", "表格中的县区不在分解表中：核对县区名称是否写错，或是否用错了模板。")
        case .planMismatch:
            return ("模板不匹配", "报回的表格是由另一张分解表或另一版模板生成的，未汇总：请县区用这次下发的模板重新填报。")
        case .duplicateSubmission:
            return ("重复报送", "同一县区报回了两份表格：采用了填得多的那份，请确认哪份是最终版并删去另一份。")
        case .unknownItem:
            return ("分解表中没有的项目", "报回表格中有分解表没有的项目行，未汇总：核对是否新增或改名了项目。")
        case .completedDecreased:
            return ("累计完成比上期少", "累计完成数比上期还少：累计数不应减少，核对本期或上期是否填错（也请确认本期、上期文件没有放反）。")
        case .itemDropped:
            return ("项目被删掉", "上期有的项目本期不见了：确认是否漏报或被删除。")
        case .areaMismatch:
            return ("汇总与县区报表不符", "手工汇总表中某县区的数字与该县区自己报送的不一致：以县区报表为准核对汇总表，或请县区确认。")
        case .conflictingValues:
            return ("数字互相矛盾", "两份表格对同一项目给出不同的数字（又不是先后两期）：确认哪份正确，删去或改正另一份。")
        case .previousMismatch:
            return ("上期表格对不上", "上期报表中找不到本期的项目：确认选的是同一套表格的上一期。")
        case .incompleteWorkbook:
            return ("工作簿不完整", "工作簿列出的某个工作表内容缺失，其余已读取：请重新保存或重新导出文件后再报送。")
        case .emptyReturn:
            return ("空表", "报回的表格一个完成数都没有填：请该县区填好后重新报送。")
        case .missingItem:
            return ("漏报项目", "分解表中该县区有任务的项目，报回表格中没有：请该县区补报。")
        case .implausibleValue:
            return ("数字可疑", "完成数超过目标 3 倍或完成率超过 300%：多半是单位或小数点写错了，请核实。")
        case .unitMismatch:
            return ("单位不符", "数量列中写了百分数，或百分比列中写了数量：核对这一格填的是哪一个数。")
        case .unreadRow:
            return ("未读取的行", "这一行填了数字，却没有项目或指标名称，没有读成项目、也没有核对：补上名称，或确认它不是项目（如备注行）。")
        case .doubtfulReading:
            return ("读法存疑", "按表头能读出的每种读法，多数完成率和合计都对不上：先看报告中的读法是否读错了列，必要时保存读法、改正后用版式文件重新核对。")
        }
    }
}
