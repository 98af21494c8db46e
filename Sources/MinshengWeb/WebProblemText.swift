import Minsheng

/// The page's hints on the library's words: what a clerk can do on the page, never a flag.
enum PageHints {
    /// The hints of the page and its API.
    static let hints = FrontEndHints(finding: { finding in
        finding.code == .doubtfulReading ? "：请对照页面上显示的前几行，看各列读得对不对" : nil
    })
}

extension CheckReport {
    /// The report's JSON as the page and its API answer it: with the page's hints.
    func pageJSON(previews: Bool = false) -> JSONValue {
        var paged = self
        paged.hints = PageHints.hints
        return paged.jsonValue(previews: previews)
    }
}

extension WebProblem: CustomStringConvertible {
    /// The sentence for people, as the page shows it.
    public var description: String {
        switch self {
        case .asOfFormat(let given): return "截至日期应为 YYYY-MM-DD 格式，例如 2023-10-31（收到的是“\(given)”）"
        case .asOfYear(let given): return "截至日期 \(given) 不是一个可能的报送日期：年份应在 2000 到 2100 之间"
        case .noFiles: return "没有收到文件：请至少选择一个 .xlsx 文件再提交"
        case .oneFileOnly(let what, let count): return "\(what)只能选一个文件（收到了 \(count) 个）"
        case .noPlanToSplit: return "没有收到分解表：请选择一个目标任务分解表（.xlsx）再提交"
        case .noPlanToCollect: return "没有收到分解表：请在“分解表”中选择拆分模板时用的目标任务分解表"
        case .noReturns: return "没有收到报回的表格：请选择各县区报回的 .xlsx 文件"
        case .noSummary: return "没有收到汇总表：请在“汇总表”中选择手工汇总的、有各县区列的表格"
        case .noAreaReturns: return "没有收到各县区的报表：请选择各县区自己报送的 .xlsx 文件"
        case .notMultipart: return "请求格式不对：应以 multipart/form-data 上传文件"
        case .badBoundary: return "请求格式不对：multipart 分隔符无效"
        case .malformedMultipart(let sentence): return sentence
        case .fieldTooLong(let name): return "字段“\(name)”太长"
        case .tooManyFiles(let limit): return "一次最多上传 \(limit) 个文件"
        case .noteRequired: return "退回时请写明原因（note），县区会在报送页面上看到"
        case .noRoundPlan: return "没有收到分解表：请选择这一轮要下发的目标任务分解表（.xlsx）"
        case .periodRequired: return "请填写报送期间，例如 1-9月"
        case .deadlineFormat(let given): return "截止日期应为 YYYY-MM-DD 格式，例如 2026-10-10（收到的是“\(given)”）"
        case .noReturnFile: return "没有收到文件：请选择本县区填好的 .xlsx 表格"
        case .oneReturnOnly(let count): return "一次只能报送一个文件（收到了 \(count) 个）"
        case .tokenRequired: return "需要访问令牌：请使用管理员提供的带 token 的链接打开本页"
        case .noSuchRound: return "没有这个报送轮次"
        case .noSuchArea: return "没有这个县区"
        case .invalidLink: return "这个报送链接无效或已停用：请向财政局（民生办）索取本县区最新的报送链接"
        case .noSuchAddress: return "没有这个地址"
        case .methodNotAllowed: return "这个地址不接受这种请求方法"
        case .round(let failure): return failure.description
        case .tooLarge(let maxBytes): return "上传的文件总共超过 \(maxBytes / (1024 * 1024)) MB，请分批上传"
        case .input(let error): return PageHints.hints.text(of: error)
        case .unusableFile(let what, let label, let kind): return "\(what)“\(label)”无法使用：\(kind)"
        case .unusableReturn(let label, let kind): return "“\(label)”无法报送：\(kind)"
        case .nothingRead(let job, let count, let names):
            let list = names.prefix(3).joined(separator: "、") + (names.count > 3 ? "等" : "")
            return "没有可\(job)的表格：上传的 \(count) 个文件（\(list)）都没有读取，所以没有生成工作簿。各文件的原因："
        case .wrongField(let file, let what, let instead):
            return "“\(file)”没有各县区的列或分解，看起来是某个县区报回的表格或一张进展表，不是\(what)：\(instead)"
        case .planWithoutAreas(let label): return "分解表“\(label)”中没有找到县区，无法开启报送"
        case .noWorkbook: return "服务器没有生成工作簿"
        case .noTemplate(let area): return "服务器没有生成\(area)的模板"
        case .cannotMakeTemporaryFolder: return "服务器无法建立临时文件夹"
        case .cannotSaveUpload(let diskFull): return diskFull ? "服务器无法保存上传的文件（磁盘已满？）" : "服务器无法保存上传的文件"
        case .database(let detail): return "报送数据库出错：\(detail)"
        case .internalError: return "服务器内部错误"
        case .busy: return "服务器正忙，排队的请求已满，请稍后再试"
        case .timedOut(let seconds): return "处理超过 \(seconds) 秒仍未完成，已停止；请减少文件后再试"
        case .stopped: return "处理已停止，请稍后再试"
        case .other(let code): return "请求无法处理（\(code)）"
        }
    }
}
