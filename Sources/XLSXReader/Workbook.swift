/// Placeholder.
public struct Workbook {}
