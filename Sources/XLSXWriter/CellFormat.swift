import CXLSXWriter

/// How a cell looks: font, fill, border, alignment, number format, protection. A value type;
/// the workbook turns each distinct one into one libxlsxwriter format.
///
/// ```swift
/// var header = CellFormat()
/// header.bold = true
/// header.fill = 0xDDEBF7
/// header.border = .thin
/// header.horizontal = .center
/// ```
public struct CellFormat: Hashable, Sendable {
    /// Horizontal alignment.
    public enum Horizontal: Hashable, Sendable { case general, left, center, right, fill, justify, centerAcross }
    /// Vertical alignment.
    public enum Vertical: Hashable, Sendable { case top, center, bottom, justify }
    /// Cell border style (all four sides).
    public enum Border: Hashable, Sendable { case none, thin, medium, thick, dashed, dotted, double }

    /// The font (e.g. 宋体); the workbook default when nil.
    public var fontName: String?
    /// Font size in points.
    public var fontSize: Double?
    /// RGB, e.g. 0xC00000.
    public var fontColor: UInt32?
    /// Bold text.
    public var bold = false
    /// Italic text.
    public var italic = false
    /// Solid background colour, RGB.
    public var fill: UInt32?
    /// The border on all four sides.
    public var border: Border = .none
    /// Border colour, RGB.
    public var borderColor: UInt32?
    /// Horizontal alignment.
    public var horizontal: Horizontal = .general
    /// Vertical alignment.
    public var vertical: Vertical?
    /// Wrap long text within the cell.
    public var wrap = false
    /// An Excel number format (`0.00%`, `#,##0`, `yyyy-mm-dd`).
    public var numberFormat: String?
    /// False makes the cell editable on a protected sheet.
    public var locked = true
    /// Hides the formula on a protected sheet.
    public var hidesFormula = false
    /// Blue underlined, as a hyperlink.
    public var hyperlink = false

    /// Creates one from its parts.
    public init() {}

    /// Applies this format to a libxlsxwriter format.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if let fontName { format_set_font_name(format, fontName) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontColor { format_set_font_color(format, lxw_color_t(fontColor)) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(fill))
        }
        if border != .none {
            format_set_border(format, borderStyle)
            if let borderColor { format_set_border_color(format, lxw_color_t(borderColor)) }
        }
        if let alignment = horizontalAlignment { format_set_align(format, alignment) }
        if let vertical { format_set_align(format, verticalAlignment(vertical)) }
        if wrap { format_set_text_wrap(format) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if !locked { format_set_unlocked(format) }
        if hidesFormula { format_set_hidden(format) }
        if hyperlink {
            format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
            format_set_font_color(format, lxw_color_t(0x0563C1))
        }
    }

    private var borderStyle: UInt8 {
        switch border {
        case .none: return UInt8(LXW_BORDER_NONE.rawValue)
        case .thin: return UInt8(LXW_BORDER_THIN.rawValue)
        case .medium: return UInt8(LXW_BORDER_MEDIUM.rawValue)
        case .thick: return UInt8(LXW_BORDER_THICK.rawValue)
        case .dashed: return UInt8(LXW_BORDER_DASHED.rawValue)
        case .dotted: return UInt8(LXW_BORDER_DOTTED.rawValue)
        case .double: return UInt8(LXW_BORDER_DOUBLE.rawValue)
        }
    }

    private var horizontalAlignment: UInt8? {
        switch horizontal {
        case .general: return nil
        case .left: return UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: return UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: return UInt8(LXW_ALIGN_RIGHT.rawValue)
        case .fill: return UInt8(LXW_ALIGN_FILL.rawValue)
        case .justify: return UInt8(LXW_ALIGN_JUSTIFY.rawValue)
        case .centerAcross: return UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue)
        }
    }

    private func verticalAlignment(_ v: Vertical) -> UInt8 {
        switch v {
        case .top: return UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
        case .center: return UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
        case .bottom: return UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue)
        case .justify: return UInt8(LXW_ALIGN_VERTICAL_JUSTIFY.rawValue)
        }
    }
}
