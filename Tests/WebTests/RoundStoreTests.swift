import Foundation
import GRDB
import Testing

@testable import MinshengWeb

/// The rounds' storage: schema, links, versions by content hash, decisions, the append-only
/// history, restarts (reopening the database) and torn temporary files.
@Suite struct RoundStoreTests {
    /// A fresh data folder under the temporary directory.
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-rounds-\(UUID().uuidString)", isDirectory: true)
    }

    static func openSample(_ store: RoundStore) throws -> (Round, [(area: String, secret: String)]) {
        try store.openRound(
            title: "2026年民生实事", period: "1-9月", deadline: "2026-10-10", planName: "分解表.xlsx", plan: Array("plan".utf8),
            templates: [("涡阳县", "涡阳县.xlsx", Array("t1".utf8)), ("蒙城县", "蒙城县.xlsx", Array("t2".utf8))])
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func openingARoundMakesAreasAndSecretLinks() throws {
        let store = try RoundStore(dataDirectory: Self.folder())
        let (round, secrets) = try Self.openSample(store)
        #expect(round.title == "2026年民生实事")
        #expect(secrets.map(\.area) == ["涡阳县", "蒙城县"])
        // At least 128 bits: 32 random bytes in base64url.
        #expect(secrets.allSatisfy { $0.secret.count >= 43 })
        #expect(Set(secrets.map(\.secret)).count == 2)
        #expect(try store.target(secret: secrets[0].secret)?.area.area == "涡阳县")
        #expect(try store.target(secret: secrets[1].secret)?.area.area == "蒙城县")
        #expect(try store.target(secret: "nonsense") == nil)
        #expect(try store.target(secret: "") == nil)
        // Only hashes are stored: no secret appears in the database.
        let stored = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT secretHash FROM areaLink") }
        #expect(!stored.contains(secrets[0].secret))
        #expect(try store.file(store.areas(round.id)[0].templateHash) == Array("t1".utf8))
        #expect(try store.states(round.id).map(\.status) == [.pending, .pending])
    }

    @Test func reissuingALinkEndsTheOldOne() throws {
        let store = try RoundStore(dataDirectory: Self.folder())
        let (round, secrets) = try Self.openSample(store)
        let fresh = try store.reissue(roundId: round.id, area: "涡阳县")
        #expect(try store.target(secret: secrets[0].secret) == nil)
        #expect(try store.target(secret: fresh)?.area.area == "涡阳县")
        #expect(try store.target(secret: secrets[1].secret)?.area.area == "蒙城县")
        #expect(throws: RoundFailure.self) { try store.reissue(roundId: round.id, area: "不存在县") }
    }

    @Test func versionsAreKeptByContentHashAndTheLatestCounts() throws {
        let store = try RoundStore(dataDirectory: Self.folder())
        let (round, _) = try Self.openSample(store)
        let first = try store.addVersion(
            roundId: round.id, area: "涡阳县", fileName: "涡阳县-最终版(2).xlsx", bytes: Array("v1".utf8), errors: 1, warnings: 2, report: "{}")
        let second = try store.addVersion(
            roundId: round.id, area: "涡阳县", fileName: "涡阳县.xlsx", bytes: Array("v2".utf8), errors: 0, warnings: 0, report: "{}")
        #expect(first.version == 1 && second.version == 2)
        #expect(first.sha256 == SHA256.hex(Array("v1".utf8)))
        #expect(try store.file(first.sha256) == Array("v1".utf8))
        #expect(try store.versions(roundId: round.id, area: "涡阳县").map(\.version) == [1, 2])
        #expect(try store.versions(roundId: round.id, area: "蒙城县").isEmpty)
        let states = try store.states(round.id)
        #expect(states[0].status == .submitted && states[0].versions == 2 && states[0].latest?.errors == 0)
        #expect(states[1].status == .pending)
        #expect(throws: RoundFailure.self) {
            try store.addVersion(roundId: round.id, area: "别的县", fileName: "x.xlsx", bytes: [1], errors: 0, warnings: 0, report: "{}")
        }
    }

    @Test func decisionsCountForTheVersionTheyWereMadeOn() throws {
        let store = try RoundStore(dataDirectory: Self.folder())
        let (round, _) = try Self.openSample(store)
        #expect(throws: RoundFailure.self) { try store.decide(roundId: round.id, area: "涡阳县", kind: .accept, note: "") }
        _ = try store.addVersion(roundId: round.id, area: "涡阳县", fileName: "a.xlsx", bytes: [1], errors: 0, warnings: 0, report: "{}")
        _ = try store.addVersion(roundId: round.id, area: "蒙城县", fileName: "b.xlsx", bytes: [2], errors: 1, warnings: 0, report: "{}")
        _ = try store.decide(roundId: round.id, area: "涡阳县", kind: .accept, note: "")
        _ = try store.decide(roundId: round.id, area: "蒙城县", kind: .return, note: "目标数不能改")
        var states = try store.states(round.id)
        #expect(states[0].status == .accepted)
        #expect(states[1].status == .returned && states[1].note == "目标数不能改")
        // A new upload after the return: 已报送 again.
        _ = try store.addVersion(roundId: round.id, area: "蒙城县", fileName: "b2.xlsx", bytes: [3], errors: 0, warnings: 0, report: "{}")
        states = try store.states(round.id)
        #expect(states[1].status == .submitted && states[1].note == nil)
    }

    @Test func historyIsAppendOnly() throws {
        let store = try RoundStore(dataDirectory: Self.folder())
        let (round, _) = try Self.openSample(store)
        _ = try store.addVersion(roundId: round.id, area: "涡阳县", fileName: "a.xlsx", bytes: [1, 2], errors: 0, warnings: 0, report: "{}")
        _ = try store.decide(roundId: round.id, area: "涡阳县", kind: .return, note: "请重报")
        let history = try store.history(round.id)
        #expect(history.map(\.kind) == ["open", "link", "link", "upload", "return"])
        let upload = try #require(history.first { $0.kind == "upload" })
        #expect(upload.fileName == "a.xlsx" && upload.size == 2 && upload.sha256 == SHA256.hex([1, 2]))
        #expect(throws: DatabaseError.self) { try store.pool.write { db in try db.execute(sql: "UPDATE history SET detail = 'x'") } }
        #expect(throws: DatabaseError.self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM history") } }
        #expect(throws: DatabaseError.self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM returnVersion") } }
        #expect(throws: DatabaseError.self) { try store.pool.write { db in try db.execute(sql: "UPDATE decision SET note = ''") } }
        #expect(try store.history(round.id).count == history.count)
    }

    @Test func aRestartLosesNothing() throws {
        let folder = Self.folder()
        var secret = ""
        var roundId: Int64 = 0
        do {
            let store = try RoundStore(dataDirectory: folder)
            let (round, secrets) = try Self.openSample(store)
            roundId = round.id
            secret = secrets[1].secret
            _ = try store.addVersion(roundId: round.id, area: "蒙城县", fileName: "b.xlsx", bytes: [9], errors: 0, warnings: 1, report: "{\"a\":1}")
            _ = try store.decide(roundId: round.id, area: "蒙城县", kind: .return, note: "补填")
        }
        let reopened = try RoundStore(dataDirectory: folder)
        #expect(try reopened.rounds().map(\.id) == [roundId])
        #expect(try reopened.target(secret: secret)?.area.area == "蒙城县")
        let states = try reopened.states(roundId)
        #expect(states[1].status == .returned && states[1].note == "补填" && states[1].latest?.report == "{\"a\":1}")
        #expect(try reopened.history(roundId).count == 5)
    }

    @Test func aTornTemporaryFileIsIgnored() throws {
        let folder = Self.folder()
        let store = try RoundStore(dataDirectory: folder)
        let (round, _) = try Self.openSample(store)
        // What a server killed while writing an upload leaves: a temporary file and no row.
        let torn = store.filesDirectory.appendingPathComponent(".tmp-\(UUID().uuidString)")
        try Data([1, 2, 3]).write(to: torn)
        let reopened = try RoundStore(dataDirectory: folder)
        #expect(try reopened.versions(roundId: round.id, area: "涡阳县").isEmpty)
        #expect(try reopened.states(round.id).map(\.status) == [.pending, .pending])
        #expect(!FileManager.default.fileExists(atPath: torn.path))
    }

    @Test func archivingEndsTheLinksAndKeepsTheRound() throws {
        let store = try RoundStore(dataDirectory: Self.folder())
        let (round, secrets) = try Self.openSample(store)
        try store.archive(round.id)
        #expect(try store.target(secret: secrets[0].secret) == nil)
        #expect(try store.rounds().isEmpty)
        #expect(try store.rounds(includingArchived: true).count == 1)
        #expect(throws: RoundFailure.self) { try store.archive(round.id) }
    }

    @Test func aBackupIsAWholeDataFolder() throws {
        let store = try RoundStore(dataDirectory: Self.folder())
        let (round, secrets) = try Self.openSample(store)
        let version = try store.addVersion(roundId: round.id, area: "涡阳县", fileName: "a.xlsx", bytes: [7, 7], errors: 0, warnings: 0, report: "{}")
        let destination = Self.folder()
        try store.backup(to: destination)
        let restored = try RoundStore(dataDirectory: destination)
        #expect(try restored.target(secret: secrets[0].secret)?.round.id == round.id)
        #expect(try restored.file(version.sha256) == [7, 7])
        #expect(try restored.file(restored.round(round.id).planHash) == Array("plan".utf8))
        #expect(throws: RoundFailure.self) { try store.backup(to: destination) }
    }
}
