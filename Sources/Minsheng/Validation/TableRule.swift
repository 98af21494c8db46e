/// A check over the rows of one table: looks at one row (with what the table knows) and adds
/// what it finds. `Validator` runs every rule on every row, in row order.
protocol TableRule: Sendable {
    /// Checks one item row.
    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder)
    /// The measure of a rule made for one, for `RuleFindings.key` (given by the extensions).
    var measureOfKey: Measure? { get }
}

/// A check of a whole table at once (rows that depend on other rows: a 合计 under its items).
protocol WholeTableRule: Sendable {
    /// Checks the table.
    func check(_ table: CheckedTable, into findings: inout FindingBuilder)
}

/// A check between two tables: the same items in another file (a plan and a return, last
/// month's report and this one's, a summary and an area's return).
protocol PairRule: Sendable {
    /// Checks `current` against `reference`; findings name cells of `current`.
    func check(_ current: CheckedTable, against reference: CheckedTable, into findings: inout FindingBuilder)
}
