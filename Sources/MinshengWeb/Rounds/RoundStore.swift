import Foundation
import GRDB

/// A reporting round (报送轮次): the plan, the period, the deadline and the title the office gave.
public struct Round: Codable, Sendable, Hashable, FetchableRecord {
    public var id: Int64
    public var title: String
    public var period: String
    /// The deadline as the office wrote it (YYYY-MM-DD).
    public var deadline: String
    public var planName: String
    /// The plan's SHA-256, the name of its stored file.
    public var planHash: String
    public var createdAt: Date
    public var archivedAt: Date?
}

/// One area of a round, with the template the split made for it.
public struct RoundArea: Codable, Sendable, Hashable, FetchableRecord {
    public var roundId: Int64
    public var area: String
    public var position: Int
    public var templateName: String
    public var templateHash: String
}

/// One uploaded version of an area's return: the file is stored under its SHA-256.
public struct ReturnVersion: Codable, Sendable, Hashable, FetchableRecord {
    public var id: Int64
    public var roundId: Int64
    public var area: String
    /// 1, 2, … within the area; the latest counts.
    public var version: Int
    public var fileName: String
    public var size: Int
    public var sha256: String
    public var uploadedAt: Date
    public var errors: Int
    public var warnings: Int
    /// The check of the file as JSON (the same answer `/api/check` gives).
    public var report: String
}

/// The office's decision on an area's version: accepted (已确认) or returned (已退回) with a note.
public struct Decision: Codable, Sendable, Hashable, FetchableRecord {
    public enum Kind: String, Codable, Sendable, Hashable, DatabaseValueConvertible { case accept, `return` }
    public var id: Int64
    public var roundId: Int64
    public var area: String
    public var version: Int
    public var kind: Kind
    public var note: String
    public var decidedAt: Date
}

/// One line of a round's history: every opening, link issued, upload, accept and return. The
/// table refuses updates and deletes (triggers), so nobody can edit it through the database either.
public struct HistoryEntry: Codable, Sendable, Hashable, FetchableRecord {
    public var id: Int64
    public var roundId: Int64
    public var area: String?
    public var at: Date
    /// `open`, `link`, `upload`, `accept`, `return`, `archive`.
    public var kind: String
    /// The Chinese sentence shown to the office.
    public var detail: String
    public var fileName: String?
    public var size: Int?
    public var sha256: String?
}

/// An area's state in a round, as the office's page shows it.
public struct AreaState: Sendable, Hashable {
    public enum Status: String, Sendable { case pending, submitted, accepted, returned }
    public var area: String
    public var status: Status
    public var versions: Int
    public var latest: ReturnVersion?
    /// The note of the return, when the latest decision on the latest version is a return.
    public var note: String?
    public var decidedAt: Date?
}

/// What an area link opens: its round and area.
public struct LinkTarget: Sendable, Hashable {
    public var round: Round
    public var area: RoundArea
}

/// The rounds' database (SQLite through GRDB, `rounds.sqlite` in the data folder) and the files
/// beside it (`files/<sha256>`). Files are written to a temporary name and renamed only when whole,
/// and a version is recorded only after its file is in place: a server killed mid-upload leaves
/// at most a temporary file, which is ignored, and no version.
///
/// ```swift
/// let store = try RoundStore(dataDirectory: URL(fileURLWithPath: "minsheng-data"))
/// let (round, links) = try store.openRound(...)
/// ```
public final class RoundStore: Sendable {
    public let directory: URL
    public let pool: DatabasePool
    let now: @Sendable () -> Date

    public static let databaseName = "rounds.sqlite"

    public var filesDirectory: URL { directory.appendingPathComponent("files", isDirectory: true) }

    /// Opens (or makes) the data folder and brings its database to the newest schema.
    ///
    /// - Throws: when the folder cannot be made or the database cannot be opened or migrated.
    public init(dataDirectory: URL, now: @escaping @Sendable () -> Date = { Date() }) throws {
        directory = dataDirectory
        self.now = now
        let manager = FileManager.default
        try manager.createDirectory(at: dataDirectory.appendingPathComponent("files", isDirectory: true), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: dataDirectory.appendingPathComponent(Self.databaseName).path, configuration: configuration)
        try Self.migrator.migrate(pool)
        // Temporary files of uploads cut off by a stop: never counted, removed here.
        if let names = try? manager.contentsOfDirectory(atPath: filesDirectory.path) {
            for name in names where name.hasPrefix(".tmp-") {
                try? manager.removeItem(at: filesDirectory.appendingPathComponent(name))
            }
        }
    }

    /// The versioned schema: add migrations, never change a registered one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-rounds") { db in
            try db.execute(sql: """
                CREATE TABLE round (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    title TEXT NOT NULL, period TEXT NOT NULL, deadline TEXT NOT NULL,
                    planName TEXT NOT NULL, planHash TEXT NOT NULL,
                    createdAt DATETIME NOT NULL, archivedAt DATETIME);
                CREATE TABLE roundArea (
                    roundId INTEGER NOT NULL REFERENCES round(id), area TEXT NOT NULL, position INTEGER NOT NULL,
                    templateName TEXT NOT NULL, templateHash TEXT NOT NULL,
                    PRIMARY KEY (roundId, area));
                CREATE TABLE areaLink (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    roundId INTEGER NOT NULL, area TEXT NOT NULL,
                    secretHash TEXT NOT NULL UNIQUE, issuedAt DATETIME NOT NULL, endedAt DATETIME,
                    FOREIGN KEY (roundId, area) REFERENCES roundArea(roundId, area));
                CREATE TABLE returnVersion (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    roundId INTEGER NOT NULL, area TEXT NOT NULL, version INTEGER NOT NULL,
                    fileName TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
                    uploadedAt DATETIME NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL, report TEXT NOT NULL,
                    UNIQUE (roundId, area, version),
                    FOREIGN KEY (roundId, area) REFERENCES roundArea(roundId, area));
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    roundId INTEGER NOT NULL, area TEXT NOT NULL, version INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('accept', 'return')), note TEXT NOT NULL, decidedAt DATETIME NOT NULL,
                    FOREIGN KEY (roundId, area) REFERENCES roundArea(roundId, area));
                CREATE TABLE history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    roundId INTEGER NOT NULL REFERENCES round(id), area TEXT, at DATETIME NOT NULL,
                    kind TEXT NOT NULL, detail TEXT NOT NULL, fileName TEXT, size INTEGER, sha256 TEXT);
                CREATE TRIGGER historyNoUpdate BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
                CREATE TRIGGER historyNoDelete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
                CREATE TRIGGER versionNoUpdate BEFORE UPDATE ON returnVersion BEGIN SELECT RAISE(ABORT, 'versions are kept'); END;
                CREATE TRIGGER versionNoDelete BEFORE DELETE ON returnVersion BEGIN SELECT RAISE(ABORT, 'versions are kept'); END;
                CREATE TRIGGER decisionNoUpdate BEFORE UPDATE ON decision BEGIN SELECT RAISE(ABORT, 'decisions are kept'); END;
                CREATE TRIGGER decisionNoDelete BEFORE DELETE ON decision BEGIN SELECT RAISE(ABORT, 'decisions are kept'); END;
                """)
        }
        return migrator
    }

    // MARK: Files

    /// Stores `bytes` under their SHA-256 (written to a temporary file, flushed, then renamed).
    ///
    /// - Returns: the hash, the stored file's name.
    @discardableResult
    public func storeFile(_ bytes: [UInt8]) throws -> String {
        let hash = SHA256.hex(bytes)
        let target = filesDirectory.appendingPathComponent(hash)
        if FileManager.default.fileExists(atPath: target.path) { return hash }
        let temporary = filesDirectory.appendingPathComponent(".tmp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw RoundFailure.cannotWriteFile(folder: filesDirectory.path)
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RoundFailure.cannotSaveUpload(detail: error.localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw RoundFailure.cannotRenameUpload
        }
        return hash
    }

    /// The bytes of the stored file `hash`.
    ///
    /// - Throws: `RoundFailure.notFound` when there is none (or the name is no hash).
    public func file(_ hash: String) throws -> [UInt8] {
        guard SHA256.isHex(hash), let data = FileManager.default.contents(atPath: filesDirectory.appendingPathComponent(hash).path) else {
            throw RoundFailure.storedFileMissing
        }
        return Array(data)
    }

    // MARK: Secrets

    /// A new link secret: 32 random bytes (256 bits) in base64url.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func secretHash(_ secret: String) -> String { SHA256.hex(Array(("minsheng-link:" + secret).utf8)) }

    // MARK: Rounds

    /// Opens a round: stores the plan and the templates, one area and one fresh link per template.
    ///
    /// - Returns: the round and each area's secret (shown once; only its hash is kept).
    public func openRound(
        title: String, period: String, deadline: String, planName: String, plan: [UInt8],
        templates: [(area: String, fileName: String, bytes: [UInt8])]
    ) throws -> (round: Round, secrets: [(area: String, secret: String)]) {
        let planHash = try storeFile(plan)
        let stored = try templates.map { ($0.area, $0.fileName, try storeFile($0.bytes)) }
        let at = now()
        return try pool.write { db in
            try db.execute(
                sql: "INSERT INTO round (title, period, deadline, planName, planHash, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [title, period, deadline, planName, planHash, at])
            let id = db.lastInsertedRowID
            try Self.record(db, roundId: id, area: nil, at: at, kind: "open", detail: "开启报送轮次“\(title)”（\(period)，截止 \(deadline)），\(templates.count) 个县区", fileName: planName, size: plan.count, sha256: planHash)
            var secrets: [(String, String)] = []
            for (position, (area, fileName, hash)) in stored.enumerated() {
                try db.execute(
                    sql: "INSERT INTO roundArea (roundId, area, position, templateName, templateHash) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id, area, position, fileName, hash])
                secrets.append((area, try Self.issue(db, roundId: id, area: area, at: at)))
            }
            guard let round = try Round.fetchOne(db, sql: "SELECT * FROM round WHERE id = ?", arguments: [id]) else {
                throw RoundFailure.notSaved(.round)
            }
            return (round, secrets)
        }
    }

    static func issue(_ db: Database, roundId: Int64, area: String, at: Date) throws -> String {
        try db.execute(sql: "UPDATE areaLink SET endedAt = ? WHERE roundId = ? AND area = ? AND endedAt IS NULL", arguments: [at, roundId, area])
        let secret = newSecret()
        try db.execute(
            sql: "INSERT INTO areaLink (roundId, area, secretHash, issuedAt) VALUES (?, ?, ?, ?)",
            arguments: [roundId, area, secretHash(secret), at])
        try record(db, roundId: roundId, area: area, at: at, kind: "link", detail: "为\(area)生成报送链接")
        return secret
    }

    /// A new link for `area`; the old one stops working.
    public func reissue(roundId: Int64, area: String) throws -> String {
        let at = now()
        return try pool.write { db in
            _ = try Self.area(db, roundId: roundId, area: area)
            return try Self.issue(db, roundId: roundId, area: area, at: at)
        }
    }

    /// The round and area a secret opens; nil for an unknown or ended link, or an archived round.
    public func target(secret: String) throws -> LinkTarget? {
        guard !secret.isEmpty, secret.utf8.count <= 200 else { return nil }
        let hash = Self.secretHash(secret)
        return try pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT roundId, area FROM areaLink WHERE secretHash = ? AND endedAt IS NULL", arguments: [hash]),
                let roundId = row["roundId"] as Int64?, let areaName = row["area"] as String?,
                let round = try Round.fetchOne(db, sql: "SELECT * FROM round WHERE id = ? AND archivedAt IS NULL", arguments: [roundId]),
                let area = try RoundArea.fetchOne(db, sql: "SELECT * FROM roundArea WHERE roundId = ? AND area = ?", arguments: [roundId, areaName])
            else { return nil }
            return LinkTarget(round: round, area: area)
        }
    }

    /// Every round, newest first (archived ones too, when asked).
    public func rounds(includingArchived: Bool = false) throws -> [Round] {
        try pool.read { db in
            try Round.fetchAll(
                db, sql: "SELECT * FROM round \(includingArchived ? "" : "WHERE archivedAt IS NULL") ORDER BY id DESC")
        }
    }

    /// The round `id`.
    ///
    /// - Throws: `RoundFailure.notFound` when there is none.
    public func round(_ id: Int64) throws -> Round {
        guard let round = try pool.read({ db in try Round.fetchOne(db, sql: "SELECT * FROM round WHERE id = ?", arguments: [id]) }) else {
            throw RoundFailure.noSuchRound
        }
        return round
    }

    /// The round's areas in the plan's order.
    public func areas(_ roundId: Int64) throws -> [RoundArea] {
        try pool.read { db in try RoundArea.fetchAll(db, sql: "SELECT * FROM roundArea WHERE roundId = ? ORDER BY position", arguments: [roundId]) }
    }

    static func area(_ db: Database, roundId: Int64, area: String) throws -> RoundArea {
        guard let found = try RoundArea.fetchOne(db, sql: "SELECT * FROM roundArea WHERE roundId = ? AND area = ?", arguments: [roundId, area]) else {
            throw RoundFailure.noSuchArea(String(area.prefix(40)))
        }
        return found
    }

    /// Archives the round: its links stop working; nothing is deleted.
    public func archive(_ roundId: Int64) throws {
        let at = now()
        try pool.write { db in
            try db.execute(sql: "UPDATE round SET archivedAt = ? WHERE id = ? AND archivedAt IS NULL", arguments: [at, roundId])
            guard db.changesCount > 0 else { throw RoundFailure.noSuchOpenRound }
            try Self.record(db, roundId: roundId, area: nil, at: at, kind: "archive", detail: "归档报送轮次")
        }
    }

    // MARK: Versions and decisions

    /// Records a new version of `area`'s return: the file is stored first, then the row.
    public func addVersion(
        roundId: Int64, area: String, fileName: String, bytes: [UInt8], errors: Int, warnings: Int, report: String
    ) throws -> ReturnVersion {
        let hash = try storeFile(bytes)
        let at = now()
        return try pool.write { db in
            _ = try Self.area(db, roundId: roundId, area: area)
            let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM returnVersion WHERE roundId = ? AND area = ?", arguments: [roundId, area]) ?? 0
            try db.execute(
                sql: """
                    INSERT INTO returnVersion (roundId, area, version, fileName, size, sha256, uploadedAt, errors, warnings, report)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [roundId, area, last + 1, fileName, bytes.count, hash, at, errors, warnings, report])
            let id = db.lastInsertedRowID
            try Self.record(
                db, roundId: roundId, area: area, at: at, kind: "upload",
                detail: "\(area)报送第 \(last + 1) 版：\(errors) 个错误，\(warnings) 个警告", fileName: fileName, size: bytes.count, sha256: hash)
            guard let version = try ReturnVersion.fetchOne(db, sql: "SELECT * FROM returnVersion WHERE id = ?", arguments: [id]) else {
                throw RoundFailure.notSaved(.version)
            }
            return version
        }
    }

    /// `area`'s versions, oldest first.
    public func versions(roundId: Int64, area: String) throws -> [ReturnVersion] {
        try pool.read { db in
            try ReturnVersion.fetchAll(
                db, sql: "SELECT * FROM returnVersion WHERE roundId = ? AND area = ? ORDER BY version", arguments: [roundId, area])
        }
    }

    /// Accepts or returns `area`'s latest version.
    ///
    /// - Throws: `RoundFailure.conflict` when the area has sent nothing yet.
    public func decide(roundId: Int64, area: String, kind: Decision.Kind, note: String) throws -> Decision {
        let at = now()
        return try pool.write { db in
            _ = try Self.area(db, roundId: roundId, area: area)
            guard let latest = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM returnVersion WHERE roundId = ? AND area = ?", arguments: [roundId, area]) else {
                throw RoundFailure.nothingSent(area: area, accepting: kind == .accept)
            }
            try db.execute(
                sql: "INSERT INTO decision (roundId, area, version, kind, note, decidedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [roundId, area, latest, kind.rawValue, note, at])
            let id = db.lastInsertedRowID
            let detail = kind == .accept ? "确认\(area)第 \(latest) 版" : "退回\(area)第 \(latest) 版：\(note)"
            try Self.record(db, roundId: roundId, area: area, at: at, kind: kind.rawValue, detail: detail)
            guard let decision = try Decision.fetchOne(db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [id]) else {
                throw RoundFailure.notSaved(.decision)
            }
            return decision
        }
    }

    /// Each area's state: 未报送 / 已报送 / 已确认 / 已退回 (a decision counts for the version it was
    /// made on; a newer upload makes the area 已报送 again).
    public func states(_ roundId: Int64) throws -> [AreaState] {
        try pool.read { db in
            let areas = try RoundArea.fetchAll(db, sql: "SELECT * FROM roundArea WHERE roundId = ? ORDER BY position", arguments: [roundId])
            return try areas.map { area in
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM returnVersion WHERE roundId = ? AND area = ?", arguments: [roundId, area.area]) ?? 0
                let latest = try ReturnVersion.fetchOne(
                    db, sql: "SELECT * FROM returnVersion WHERE roundId = ? AND area = ? ORDER BY version DESC LIMIT 1", arguments: [roundId, area.area])
                let decision = try Decision.fetchOne(
                    db, sql: "SELECT * FROM decision WHERE roundId = ? AND area = ? ORDER BY id DESC LIMIT 1", arguments: [roundId, area.area])
                var state = AreaState(area: area.area, status: latest == nil ? .pending : .submitted, versions: count, latest: latest)
                if let latest, let decision, decision.version == latest.version {
                    state.status = decision.kind == .accept ? .accepted : .returned
                    state.decidedAt = decision.decidedAt
                    if decision.kind == .return { state.note = decision.note }
                }
                return state
            }
        }
    }

    /// The round's history, oldest first.
    public func history(_ roundId: Int64) throws -> [HistoryEntry] {
        try pool.read { db in try HistoryEntry.fetchAll(db, sql: "SELECT * FROM history WHERE roundId = ? ORDER BY id", arguments: [roundId]) }
    }

    static func record(
        _ db: Database, roundId: Int64, area: String?, at: Date, kind: String, detail: String,
        fileName: String? = nil, size: Int? = nil, sha256: String? = nil
    ) throws {
        try db.execute(
            sql: "INSERT INTO history (roundId, area, at, kind, detail, fileName, size, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [roundId, area, at, kind, detail, fileName, size, sha256])
    }

    // MARK: Backup

    /// A consistent copy of the database (SQLite's backup, while the server runs) and the stored
    /// files, into the folder `destination` (made; it must not exist yet).
    public func backup(to destination: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            throw RoundFailure.backupExists(path: destination.path)
        }
        let files = destination.appendingPathComponent("files", isDirectory: true)
        try manager.createDirectory(at: files, withIntermediateDirectories: true)
        let copy = try DatabaseQueue(path: destination.appendingPathComponent(Self.databaseName).path)
        try pool.backup(to: copy)
        try copy.close()
        // Every file the copied database names (files added after the backup began are left out).
        let hashes = try DatabaseQueue(path: destination.appendingPathComponent(Self.databaseName).path).read { db in
            try String.fetchAll(db, sql: "SELECT planHash FROM round UNION SELECT templateHash FROM roundArea UNION SELECT sha256 FROM returnVersion")
        }
        for hash in hashes where SHA256.isHex(hash) {
            try manager.copyItem(at: filesDirectory.appendingPathComponent(hash), to: files.appendingPathComponent(hash))
        }
    }
}

/// What the rounds' store refuses: typed, each with what it concerns; worded once
/// (`description`), and answered with one HTTP status by kind (`kind`).
public enum RoundFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which record was not saved.
    public enum Record: Sendable, Hashable {
        case round, version, decision
    }

    /// How the page answers a failure: 404, 409 or 500.
    public enum Kind: Sendable, Hashable {
        case notFound, conflict, storage
    }

    /// No round with that id.
    case noSuchRound
    /// No open round with that id (it may be archived).
    case noSuchOpenRound
    /// The round has no such area.
    case noSuchArea(String)
    /// A stored file named by the database is missing (or the name is no hash).
    case storedFileMissing
    /// The data folder holds no database.
    case noDatabase(folder: String, databaseName: String)
    /// An area's return is to be accepted or sent back, but it has sent nothing.
    case nothingSent(area: String, accepting: Bool)
    /// A backup's target exists already.
    case backupExists(path: String)
    /// A file cannot be created in the store's folder.
    case cannotWriteFile(folder: String)
    /// An upload cannot be written.
    case cannotSaveUpload(detail: String)
    /// An upload was written but not renamed into place.
    case cannotRenameUpload
    /// A record was not saved.
    case notSaved(Record)
    /// A backup cannot be written.
    case cannotWriteBackup(path: String)

    /// How the page answers it.
    public var kind: Kind {
        switch self {
        case .noSuchRound, .noSuchOpenRound, .noSuchArea, .storedFileMissing, .noDatabase: .notFound
        case .nothingSent, .backupExists: .conflict
        case .cannotWriteFile, .cannotSaveUpload, .cannotRenameUpload, .notSaved, .cannotWriteBackup: .storage
        }
    }

    /// The Chinese sentence.
    public var description: String {
        switch self {
        case .noSuchRound: "没有这个报送轮次"
        case .noSuchOpenRound: "没有这个报送轮次，或它已归档"
        case .noSuchArea(let area): "这个报送轮次中没有“\(area)”"
        case .storedFileMissing: "找不到保存的文件"
        case .noDatabase(let folder, let name): "\(folder) 中没有报送数据库（\(name)）"
        case .nothingSent(let area, let accepting): "\(area)还没有报送，无法\(accepting ? "确认" : "退回")"
        case .backupExists(let path): "备份目标 \(path) 已存在，请换一个名字"
        case .cannotWriteFile(let folder): "无法在 \(folder) 中写入文件"
        case .cannotSaveUpload(let detail): "无法写入上传的文件：\(detail)"
        case .cannotRenameUpload: "无法保存上传的文件（改名失败）"
        case .notSaved(.round): "新开的报送轮次没有保存下来"
        case .notSaved(.version): "上传的版本没有保存下来"
        case .notSaved(.decision): "决定没有保存下来"
        case .cannotWriteBackup(let path): "无法写入 \(path)"
        }
    }
}
