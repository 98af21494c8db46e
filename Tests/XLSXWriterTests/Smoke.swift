import Testing

@Test func XLSXWriterTestsBuilds() { #expect(Bool(true)) }
