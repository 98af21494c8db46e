import Testing

@Test func XLSXReaderTestsBuilds() { #expect(Bool(true)) }
