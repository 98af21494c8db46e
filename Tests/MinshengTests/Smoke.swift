import Testing

@Test func MinshengTestsBuilds() { #expect(Bool(true)) }
