#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scanner of its own for the XML of a workbook's parts (worksheets, the reader's hot path, and
/// the small parts every file has: relationships, workbook, shared strings, styles): it drives an
/// `XMLHandler` through the same `start`/`end`/`text` calls expat makes, without expat's per-tag
/// copying and attribute hashing.
///
/// It accepts only a narrow grammar, checked exactly: an optional UTF-8 byte-order mark; an
/// optional `<?xml version="1.0" …?>` declaration whose encoding is absent or UTF-8; elements
/// and attributes with ASCII names (`name` or `prefix:name`), attribute values in `"` or `'`; the
/// five predefined entities and character references; text of valid UTF-8 XML characters. On
/// anything else (a DOCTYPE, CDATA, a comment, a processing instruction, another encoding, a
/// non-ASCII name, any well-formedness error, a limit below) it *abandons*, and the caller reads
/// the whole part again with expat and a fresh handler: every error is expat's, and a fallback
/// costs only time.
///
/// On what it accepts it does what expat does: end tags must match, duplicate attributes are
/// refused, attribute values are normalized (TAB, LF, CR and CRLF → one space each; references
/// are not), and line ends in text become LF (CRLF and a lone CR). Bytes arrive in chunks of any
/// size: an incomplete token is carried into the next chunk.
final class XMLTokenizer<Handler: XMLHandler> {
    private enum Stage { case start, declaration, prolog, content, epilog }
    private enum Step {
        case advanced(UnsafeMutablePointer<UInt8>)
        case needMore
        case abandon
    }

    /// More attributes on one element, deeper nesting or longer names are left to expat.
    static var maxAttributes: Int { 32 }
    static var maxDepth: Int { 64 }
    static var maxName: Int { 64 }
    /// An incomplete token longer than this (a huge attribute value) is left to expat rather than
    /// rescanned on every chunk.
    static var maxPending: Int { 1 << 20 }

    private let handler: Handler
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes at the start of `buffer` carried from the previous chunk (an incomplete token, and
    /// any bytes since whose scan was deferred).
    private(set) var pending = 0
    /// How many bytes the last scan left unconsumed (the incomplete token it rescans next).
    private var rescanned = 0
    private var stage = Stage.start
    /// The open elements' names, `maxName` bytes a slot, and their lengths.
    private var depth = 0
    private let openNames: UnsafeMutablePointer<UInt8>
    private let openLengths: UnsafeMutablePointer<Int>
    /// The attribute array handed to the handler: name, value, …, nil, nil.
    private let attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>
    /// Per attribute: name start, name end, value start, value end (offsets into the buffer),
    /// and whether the value needs rewriting (references, whitespace to normalize).
    private let spans: UnsafeMutablePointer<Int>
    private let rewrites: UnsafeMutablePointer<Bool>
    private let classes: UnsafeMutablePointer<UInt8>
    /// Room for one decoded reference or line end, handed to the handler as text.
    private let scratch: UnsafeMutablePointer<UInt8>
    /// Whether it gave up: the caller reads the part with expat instead.
    private(set) var abandoned = false

    // Byte classes.
    private static var textPlain: UInt8 { XMLByteClasses.textPlain }
    private static var attributePlain: UInt8 { XMLByteClasses.attributePlain }
    private static var nameStart: UInt8 { XMLByteClasses.nameStart }
    private static var nameChar: UInt8 { XMLByteClasses.nameChar }
    private static var space: UInt8 { XMLByteClasses.space }

    init(handler: Handler) {
        self.handler = handler
        // Grown to the first chunk (a small part needs no more).
        capacity = 0
        buffer = .allocate(capacity: 1)
        openNames = .allocate(capacity: Self.maxDepth * Self.maxName)
        openLengths = .allocate(capacity: Self.maxDepth)
        openLengths.initialize(repeating: 0, count: Self.maxDepth)
        attributes = .allocate(capacity: 2 * Self.maxAttributes + 2)
        attributes.initialize(repeating: nil, count: 2 * Self.maxAttributes + 2)
        spans = .allocate(capacity: 4 * Self.maxAttributes)
        spans.initialize(repeating: 0, count: 4 * Self.maxAttributes)
        rewrites = .allocate(capacity: Self.maxAttributes)
        rewrites.initialize(repeating: false, count: Self.maxAttributes)
        scratch = .allocate(capacity: 8)
        scratch.initialize(repeating: 0, count: 8)
        // (Made once per process: every part of every workbook has a tokenizer.)
        classes = XMLByteClasses.table
    }

    deinit {
        buffer.deallocate()
        openNames.deallocate()
        openLengths.deallocate()
        attributes.deallocate()
        spans.deallocate()
        rewrites.deallocate()
        scratch.deallocate()
    }

    /// Scans one more chunk; false once it has abandoned.
    ///
    /// An incomplete token is not rescanned on every small chunk: the scan waits until at least
    /// as many new bytes have come as the token held, so that a long token fed a few bytes at a
    /// time costs linear, not quadratic, time (`finish()` scans what is left).
    func feed(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !abandoned else { return false }
        let total = pending + chunk.count
        let deferScan = rescanned > 0 && total - rescanned < rescanned
        if total > capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(total, 2 * capacity))
            grown.update(from: buffer, count: pending)
            buffer.deallocate()
            buffer = grown
            capacity = max(total, 2 * capacity)
        }
        if let source = chunk.baseAddress, chunk.count > 0 {
            (buffer + pending).update(from: source, count: chunk.count)
        }
        if deferScan {
            pending = total
            if pending > Self.maxPending {
                abandoned = true
                return false
            }
            return true
        }
        return scanPending(total)
    }

    /// Scans the `total` bytes in the buffer, keeping an incomplete token for the next chunk.
    private func scanPending(_ total: Int) -> Bool {
        guard let consumed = scan(buffer, total) else {
            abandoned = true
            return false
        }
        let rest = total - consumed
        if rest > 0 && consumed > 0 { memmove(buffer, buffer + consumed, rest) }
        pending = rest
        rescanned = rest
        if pending > Self.maxPending {
            abandoned = true
            return false
        }
        return true
    }

    /// Whether the whole part was read: the root element closed, nothing left over (bytes held
    /// back from a scan are scanned first).
    func finish() -> Bool {
        if !abandoned && pending > rescanned && !scanPending(pending) { return false }
        return !abandoned && pending == 0 && stage == .epilog
    }

    // MARK: - Scanning

    /// Scans `count` bytes from `base`; returns how many were consumed (the rest is an
    /// incomplete token), or nil to abandon.
    private func scan(_ base: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int? {
        let end = base + count
        let classes = self.classes
        var p = base
        while p < end {
            switch stage {
            case .content:
                // Text up to the next markup, reference, CR or `]`.
                let textStart = p
                while p < end {
                    let b = p.pointee
                    if classes[Int(b)] & Self.textPlain != 0 {
                        p += 1
                    } else if b >= 0x80 {
                        let n = utf8Length(p, end)
                        if n > 0 {
                            p += n
                        } else if n == 0 {
                            return nil
                        } else {
                            break
                        }
                    } else if b == UInt8(ascii: "]") {
                        guard end - p >= 3 else { break }
                        if p[1] == UInt8(ascii: "]") && p[2] == UInt8(ascii: ">") { return nil }
                        p += 1
                    } else {
                        break
                    }
                }
                if p > textStart { emit(textStart, p - textStart) }
                guard p < end else { return p - base }
                switch p.pointee {
                case UInt8(ascii: "<"):
                    guard end - p >= 2 else { return p - base }
                    let step: Step
                    switch p[1] {
                    case UInt8(ascii: "/"): step = endTag(p, end)
                    case UInt8(ascii: "?"), UInt8(ascii: "!"): return nil
                    default: step = startTag(p, end)
                    }
                    switch step {
                    case .advanced(let next): p = next
                    case .needMore: return p - base
                    case .abandon: return nil
                    }
                    if handler.stopped { return nil }
                case UInt8(ascii: "&"):
                    let (length, scalar) = reference(p, end)
                    if length < 0 { return p - base }
                    if length == 0 { return nil }
                    emit(scratch, encode(scalar, into: scratch))
                    p += length
                case 0x0D:
                    guard end - p >= 2 else { return p - base }
                    scratch[0] = 0x0A
                    emit(scratch, 1)
                    p += p[1] == 0x0A ? 2 : 1
                case UInt8(ascii: "]"):
                    // Fewer than three bytes left: `]]>` cannot be ruled out yet.
                    return p - base
                default:
                    // An incomplete UTF-8 sequence waits for more; anything else is not ours.
                    if p.pointee >= 0x80 { return p - base }
                    return nil
                }
            case .prolog, .epilog:
                while p < end && classes[Int(p.pointee)] & Self.space != 0 { p += 1 }
                guard p < end else { return p - base }
                // After the root: comments, processing instructions or a second root are expat's.
                guard stage == .prolog, p.pointee == UInt8(ascii: "<") else { return nil }
                guard end - p >= 2 else { return p - base }
                if p[1] == UInt8(ascii: "/") || p[1] == UInt8(ascii: "?") || p[1] == UInt8(ascii: "!") {
                    return nil
                }
                stage = .content
                switch startTag(p, end) {
                case .advanced(let next): p = next
                case .needMore:
                    stage = .prolog
                    return p - base
                case .abandon: return nil
                }
                if handler.stopped { return nil }
            case .start:
                // An optional UTF-8 byte-order mark.
                if p.pointee == 0xEF {
                    guard end - p >= 3 else { return p - base }
                    guard p[1] == 0xBB && p[2] == 0xBF else { return nil }
                    p += 3
                }
                stage = .declaration
            case .declaration:
                switch declaration(p, end) {
                case .advanced(let next): p = next
                case .needMore: return p - base
                case .abandon: return nil
                }
                stage = .prolog
            }
        }
        return p - base
    }

    /// Hands text to the handler.
    @inline(__always)
    private func emit(_ start: UnsafeMutablePointer<UInt8>, _ count: Int) {
        handler.text(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), count)
    }

    /// The end of an ASCII name (`name` or `prefix:name`) starting at `p`: nil if none starts
    /// there or it is too long; `end` when the bytes ran out inside it.
    @inline(__always)
    private func nameEnd(_ p: UnsafeMutablePointer<UInt8>, _ end: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        let classes = self.classes
        guard p < end else { return end }
        guard classes[Int(p.pointee)] & Self.nameStart != 0 else { return nil }
        var q = p + 1
        while q < end && classes[Int(q.pointee)] & Self.nameChar != 0 { q += 1 }
        if q < end && q.pointee == UInt8(ascii: ":") {
            q += 1
            guard q < end else { return end }
            guard classes[Int(q.pointee)] & Self.nameStart != 0 else { return nil }
            q += 1
            while q < end && classes[Int(q.pointee)] & Self.nameChar != 0 { q += 1 }
        }
        if q - p >= Self.maxName { return nil }
        return q
    }

    /// `<name attributes…>` or `<name …/>` at `p`.
    @inline(__always)
    private func startTag(_ p: UnsafeMutablePointer<UInt8>, _ end: UnsafeMutablePointer<UInt8>) -> Step {
        let classes = self.classes
        let base = buffer
        let nameStart = p + 1
        guard let nameStop = nameEnd(nameStart, end) else { return .abandon }
        if nameStop == end { return .needMore }
        var q = nameStop
        var count = 0
        var selfClosing = false
        while true {
            var spaced = false
            while q < end && classes[Int(q.pointee)] & Self.space != 0 {
                q += 1
                spaced = true
            }
            guard q < end else { return .needMore }
            let c = q.pointee
            if c == UInt8(ascii: ">") {
                q += 1
                break
            }
            if c == UInt8(ascii: "/") {
                guard end - q >= 2 else { return .needMore }
                guard q[1] == UInt8(ascii: ">") else { return .abandon }
                q += 2
                selfClosing = true
                break
            }
            guard spaced, count < Self.maxAttributes else { return .abandon }
            // name = value
            let attributeStart = q
            guard let attributeStop = nameEnd(q, end) else { return .abandon }
            if attributeStop == end { return .needMore }
            q = attributeStop
            while q < end && classes[Int(q.pointee)] & Self.space != 0 { q += 1 }
            guard q < end else { return .needMore }
            guard q.pointee == UInt8(ascii: "=") else { return .abandon }
            q += 1
            while q < end && classes[Int(q.pointee)] & Self.space != 0 { q += 1 }
            guard q < end else { return .needMore }
            let quote = q.pointee
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return .abandon }
            q += 1
            let valueStart = q
            var rewrite = false
            while true {
                guard q < end else { return .needMore }
                let b = q.pointee
                if classes[Int(b)] & Self.attributePlain != 0 {
                    q += 1
                    continue
                }
                if b == quote { break }
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    q += 1
                case 0x09, 0x0A, 0x0D:
                    rewrite = true
                    q += 1
                case UInt8(ascii: "&"):
                    let (length, _) = reference(q, end)
                    if length < 0 { return .needMore }
                    if length == 0 { return .abandon }
                    rewrite = true
                    q += length
                case 0x80...:
                    let n = utf8Length(q, end)
                    if n < 0 { return .needMore }
                    if n == 0 { return .abandon }
                    q += n
                default:
                    return .abandon
                }
            }
            let valueStop = q
            q += 1
            // Duplicates are a well-formedness error: expat's to report.
            let length = attributeStop - attributeStart
            for i in 0..<count {
                let otherStart = spans[4 * i]
                // (The first bytes compared first: `r`, `s` and `t` of a cell differ there, without a call.)
                if spans[4 * i + 1] - otherStart == length && base[otherStart] == attributeStart.pointee
                    && memcmp(base + otherStart, attributeStart, length) == 0
                {
                    return .abandon
                }
            }
            spans[4 * count] = attributeStart - base
            spans[4 * count + 1] = attributeStop - base
            spans[4 * count + 2] = valueStart - base
            spans[4 * count + 3] = valueStop - base
            rewrites[count] = rewrite
            count += 1
        }
        // The tag is complete: terminate names and values in place, and report it.
        let nameLength = nameStop - nameStart
        if !selfClosing && depth >= Self.maxDepth { return .abandon }
        nameStop.pointee = 0
        for i in 0..<count {
            (base + spans[4 * i + 1]).pointee = 0
            let valueStart = base + spans[4 * i + 2]
            let valueStop = base + spans[4 * i + 3]
            if rewrites[i] {
                normalize(valueStart, valueStop).pointee = 0
            } else {
                valueStop.pointee = 0
            }
            attributes[2 * i] = UnsafePointer(UnsafeRawPointer(base + spans[4 * i]).assumingMemoryBound(to: CChar.self))
            attributes[2 * i + 1] = UnsafePointer(UnsafeRawPointer(valueStart).assumingMemoryBound(to: CChar.self))
        }
        attributes[2 * count] = nil
        attributes[2 * count + 1] = nil
        let name = UnsafePointer(UnsafeRawPointer(nameStart).assumingMemoryBound(to: CChar.self))
        handler.start(name, attributes)
        if selfClosing {
            handler.end(name)
            if depth == 0 { stage = .epilog }
        } else {
            (openNames + depth * Self.maxName).update(from: nameStart, count: nameLength)
            openLengths[depth] = nameLength
            depth += 1
        }
        return .advanced(q)
    }

    /// `</name>` at `p`, which must close the innermost open element.
    @inline(__always)
    private func endTag(_ p: UnsafeMutablePointer<UInt8>, _ end: UnsafeMutablePointer<UInt8>) -> Step {
        let nameStart = p + 2
        guard let nameStop = nameEnd(nameStart, end) else { return .abandon }
        if nameStop == end { return .needMore }
        var q = nameStop
        while q < end && classes[Int(q.pointee)] & Self.space != 0 { q += 1 }
        guard q < end else { return .needMore }
        guard q.pointee == UInt8(ascii: ">"), depth > 0 else { return .abandon }
        let length = nameStop - nameStart
        let open = openNames + (depth - 1) * Self.maxName
        guard openLengths[depth - 1] == length, memcmp(open, nameStart, length) == 0 else { return .abandon }
        nameStop.pointee = 0
        depth -= 1
        handler.end(UnsafePointer(UnsafeRawPointer(nameStart).assumingMemoryBound(to: CChar.self)))
        if depth == 0 { stage = .epilog }
        return .advanced(q + 1)
    }

    /// Rewrites an attribute value in place as expat normalizes it: references decoded, TAB, LF,
    /// CR and CRLF each one space. Returns the new end (the value only shrinks).
    private func normalize(_ start: UnsafeMutablePointer<UInt8>, _ stop: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var r = start
        var w = start
        while r < stop {
            let b = r.pointee
            switch b {
            case 0x09, 0x0A:
                w.pointee = 0x20
                w += 1
                r += 1
            case 0x0D:
                w.pointee = 0x20
                w += 1
                r += r + 1 < stop && r[1] == 0x0A ? 2 : 1
            case UInt8(ascii: "&"):
                let (length, scalar) = reference(r, stop)
                // Checked while scanning: a complete, valid reference.
                let n = encode(scalar, into: scratch)
                w.update(from: scratch, count: n)
                w += n
                r += max(length, 1)
            default:
                w.pointee = b
                w += 1
                r += 1
            }
        }
        return w
    }

    /// A reference at `p` (`&`): its length and the character it stands for; length 0 when it
    /// is not one we accept, -1 when the bytes ran out inside it.
    @inline(__always)
    private func reference(_ p: UnsafeMutablePointer<UInt8>, _ end: UnsafeMutablePointer<UInt8>) -> (Int, UInt32) {
        var q = p + 1
        guard q < end else { return (-1, 0) }
        if q.pointee == UInt8(ascii: "#") {
            q += 1
            guard q < end else { return (-1, 0) }
            var value: UInt32 = 0
            var digits = 0
            if q.pointee == UInt8(ascii: "x") {
                q += 1
                while true {
                    guard q < end else { return (-1, 0) }
                    let c = q.pointee
                    let digit: UInt32
                    switch c {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
                    case UInt8(ascii: ";"):
                        guard digits > 0, isXMLCharacter(value) else { return (0, 0) }
                        return (q + 1 - p, value)
                    default: return (0, 0)
                    }
                    value = value * 16 + digit
                    digits += 1
                    if value > 0x10FFFF { return (0, 0) }
                    q += 1
                }
            }
            while true {
                guard q < end else { return (-1, 0) }
                let c = q.pointee
                if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                    value = value * 10 + UInt32(c - UInt8(ascii: "0"))
                    digits += 1
                    if value > 0x10FFFF { return (0, 0) }
                    q += 1
                } else if c == UInt8(ascii: ";") {
                    guard digits > 0, isXMLCharacter(value) else { return (0, 0) }
                    return (q + 1 - p, value)
                } else {
                    return (0, 0)
                }
            }
        }
        // lt gt amp quot apos
        switch q.pointee {
        case UInt8(ascii: "l"): return named(p, end, "lt;", 0x3C)
        case UInt8(ascii: "g"): return named(p, end, "gt;", 0x3E)
        case UInt8(ascii: "a"):
            guard q + 1 < end else { return (-1, 0) }
            return q[1] == UInt8(ascii: "m") ? named(p, end, "amp;", 0x26) : named(p, end, "apos;", 0x27)
        case UInt8(ascii: "q"): return named(p, end, "quot;", 0x22)
        default: return (0, 0)
        }
    }

    /// `&` + `literal` at `p`.
    @inline(__always)
    private func named(
        _ p: UnsafeMutablePointer<UInt8>, _ end: UnsafeMutablePointer<UInt8>, _ literal: StaticString, _ scalar: UInt32
    ) -> (Int, UInt32) {
        let bytes = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        for i in 0..<count {
            guard p + 1 + i < end else { return (-1, 0) }
            guard p[1 + i] == bytes[i] else { return (0, 0) }
        }
        return (count + 1, scalar)
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` (encoding and standalone
    /// optional, encoding UTF-8 in any case) at `p`, or no declaration at all.
    private func declaration(_ p: UnsafeMutablePointer<UInt8>, _ end: UnsafeMutablePointer<UInt8>) -> Step {
        let open: StaticString = "<?xml"
        let openBytes = open.utf8Start
        for i in 0..<5 {
            guard p + i < end else { return .needMore }
            if p[i] != openBytes[i] { return .advanced(p) }  // no declaration
        }
        guard p + 5 < end else { return .needMore }
        guard classes[Int(p[5])] & Self.space != 0 else { return .abandon }  // a processing instruction
        var q = p + 5
        var seen = 0  // 1 version, 2 encoding, 3 standalone
        while true {
            var spaced = false
            while q < end && classes[Int(q.pointee)] & Self.space != 0 {
                q += 1
                spaced = true
            }
            guard q < end else { return .needMore }
            if q.pointee == UInt8(ascii: "?") {
                guard q + 1 < end else { return .needMore }
                guard q[1] == UInt8(ascii: ">"), seen >= 1 else { return .abandon }
                return .advanced(q + 2)
            }
            guard spaced else { return .abandon }
            guard let stop = nameEnd(q, end) else { return .abandon }
            if stop == end { return .needMore }
            let name = String(decoding: UnsafeBufferPointer(start: q, count: stop - q), as: UTF8.self)
            q = stop
            while q < end && classes[Int(q.pointee)] & Self.space != 0 { q += 1 }
            guard q < end else { return .needMore }
            guard q.pointee == UInt8(ascii: "=") else { return .abandon }
            q += 1
            while q < end && classes[Int(q.pointee)] & Self.space != 0 { q += 1 }
            guard q < end else { return .needMore }
            let quote = q.pointee
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return .abandon }
            q += 1
            let valueStart = q
            while q < end && q.pointee != quote {
                guard q - valueStart < 32 else { return .abandon }
                q += 1
            }
            guard q < end else { return .needMore }
            let value = String(decoding: UnsafeBufferPointer(start: valueStart, count: q - valueStart), as: UTF8.self)
            q += 1
            switch (name, seen) {
            case ("version", 0) where value == "1.0": seen = 1
            case ("encoding", 1) where value.lowercased() == "utf-8": seen = 2
            case ("standalone", 1), ("standalone", 2):
                guard value == "yes" || value == "no" else { return .abandon }
                seen = 3
            default: return .abandon
            }
        }
    }
}

/// The length of the valid UTF-8 sequence at `p` (whose lead byte is ≥ 0x80): 2–4, 0 when it is
/// not valid (overlong, a surrogate, past U+10FFFF, U+FFFE or U+FFFF, as expat refuses), -1 when
/// the bytes run out before it ends.
@inline(__always)
private func utf8Length(_ p: UnsafeMutablePointer<UInt8>, _ end: UnsafeMutablePointer<UInt8>) -> Int {
    let lead = p.pointee
    var count = 3
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: count = 2
    case 0xE0: low = 0xA0
    case 0xE1...0xEC, 0xEE, 0xEF: break
    case 0xED: high = 0x9F
    case 0xF0:
        count = 4
        low = 0x90
    case 0xF1...0xF3: count = 4
    case 0xF4:
        count = 4
        high = 0x8F
    default: return 0
    }
    guard end - p >= count else { return -1 }
    let second = p[1]
    guard second >= low && second <= high else { return 0 }
    var i = 2
    while i < count {
        guard p[i] & 0xC0 == 0x80 else { return 0 }
        i += 1
    }
    if lead == 0xEF && second == 0xBF && p[2] >= 0xBE { return 0 }
    return count
}

/// Whether a character reference names a character XML allows (TAB, LF, CR, U+0020–U+D7FF,
/// U+E000–U+FFFD, U+10000–U+10FFFF).
@inline(__always)
private func isXMLCharacter(_ v: UInt32) -> Bool {
    switch v {
    case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
}

/// Writes `scalar` (a valid XML character) as UTF-8; returns the byte count.
@inline(__always)
private func encode(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
    switch scalar {
    case 0..<0x80:
        out[0] = UInt8(scalar)
        return 1
    case 0x80..<0x800:
        out[0] = UInt8(0xC0 | (scalar >> 6))
        out[1] = UInt8(0x80 | (scalar & 0x3F))
        return 2
    case 0x800..<0x10000:
        out[0] = UInt8(0xE0 | (scalar >> 12))
        out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        out[2] = UInt8(0x80 | (scalar & 0x3F))
        return 3
    default:
        out[0] = UInt8(0xF0 | (scalar >> 18))
        out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        out[3] = UInt8(0x80 | (scalar & 0x3F))
        return 4
    }
}

/// The byte classes `XMLTokenizer` scans by, one table for the process (never freed).
private enum XMLByteClasses {
    static var textPlain: UInt8 { 1 }  // text as is: TAB, LF, ASCII printable but < & ]
    static var attributePlain: UInt8 { 2 }  // attribute value as is: ASCII printable but < & " '
    static var nameStart: UInt8 { 4 }  // A–Z a–z _
    static var nameChar: UInt8 { 8 }  // name start, 0–9 . -
    static var space: UInt8 { 16 }  // space, TAB, LF, CR

    /// Read only once made.
    nonisolated(unsafe) static let table: UnsafeMutablePointer<UInt8> = {
        let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        for b in 0x20...0x7F {
            let byte = UInt8(b)
            if byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "]") {
                classes[b] |= XMLByteClasses.textPlain
            }
            if byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "\"")
                && byte != UInt8(ascii: "'")
            {
                classes[b] |= XMLByteClasses.attributePlain
            }
            if (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            {
                classes[b] |= XMLByteClasses.nameStart | XMLByteClasses.nameChar
            }
            if (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
            {
                classes[b] |= XMLByteClasses.nameChar
            }
        }
        classes[0x09] |= XMLByteClasses.textPlain | XMLByteClasses.space
        classes[0x0A] |= XMLByteClasses.textPlain | XMLByteClasses.space
        classes[0x0D] |= XMLByteClasses.space
        classes[0x20] |= XMLByteClasses.space
        return classes
    }()
}
