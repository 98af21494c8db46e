import Foundation

/// The text boxes of a PDF as `pdftotext -bbox` (poppler-utils) gives them: per page, each word
/// with its box in points. What a printed page shows, measured: font sizes, overlaps, whole headers.
public struct PDFText: Sendable {
    /// One word (a run without spaces) and its box, in points from the page's top left.
    public struct Word: Sendable, Hashable {
        public var text: String
        public var xMin: Double
        public var yMin: Double
        public var xMax: Double
        public var yMax: Double

        public var width: Double { xMax - xMin }
        public var height: Double { yMax - yMin }

        /// CJK characters are one em wide: their width per character is the font size.
        public var cjkCount: Int {
            text.unicodeScalars.filter { (0x3400...0x9FFF).contains($0.value) || (0xFF01...0xFF5E).contains($0.value) }.count
        }

        /// Whether two boxes overlap by more than `tolerance` points across and more than `share`
        /// of the lower box's height down (the lines of one wrapped cell touch by their ascent and
        /// descent, about a quarter of a box; a row drawn over the next overlaps far more).
        public func overlaps(_ other: Word, tolerance: Double = 1, share: Double = 0.4) -> Bool {
            min(xMax, other.xMax) - max(xMin, other.xMin) > tolerance
                && min(yMax, other.yMax) - max(yMin, other.yMin) > share * min(height, other.height)
        }
    }

    /// One page: its size and words in reading order.
    public struct Page: Sendable {
        public var width: Double
        public var height: Double
        public var words: [Word]

        /// The page's text without spaces, in reading order.
        public var joined: String { words.map(\.text).joined() }

        /// The texts of wrapped cells: each word with the words stacked under it in the same
        /// column (the next line of one cell: overlapping across, less than a line below), joined.
        public var stackedTexts: [String] {
            let sorted = words.sorted { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }
            var texts: [String] = []
            for start in sorted {
                var text = start.text
                var current = start
                while let next = sorted.first(where: { candidate in
                    candidate.yMin > current.yMin + current.height * 0.5 && candidate.yMin < current.yMax + current.height * 0.5
                        && min(candidate.xMax, current.xMax) - max(candidate.xMin, current.xMin) > 0.5 * min(candidate.width, current.width)
                }) {
                    text += next.text
                    current = next
                }
                texts.append(text)
            }
            return texts
        }

        /// Whether `text` is printed on the page whole: on one line or wrapped within its cell.
        public func contains(_ text: String) -> Bool {
            joined.contains(text) || stackedTexts.contains { $0.contains(text) }
        }

        /// The font size of a word: for words of CJK characters only, width per character (they
        /// are square); for others, the box height divided by the height-to-size ratio of this
        /// page's CJK words.
        public func fontSize(_ word: Word) -> Double {
            if word.cjkCount == word.text.count, word.cjkCount > 0 { return word.width / Double(word.cjkCount) }
            return word.height / heightRatio
        }

        /// Box height ÷ font size, from the page's all-CJK words (1.3 when it has none).
        public var heightRatio: Double {
            let ratios = words.filter { $0.cjkCount == $0.text.count && $0.cjkCount > 1 }
                .map { $0.height / ($0.width / Double($0.cjkCount)) }.sorted()
            return ratios.isEmpty ? 1.3 : ratios[ratios.count / 2]
        }

        /// The smallest font size of any word of the page.
        public var smallestFontSize: Double { words.map(fontSize).min() ?? .infinity }

        /// Pairs of words whose boxes overlap (a row's text drawn over the next).
        public var overlappingWords: [(Word, Word)] {
            var pairs: [(Word, Word)] = []
            let sorted = words.sorted { $0.yMin < $1.yMin }
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] {
                    if b.yMin >= a.yMax { break }
                    if a.overlaps(b) { pairs.append((a, b)) }
                }
            }
            return pairs
        }
    }

    /// The pages, in order.
    public var pages: [Page]

    /// Whether `pdftotext` is installed.
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }

    /// Reads a PDF's words with `pdftotext -bbox`.
    public init(pdf path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-bbox", path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        pages = Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// Parses `pdftotext -bbox` output (XHTML with `<page>` and `<word>` elements).
    static func parse(_ html: String) -> [Page] {
        var pages: [Page] = []
        for line in html.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("<page ") {
                pages.append(Page(width: attribute("width", text) ?? 0, height: attribute("height", text) ?? 0, words: []))
            } else if text.hasPrefix("<word "), !pages.isEmpty,
                let start = text.firstIndex(of: ">"), let end = text.range(of: "</word>", options: .backwards)
            {
                let word = String(text[text.index(after: start)..<end.lowerBound])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                pages[pages.count - 1].words.append(
                    Word(
                        text: word, xMin: attribute("xMin", text) ?? 0, yMin: attribute("yMin", text) ?? 0,
                        xMax: attribute("xMax", text) ?? 0, yMax: attribute("yMax", text) ?? 0))
            }
        }
        return pages
    }

    static func attribute(_ name: String, _ element: String) -> Double? {
        guard let range = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return Double(rest[..<end])
    }
}
