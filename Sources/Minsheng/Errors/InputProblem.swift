import XLSXReader

/// Why an input could not be read.
public enum InputProblem: Error, Sendable, Hashable {
    /// The workbook reader refused it (not a zip, encrypted, legacy, damaged, a bomb …).
    case reader(XLSXError)
    /// The file could not be opened at all.
    case cannotOpen
    /// A CSV file over the size limit (in MB).
    case csvTooLarge(megabytes: Int)
    /// Neither UTF-8 nor GBK text, so not a CSV file.
    case notText
    /// The named sheet does not exist (`available` lists the others, if known).
    case noSuchSheet(String, available: [String])
    /// The workbook has no sheet at all.
    case noSheets
    /// A legacy file could not be converted by LibreOffice.
    case conversionFailed(ConversionProblem)
    /// LibreOffice converted it, but the result could not be read.
    case unreadableAfterConversion(XLSXError)
    /// A plan without any per-area target.
    case noAreaTargets
    /// An OpenDocument spreadsheet (.ods), which is no .xlsx.
    case openDocument
    /// A returned template whose form sheet is gone.
    case templateFormMissing(sheet: String)
    /// Plainly no readable spreadsheet by its first bytes (empty, cut off).
    case foreign(ForeignFile.Kind)
}

/// Why LibreOffice could not turn a legacy file into a workbook.
public enum ConversionProblem: Error, Sendable, Hashable {
    /// No LibreOffice (`soffice`) was found.
    case noLibreOffice
    /// A temporary folder could not be made (`detail`: the system's words).
    case cannotMakeTemporaryFolder(detail: String)
    /// A temporary file could not be made (`detail`: the system's words).
    case cannotMakeTemporary(detail: String)
    /// The input could not be copied beside the conversion.
    case cannotCopy(detail: String)
    /// LibreOffice could not be started.
    case cannotLaunch(program: String, detail: String)
    /// LibreOffice ran past the time limit and was stopped.
    case timedOut(seconds: Int)
    /// LibreOffice ran but wrote no workbook (damaged, or protected by a password).
    case refused
}
