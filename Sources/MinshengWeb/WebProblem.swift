import Minsheng

/// Why the server refuses or fails a request, as data. Each case has its HTTP status, decided
/// here once (`status`); the words are made only by `WebProblemText.swift`.
///
/// ```swift
/// WebProblem.noFiles.status   // 400
/// WebFailure(.busy).message   // 服务器正忙，排队的请求已满，请稍后再试
/// ```
public enum WebProblem: Error, Sendable, Hashable {
    // MARK: 400: what the request got wrong

    /// The as-of date is not `YYYY-MM-DD` (`given`: up to 40 characters of it).
    case asOfFormat(given: String)
    /// The as-of date's year is outside 2000…2100.
    case asOfYear(given: String)
    /// No file was uploaded.
    case noFiles
    /// More than one file where one is taken (`what`: 分解表, 上期报表 …).
    case oneFileOnly(what: String, count: Int)
    /// `split` without a plan.
    case noPlanToSplit
    /// `collect` without the plan the templates came from.
    case noPlanToCollect
    /// `collect` without returns.
    case noReturns
    /// `reconcile` without a summary.
    case noSummary
    /// `reconcile` without the areas' own returns.
    case noAreaReturns
    /// The body is not `multipart/form-data`.
    case notMultipart
    /// The multipart boundary is invalid.
    case badBoundary
    /// The multipart body is malformed (`sentence`: the parser's words).
    case malformedMultipart(sentence: String)
    /// A form field over its length limit.
    case fieldTooLong(name: String)
    /// More files than the server takes at once.
    case tooManyFiles(limit: Int)
    /// A round's return sent back without a note.
    case noteRequired
    /// A round opened without a plan.
    case noRoundPlan
    /// A round opened without a period.
    case periodRequired
    /// A round's deadline is not `YYYY-MM-DD`.
    case deadlineFormat(given: String)
    /// An area's upload without a file.
    case noReturnFile
    /// An area's upload with more than one file.
    case oneReturnOnly(count: Int)

    // MARK: 401, 404, 405, 409, 413

    /// The access token is missing or wrong.
    case tokenRequired
    /// No round with that number.
    case noSuchRound
    /// No area with that name.
    case noSuchArea
    /// An area link that is unknown or no longer valid.
    case invalidLink
    /// No route at that address.
    case noSuchAddress
    /// The route does not take that method.
    case methodNotAllowed
    /// The rounds' store refused or failed (404, 409 or 500 by its kind).
    case round(RoundFailure)
    /// The body is over the upload limit.
    case tooLarge(maxBytes: Int)

    // MARK: 422: inputs that cannot be used

    /// An input could not be read or understood.
    case input(MinshengError)
    /// A file in a one-file field is plainly no spreadsheet (`what`: 分解表 …).
    case unusableFile(what: String, label: String, kind: ForeignFile.Kind)
    /// An area's upload is plainly no spreadsheet.
    case unusableReturn(label: String, kind: ForeignFile.Kind)
    /// No uploaded file could be read, so nothing to merge (`job`: 汇总, 核对 …).
    case nothingRead(job: String, count: Int, names: [String])
    /// A plan or summary with no area figures: a file in the wrong field.
    case wrongField(file: String, what: String, instead: String)
    /// A round's plan without areas.
    case planWithoutAreas(label: String)

    // MARK: 500, 503: the server's own failures

    /// A workbook should have been made in memory and was not.
    case noWorkbook
    /// An area's template should have been made in memory and was not.
    case noTemplate(area: String)
    /// A temporary folder for the uploads could not be made.
    case cannotMakeTemporaryFolder
    /// An upload could not be saved (`diskFull`: while writing it).
    case cannotSaveUpload(diskFull: Bool)
    /// The rounds' database failed (`detail`: its words).
    case database(detail: String)
    /// Any other failure of the server.
    case internalError
    /// Too many requests are waiting.
    case busy
    /// The work ran past the time limit.
    case timedOut(seconds: Int)
    /// The work was stopped (cancelled).
    case stopped
    /// An HTTP error of the framework with its own status code.
    case other(code: Int)

    /// The HTTP status, decided once for every case.
    public var status: Int {
        switch self {
        case .asOfFormat, .asOfYear, .noFiles, .oneFileOnly, .noPlanToSplit, .noPlanToCollect, .noReturns, .noSummary,
            .noAreaReturns, .notMultipart, .badBoundary, .malformedMultipart, .fieldTooLong, .tooManyFiles, .noteRequired,
            .noRoundPlan, .periodRequired, .deadlineFormat, .noReturnFile, .oneReturnOnly:
            return 400
        case .tokenRequired: return 401
        case .noSuchRound, .noSuchArea, .invalidLink, .noSuchAddress: return 404
        case .methodNotAllowed: return 405
        case .round(let failure):
            switch failure.kind {
            case .notFound: return 404
            case .conflict: return 409
            case .storage: return 500
            }
        case .tooLarge: return 413
        case .input(let error): return error.httpStatus
        case .unusableFile, .unusableReturn, .nothingRead, .wrongField, .planWithoutAreas: return 422
        case .noWorkbook, .noTemplate, .cannotMakeTemporaryFolder, .cannotSaveUpload, .database, .internalError:
            return 500
        case .busy, .timedOut, .stopped: return 503
        case .other(let code): return code
        }
    }
}
