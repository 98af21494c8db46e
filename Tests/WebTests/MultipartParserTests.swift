import MinshengWeb
import XCTest

/// The streaming multipart parser: chunk boundaries anywhere, CRLF inside bodies, file names.
final class MultipartParserTests: XCTestCase {
    /// Parts as (name, filename, body) from a body fed in chunks of `size` bytes.
    private func parse(_ body: [UInt8], boundary: String = "XyZ", chunk size: Int) throws -> [(String?, String?, [UInt8])] {
        var parser = try MultipartParser(boundary: boundary)
        var parts: [(String?, String?, [UInt8])] = []
        var index = 0
        while index < body.count {
            let end = min(body.count, index + size)
            for event in try parser.feed(body[index..<end]) {
                switch event {
                case .part(let part): parts.append((part.name, part.filename, []))
                case .body(let bytes): parts[parts.count - 1].2 += bytes
                case .end: break
                }
            }
            index = end
        }
        try parser.finish()
        return parts
    }

    private let sample: [UInt8] = Array(
        ("preamble to ignore\r\n--XyZ\r\nContent-Disposition: form-data; name=\"as_of\"\r\n\r\n2023-10-31\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"涡阳县.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + "line one\r\n--XyNot a boundary\r\n\r\n--X\r\nend\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\n"
            + "\r\n--XyZ--\r\nepilogue").utf8)

    func testEveryChunkSizeGivesTheSameParts() throws {
        let whole = try parse(sample, chunk: sample.count)
        XCTAssertEqual(whole.count, 3)
        XCTAssertEqual(whole[0].0, "as_of")
        XCTAssertNil(whole[0].1)
        XCTAssertEqual(String(decoding: whole[0].2, as: UTF8.self), "2023-10-31")
        XCTAssertEqual(whole[1].1, "涡阳县.xlsx")
        XCTAssertEqual(String(decoding: whole[1].2, as: UTF8.self), "line one\r\n--XyNot a boundary\r\n\r\n--X\r\nend")
        XCTAssertEqual(whole[2].1, "a.xlsx")
        XCTAssertEqual(whole[2].2, [], "an empty body stays empty")
        // A boundary split across chunks anywhere, down to one byte at a time.
        for size in [1, 2, 3, 5, 7, 11, 64] {
            let parts = try parse(sample, chunk: size)
            XCTAssertEqual(parts.map(\.0), whole.map(\.0), "chunk \(size)")
            XCTAssertEqual(parts.map(\.1), whole.map(\.1), "chunk \(size)")
            XCTAssertEqual(parts.map(\.2), whole.map(\.2), "chunk \(size)")
        }
    }

    func testBinaryBodyWithCRAndLFBytesComesBackExactly() throws {
        let content: [UInt8] = (0..<5000).map { UInt8(truncatingIfNeeded: $0 % 3 == 0 ? 13 : $0 % 5 == 0 ? 10 : $0) }
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n\r\n".utf8) + content
            + Array("\r\n--b--\r\n".utf8)
        for size in [1, 13, 1000, body.count] {
            XCTAssertEqual(try parse(body, boundary: "b", chunk: size).first?.2, content, "chunk \(size)")
        }
    }

    func testRFC5987FileNameWinsAndQuotedPairsAreUnescaped() throws {
        let body = Array(
            ("--XyZ\r\ncontent-disposition: form-data; name=\"file\"; filename=\"fallback.xlsx\"; filename*=UTF-8''%E6%B6%A1%E9%98%B3%E5%8E%BF.xlsx\r\n\r\nA\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"say \\\"hi\\\"; ok.xlsx\"\r\n\r\nB\r\n--XyZ--").utf8)
        let parts = try parse(body, chunk: 4)
        XCTAssertEqual(parts.map(\.1), ["涡阳县.xlsx", "say \"hi\"; ok.xlsx"])
    }

    func testMissingClosingBoundaryIsAnError() throws {
        let body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nhalf an upload".utf8)
        XCTAssertThrowsError(try parse(body, chunk: 5)) {
            XCTAssertEqual($0 as? MultipartParser.Failure, .missingClosingBoundary)
        }
        XCTAssertThrowsError(try parse([], chunk: 1)) {
            XCTAssertEqual($0 as? MultipartParser.Failure, .missingClosingBoundary)
        }
    }

    func testGarbageAfterABoundaryAndHugeHeadersAreRefused() throws {
        XCTAssertThrowsError(try parse(Array("--XyZjunk\r\n\r\n--XyZ--".utf8), chunk: 3)) {
            XCTAssertEqual($0 as? MultipartParser.Failure, .malformedDelimiter)
        }
        let huge = "--XyZ\r\nX-Long: " + String(repeating: "a", count: 20_000)
        XCTAssertThrowsError(try parse(Array(huge.utf8), chunk: 1000)) {
            XCTAssertEqual($0 as? MultipartParser.Failure, .badHeaders)
        }
        XCTAssertThrowsError(try MultipartParser(boundary: ""))
        XCTAssertThrowsError(try MultipartParser(boundary: String(repeating: "b", count: 71)))
    }

    func testContentTypeBoundary() {
        XCTAssertEqual(MultipartPart.boundary(ofContentType: "multipart/form-data; boundary=----WebKitFormBoundaryA1b2"), "----WebKitFormBoundaryA1b2")
        XCTAssertEqual(MultipartPart.boundary(ofContentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\""), "a b")
        XCTAssertNil(MultipartPart.boundary(ofContentType: "application/json"))
        XCTAssertNil(MultipartPart.boundary(ofContentType: "multipart/form-data"))
    }

    func testLabelsAreFileNamesNeverPaths() {
        XCTAssertEqual(UploadedForm.label("../../x.xlsx", index: 1), "x.xlsx")
        XCTAssertEqual(UploadedForm.label("C:\\Users\\王\\涡阳县.xlsx", index: 1), "涡阳县.xlsx")
        XCTAssertEqual(UploadedForm.label("..", index: 3), "文件3")
        XCTAssertEqual(UploadedForm.label("a\u{0}b\nc.xlsx", index: 1), "abc.xlsx")
    }
}
