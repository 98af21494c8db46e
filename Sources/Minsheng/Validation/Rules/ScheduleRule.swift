import Foundation

/// `behind-schedule`: a completion below 序时进度 for the as-of date.
struct ScheduleRule: TableRule {
    /// Creates one.
    init() {}

    func check(_ row: CheckedRow, in table: CheckedTable, into findings: inout FindingBuilder) {
        // A ceiling (失业率低于 4.3) is met under its target, not by reaching a share of it.
        guard let asOf = table.asOf, row.row.indicatorKind != .ceiling else { return }
        let schedule = Decimal(asOf.scheduleShare)
        for (key, value) in row.values where key.measure == .completed && key.figure == nil {
            guard let completed = value.quantity.quantity,
                let target = row.figure(key.of(.target)), target.value > 0
            else { continue }
            let share = completed.value / target.value
            if share < schedule {
                findings.add(
                    .behindSchedule(
                        share: RateCheck.round(share * 100, 1, .plain), asOf: asOf.chinese,
                        schedule: RateCheck.round(schedule * 100, 1, .plain)), row,
                    cell: value.cell.reference.a1, area: key.area,
                    expected: RateCheck.round(schedule * 100, 2, .plain), actual: RateCheck.round(share * 100, 2, .plain))
            }
        }
    }
}
