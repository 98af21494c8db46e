import XLSXReader

// The words of every stopping error, the only place they are made: each says which file and
// what is wrong, never which option to pass (a front end adds that: `FrontEndHints`).

extension MinshengError: CustomStringConvertible {
    /// Text for people.
    public var description: String {
        switch self {
        case .unreadable(let file, let problem): return "无法读取 \(file)：\(problem)"
        case .noTableRecognized(let file, let seen):
            let list = seen.isEmpty ? "（没有看到任何文字）" : seen.prefix(20).map { "“\($0)”" }.joined(separator: "、")
            return "无法识别 \(file) 中的表格：没有找到包含“项目/指标/目标/完成”等列名的表头行，或表头下没有任何项目行；看到的文字有 \(list)"
        case .configuration(let file, let problem): return "无法读取 \(file)：\(problem)"
        case .badLayoutFile(let file, let problem): return "无法读取 \(file)：\(problem)"
        case .usage(let problem): return problem.description
        case .cannotWrite(let path, let problem): return "无法写入 \(path)：\(problem)"
        }
    }
}

extension InputProblem: CustomStringConvertible {
    /// Text for people.
    public var description: String {
        switch self {
        case .reader(let error): return error.reasonWithPlace
        case .cannotOpen: return "无法打开文件"
        case .csvTooLarge(let megabytes): return "CSV 文件超过 \(megabytes) MB，请拆分后再试"
        case .notText: return "不是 UTF-8 或 GBK 编码的文本，无法作为 CSV 读取"
        case .noSuchSheet(let name, let available):
            if available.isEmpty { return "没有名为“\(name)”的工作表" }
            return "没有名为“\(name)”的工作表（有 \(available.map { "“\($0)”" }.joined(separator: "、"))）"
        case .noSheets: return "工作簿中没有工作表"
        case .conversionFailed(let problem): return problem.description
        case .unreadableAfterConversion(let error): return "LibreOffice 转换后仍无法读取：\(error.reasonWithPlace)"
        case .noAreaTargets: return "分解表中没有找到县区目标（既没有县区列，也没有“其中：涡阳县…”这样的分解）"
        case .templateFormMissing(let sheet): return "模板的填报表“\(sheet)”不见了"
        case .foreign(let kind): return kind.description
        case .openDocument: return "这是 OpenDocument（.ods）格式的表格，请用 Excel/WPS 另存为 .xlsx 后重试"
        }
    }
}

extension ConversionProblem: CustomStringConvertible {
    /// Text for people.
    public var description: String {
        switch self {
        case .noLibreOffice:
            return "旧版格式需要 LibreOffice 才能自动转换，但没有找到（可安装 LibreOffice，或设置 MINSHENG_SOFFICE），也可以用 Excel/WPS 另存为 .xlsx 后重试"
        case .cannotMakeTemporaryFolder(let detail): return "无法建立临时文件夹：\(detail)"
        case .cannotMakeTemporary(let detail): return "无法建立临时文件：\(detail)"
        case .cannotCopy(let detail): return "无法复制文件：\(detail)"
        case .cannotLaunch(let program, let detail): return "无法启动 LibreOffice（\(program)）：\(detail)"
        case .timedOut(let seconds): return "LibreOffice 转换超过 \(seconds) 秒，已停止"
        case .refused: return "LibreOffice 无法转换这个文件（可能已损坏或设置了密码），请用 Excel/WPS 另存为 .xlsx 后重试"
        }
    }
}

extension DataFileKind: CustomStringConvertible {
    /// The file's name in words (表头词汇文件 …).
    public var description: String {
        switch self {
        case .dataFile: return "数据文件"
        case .headerWords: return "表头词汇文件"
        case .quantityWords: return "数量词汇文件"
        case .districtTemplate: return "模板文件"
        case .workbookSettings: return "设置文件"
        }
    }
}

extension ConfigurationProblem: CustomStringConvertible {
    /// Text for people.
    public var description: String {
        switch self {
        case .notFound(let folders):
            return "找不到这个数据文件（找过：\(folders.joined(separator: "、"))）。请重新安装 minsheng，或设置环境变量 \(TemplateFiles.environmentVariable) 指向含有它的文件夹"
        case .cannotOpen(let kind): return "无法打开\(kind)"
        case .malformed(let kind, let detail): return "\(kind)格式不正确：\(detail)"
        case .unknownHeaderRole(let key): return "未知的表头角色“\(key)”"
        case .invalidSectionPattern(let pattern): return "分组行规则“\(pattern)”不是有效的正则表达式"
        case .missingTemplateColumn(let key): return "模板缺少列“\(key)”"
        case .workbookSettingsOutOfShape:
            return "设置文件的列数不对（状态 3 列、县区 6 列、问题 3 列、总览 13 个列宽），或正文字号小于最小字号"
        case .cannotOpenDataFolder(let detail): return "无法打开报送数据目录：\(detail)"
        case .webPageMissing:
            return "找不到网页文件（应在可执行文件旁的 minsheng_MinshengWeb.resources 文件夹中，或在 /usr/share/minsheng 中）"
        }
    }
}

extension LayoutFileProblem: CustomStringConvertible {
    /// Text for people.
    public var description: String {
        switch self {
        case .cannotOpen: return "无法打开版式文件"
        case .malformed: return "版式文件格式不正确（需要 headerRows 和 columns）"
        case .badHeaderRows: return "headerRows 应为一个或两个从 1 开始的行号"
        case .notAColumn(let letter): return "“\(letter)”不是列名"
        case .badMeasure(let indicator, let letter, let meaning):
            return "指标“\(indicator)”的列 \(letter) 应为 target、completed 或 rate，而不是“\(meaning)”"
        case .groupsWithoutAreaColumn: return "写了 groups（县区在行）就要写 areaColumn（县区名所在的列）"
        case .badAreaColumn(let letter): return "areaColumn “\(letter)”不是列名"
        case .unknownMeaning(let letter, let meaning): return "列 \(letter) 的含义“\(meaning)”无法识别"
        }
    }
}

extension UsageProblem: CustomStringConvertible {
    /// Text for people.
    public var description: String {
        switch self {
        case .outputIsInput(let output, let input): return "输出文件 \(output) 与输入文件 \(input) 相同，已拒绝（输入文件从不被修改）"
        case .outputExists(let output): return "输出文件 \(output) 已存在，未覆盖"
        case .outputsExist(let outputs): return "这些文件已存在，未覆盖：\(outputs.joined(separator: "、"))"
        case .nothingToRead(let given, let skipped):
            let skippedNote = skipped == 0 ? "" : "（\(skipped) 个文件不是表格，已跳过）"
            return "没有找到要读取的表格文件：\(given.joined(separator: "、")) 中没有 .xlsx / .xlsm / .csv 文件\(skippedNote)"
        case .unknownAreas(let unknown, let available):
            return "分解表中没有县区 \(unknown.joined(separator: "、"))（有 \(available.joined(separator: "、"))）"
        }
    }
}

extension WriteProblem: CustomStringConvertible {
    /// Text for people.
    public var description: String {
        switch self {
        case .folderMissing(let folder): return "文件夹 \(folder) 不存在"
        case .cannotMakeFolder(let detail): return "无法建立文件夹：\(detail)"
        case .cannotMakeTemporaryFolder(let detail): return "无法建立临时文件夹：\(detail)"
        case .cannotMakeTemporaryFile: return "无法建立临时文件"
        case .failed(let detail): return detail
        case .cannotReadBack: return "无法读回生成的文件"
        case .cannotZip(let detail): return "无法生成压缩包：\(detail)"
        case .notInMemory: return "模板未写入内存，无法打包"
        }
    }
}

extension FileResult {
    /// Why the file was not read, in words (nil when it was read), without a front end's hint.
    public var error: String? { problem.map { $0.text(hints: .none) } }
}

extension FileProblem {
    /// The words for people, with `hints`' addition for an error.
    public func text(hints: FrontEndHints) -> String {
        switch self {
        case .unreadable(let error): return hints.text(of: error)
        case .unexpected(let words): return words
        case .skipped(let reason): return reason.description
        }
    }
}

extension SkipReason: CustomStringConvertible {
    /// Why the file is not read, in words a clerk understands.
    public var description: String {
        switch self {
        case .subfolder: return "子文件夹，其中的文件不读取；需要时请单独列出这个文件夹"
        case .officeLockFile: return "Office 正在编辑时留下的临时文件，不是表格"
        case .notASpreadsheet(let ext):
            switch ext {
            case "pdf": return "PDF 文件，无法读取其中的表格，请报送 Excel/WPS 表格"
            case "zip", "rar", "7z", "gz", "tar": return "压缩包，请先解压，把其中的表格放进文件夹"
            case "doc", "docx", "wps": return "Word/WPS 文字文档，不是表格"
            case "txt", "md": return "文本文件，不是表格"
            case "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic": return "图片，不是表格"
            case "": return "没有扩展名，无法判断是否为表格"
            default: return ".\(ext) 文件，不是表格"
            }
        case .foreign(let kind): return kind.description
        case .ownOutput(let kind): return "这是 minsheng 生成的\(kind)，不是报送的表格"
        case .sameAsChosen(let what): return "这就是上面选的\(what)（内容完全相同），不是县区报回的表格，已跳过"
        }
    }
}

extension ForeignFile.Kind: CustomStringConvertible {
    /// What the file is and what to do, in words a clerk understands.
    public var description: String {
        switch self {
        case .lockFile: return "这是 Office/WPS 打开表格时留下的临时锁定文件（文件名以 ~$ 开头），不是表格：请选文件名不带 ~$ 的原文件"
        case .emptyFile: return "这是一个空文件（0 字节），多半是没有保存完或下载没有完成：请重新保存或重新下载后再上传"
        case .truncated: return "文件不完整（后半部分缺失），多半是下载或复制时中断了：请重新下载或让报送单位重新发送"
        case .pdf: return "这是 PDF 文件，无法从中读取表格的数字：请向报送单位要 Excel/WPS 表格（.xlsx）原件"
        case .image: return "这是图片（照片或截图），无法从中读取数字：请报送 Excel/WPS 表格文件（.xlsx），不要拍照或截图"
        case .archive: return "这是压缩包（.rar / .7z），不是表格：请先解压，再上传其中的 .xlsx 文件"
        case .zipArchive: return "这是压缩包（.zip），不是表格：请先解压，再上传其中的 .xlsx 文件"
        case .wordDocument:
            return "这是 Word 文档（.docx），不是表格：请把其中的表格复制到 Excel/WPS 表格中另存为 .xlsx，或向报送单位要表格原件"
        case .powerPoint: return "这是 PowerPoint 演示文稿，不是表格：请报送 Excel/WPS 表格（.xlsx）"
        case .legacyTextDocument:
            return "这是 Word/WPS 文字文档，不是表格：请把其中的表格复制到 Excel/WPS 表格中另存为 .xlsx，或向报送单位要表格原件"
        case .legacyPresentation: return "这是演示文稿，不是表格：请报送 Excel/WPS 表格（.xlsx）"
        case .textDocument: return "这是文字文档，不是表格：请报送 Excel/WPS 表格（.xlsx）"
        }
    }
}
