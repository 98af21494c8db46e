import Foundation

/// `total-mismatch` / `completed-total-mismatch`: a total against the sum of its area columns.
///
/// A blank area cell is no share (people leave most areas of most items empty): the total is
/// checked against the filled areas, and a mismatch names the blank ones. A row whose area cells
/// are all blank has no breakdown. A completed total cannot be checked while an area that has a
/// target has no completion (`breakdown-incomplete`).
///
/// Not every figure sums: a rate, ratio, ceiling or per-person floor (`IndicatorKind`, from the
/// indicator's words), a percentage total, or a total that every filled area repeats
/// (失业率 4.3 for the city and 4.3 for each area) is not checked.
struct TotalRule: TableRule, MeasureRule {
    /// Target or completion totals.
    var measure: Measure

    /// Creates one for a measure.
    init(_ measure: Measure) {
        self.measure = measure
    }

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        let areas = table.areas(of: measure, in: row)
        // A rate, ratio, ceiling or per-person floor is never summed across areas.
        guard !areas.isEmpty, row.row.indicatorKind.isAdditive, let total = row.figure(ValueKey(measure)), !total.isPercent
        else { return }
        // Each area's value looked up once, for the sum and for the rounding its digits allow.
        let values = areas.map { row.values[ValueKey(measure, area: $0)] }
        guard let shares = AreaShares.of(values.map { $0?.quantity }, total: total.value) else { return }
        let sum = shares.sum
        let blank = shares.blank.map { areas[$0] }
        if measure == .completed {
            // An area with a target but no completion: the completed total cannot be checked.
            let incomplete = blank.filter { row.figure(ValueKey(.target, area: $0)) != nil }
            if let first = incomplete.first {
                // Points at the first blank completion, where the missing figure belongs.
                findings.add(
                    .breakdownIncomplete(blank: incomplete, measure: measure, total: total.value), row,
                    cell: table.a1(row, ValueKey(measure, area: first)), area: first, actual: total.value)
                return
            }
        }
        // The cells whose digits bound the rounding, gathered only for a total that differs.
        var cells: [ReadValue] { ([row.values[ValueKey(measure)]] + values).compactMap { $0 } }
        if !Quantity.equal(sum, total.value), !AreaShares.withinRounding(sum, total.value, of: cells) {
            let header = table.column(for: ValueKey(measure), in: row)?.header ?? CheckedRow.label(ValueKey(measure))
            findings.add(
                .totalMismatch(measure: measure, header: HeaderText.normalize(header), total: total.value, sum: sum, blank: blank), row,
                cell: table.a1(row, ValueKey(measure)), expected: sum, actual: total.value)
        }
    }
}

/// The areas' figures under one total, summed by the rules every total check shares: a blank
/// area is no share (and is named), `——` is not applicable, text or a qualitative figure stops
/// the check (`ValueRule` reports it).
struct AreaShares {
    /// The sum of the areas' figures.
    var sum = Decimal(0)
    /// The positions (in the list given) of the areas left blank.
    var blank: [Int] = []

    /// Whether a total and the sum of its areas differ by no more than rounding allows when the
    /// figures are printed with decimals (万元 to two places: each figure is off by up to half a
    /// unit of its last digit, so 14 of them and their total by up to 15 halves). Whole numbers
    /// are exact.
    /// The figures of one row share its precision: 2.7 beside 2.76 is 2.70 with its last zero
    /// not shown, so each is taken to the most digits any of them shows.
    static func withinRounding(_ sum: Decimal, _ total: Decimal, of values: [ReadValue]) -> Bool {
        let places = values.map(\.digitsShown).max() ?? 0
        guard places > 0 else { return false }
        let slack = Decimal(values.count) * Decimal(sign: .plus, exponent: -(places + 1), significand: 5)
        // Rounding leaves a trace, not a gap: never more than a thousandth of the total
        // (0.4 + 0.5 against 0.8 is an error, not rounding).
        return abs(sum - total) <= slack && abs(sum - total) * 1000 <= abs(total)
    }

    /// The shares of `quantities` (one per area, nil when blank) under `total`; nil when there
    /// is nothing to check: a figure that is no number, no area filled, or every filled area
    /// giving the total's own figure (a rate or a standard, not a share).
    static func of(_ quantities: [CellQuantity?], total: Decimal) -> AreaShares? {
        var shares = AreaShares()
        var counted = 0
        var allEqualTotal = true
        // Added as integers when every figure fits (Foundation's addition allocates), else as
        // `Decimal`s: the same sum either way.
        var exact: ExactDecimal? = ExactDecimal(mantissa: 0, exponent: 0)
        for (index, quantity) in quantities.enumerated() {
            switch quantity {
            case .quantity(let q)?:
                exact = exact.flatMap { sum in ExactDecimal(q.value).flatMap(sum.adding) }
                counted += 1
                allEqualTotal = allEqualTotal && Quantity.equal(q.value, total)
            case .notApplicable?: break
            case nil: shares.blank.append(index)
            default: return nil
            }
        }
        guard counted > 0, !(counted >= 2 && allEqualTotal) else { return nil }
        if let exact {
            shares.sum = exact.decimal
        } else {
            for case .quantity(let q)? in quantities { shares.sum += q.value }
        }
        return shares
    }
}
