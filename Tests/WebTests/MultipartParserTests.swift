import MinshengWeb
import Testing

/// The streaming multipart parser: chunk boundaries anywhere, CRLF inside bodies, file names.
struct MultipartParserTests {
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

    @Test func everyChunkSizeGivesTheSameParts() throws {
        let whole = try parse(sample, chunk: sample.count)
        #expect(whole.count == 3)
        #expect(whole[0].0 == "as_of")
        #expect(whole[0].1 == nil)
        #expect(String(decoding: whole[0].2, as: UTF8.self) == "2023-10-31")
        #expect(whole[1].1 == "涡阳县.xlsx")
        #expect(String(decoding: whole[1].2, as: UTF8.self) == "line one\r\n--XyNot a boundary\r\n\r\n--X\r\nend")
        #expect(whole[2].1 == "a.xlsx")
        #expect(whole[2].2 == [], "an empty body stays empty")
        // A boundary split across chunks anywhere, down to one byte at a time.
        for size in [1, 2, 3, 5, 7, 11, 64] {
            let parts = try parse(sample, chunk: size)
            #expect(parts.map(\.0) == whole.map(\.0), "chunk \(size)")
            #expect(parts.map(\.1) == whole.map(\.1), "chunk \(size)")
            #expect(parts.map(\.2) == whole.map(\.2), "chunk \(size)")
        }
    }

    @Test func binaryBodyWithCRAndLFBytesComesBackExactly() throws {
        let content: [UInt8] = (0..<5000).map { UInt8(truncatingIfNeeded: $0 % 3 == 0 ? 13 : $0 % 5 == 0 ? 10 : $0) }
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n\r\n".utf8) + content
            + Array("\r\n--b--\r\n".utf8)
        for size in [1, 13, 1000, body.count] {
            #expect(try parse(body, boundary: "b", chunk: size).first?.2 == content, "chunk \(size)")
        }
    }

    @Test func rfc5987FileNameWinsAndQuotedPairsAreUnescaped() throws {
        let body = Array(
            ("--XyZ\r\ncontent-disposition: form-data; name=\"file\"; filename=\"fallback.xlsx\"; filename*=UTF-8''%E6%B6%A1%E9%98%B3%E5%8E%BF.xlsx\r\n\r\nA\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"say \\\"hi\\\"; ok.xlsx\"\r\n\r\nB\r\n--XyZ--").utf8)
        let parts = try parse(body, chunk: 4)
        #expect(parts.map(\.1) == ["涡阳县.xlsx", "say \"hi\"; ok.xlsx"])
    }

    @Test func missingClosingBoundaryIsAnError() throws {
        let body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nhalf an upload".utf8)
        #expect(throws: MultipartParser.Failure.missingClosingBoundary) { try parse(body, chunk: 5) }
        #expect(throws: MultipartParser.Failure.missingClosingBoundary) { try parse([], chunk: 1) }
    }

    @Test func garbageAfterABoundaryAndHugeHeadersAreRefused() throws {
        #expect(throws: MultipartParser.Failure.malformedDelimiter) { try parse(Array("--XyZjunk\r\n\r\n--XyZ--".utf8), chunk: 3) }
        let huge = "--XyZ\r\nX-Long: " + String(repeating: "a", count: 20_000)
        #expect(throws: MultipartParser.Failure.badHeaders) { try parse(Array(huge.utf8), chunk: 1000) }
        #expect(throws: (any Error).self) { try MultipartParser(boundary: "") }
        #expect(throws: (any Error).self) { try MultipartParser(boundary: String(repeating: "b", count: 71)) }
    }

    @Test func contentTypeBoundary() {
        #expect(MultipartPart.boundary(ofContentType: "multipart/form-data; boundary=----WebKitFormBoundaryA1b2") == "----WebKitFormBoundaryA1b2")
        #expect(MultipartPart.boundary(ofContentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"") == "a b")
        #expect(MultipartPart.boundary(ofContentType: "application/json") == nil)
        #expect(MultipartPart.boundary(ofContentType: "multipart/form-data") == nil)
    }

    @Test func labelsAreFileNamesNeverPaths() {
        #expect(UploadedForm.label("../../x.xlsx", index: 1) == "x.xlsx")
        #expect(UploadedForm.label("C:\\Users\\王\\涡阳县.xlsx", index: 1) == "涡阳县.xlsx")
        #expect(UploadedForm.label("..", index: 3) == "文件3")
        #expect(UploadedForm.label("a\u{0}b\nc.xlsx", index: 1) == "abc.xlsx")
    }
}
