import CXLSXWriter

/// A chart being written, owned by its workbook (`workbook_add_chart`) and placed on a sheet with
/// `XLSXWorksheet.insertChart`. Each method wraps the C call it is named after.
///
/// ```swift
/// let chart = try book.addChart(.bar)
/// try chart.addSeries(categories: "=总览!$A$5:$A$10", values: "=总览!$B$5:$B$10")
/// chart.setLegendPosition(.none)
/// try sheet.insertChart(chart, row: 4, column: 3)
/// ```
public final class XLSXChart {
    /// The kinds of chart minsheng draws (`LXW_CHART_BAR`, `LXW_CHART_COLUMN`).
    public enum Kind: Sendable {
        /// Horizontal bars.
        case bar
        /// Vertical columns.
        case column

        var raw: UInt8 {
            switch self {
            case .bar: return UInt8(LXW_CHART_BAR.rawValue)
            case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
            }
        }
    }

    /// Where the legend goes.
    public enum LegendPosition: Sendable {
        /// No legend.
        case none
        /// Below the plot.
        case bottom
    }

    let handle: UnsafeMutablePointer<lxw_chart>
    private var series: [UnsafeMutablePointer<lxw_chart_series>] = []

    init(handle: UnsafeMutablePointer<lxw_chart>) {
        self.handle = handle
    }

    /// `chart_add_series`: a series from A1 ranges with sheet names (`=总览!$B$5:$B$10`); returns
    /// its index for the `series…` setters.
    @discardableResult
    public func addSeries(categories: String?, values: String) throws(XLSXWriterError) -> Int {
        guard let created = chart_add_series(handle, categories, values) else {
            throw XLSXWriterError(call: "chart_add_series", location: values, reason: "无法添加数据系列")
        }
        series.append(created)
        return series.count - 1
    }

    /// `chart_series_set_fill`: a solid fill (RGB) for one series.
    public func setSeriesFill(_ index: Int, color: UInt32) {
        guard series.indices.contains(index) else { return }
        var fill = lxw_chart_fill(color: lxw_color_t(color), none: 0, transparency: 0)
        chart_series_set_fill(series[index], &fill)
    }

    /// `chart_series_set_labels` and `chart_series_set_labels_font`: each point's value shown
    /// beside it, in a font of this size.
    public func setSeriesLabels(_ index: Int, fontSize: Double) {
        guard series.indices.contains(index) else { return }
        chart_series_set_labels(series[index])
        var font = lxw_chart_font()
        font.size = fontSize
        chart_series_set_labels_font(series[index], &font)
    }

    /// `chart_title_set_name` (nil: `chart_title_off`).
    public func setTitle(_ name: String?, fontSize: Double? = nil) {
        guard let name else {
            chart_title_off(handle)
            return
        }
        chart_title_set_name(handle, name)
        if let fontSize {
            var font = lxw_chart_font()
            font.size = fontSize
            font.bold = 1
            chart_title_set_name_font(handle, &font)
        }
    }

    /// `chart_legend_set_position`.
    public func setLegendPosition(_ position: LegendPosition) {
        switch position {
        case .none: chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        case .bottom: chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        }
    }

    /// `chart_axis_set_num_font` on both axes: the size of the category and value labels.
    public func setAxisFontSize(_ size: Double) {
        for axis in [handle.pointee.x_axis, handle.pointee.y_axis] {
            guard let axis else { continue }
            var font = lxw_chart_font()
            font.size = size
            chart_axis_set_num_font(axis, &font)
        }
    }

    /// The axis that holds categories, or values (a bar chart's category axis is vertical).
    private func axis(category: Bool) -> UnsafeMutablePointer<lxw_chart_axis>? {
        [handle.pointee.x_axis, handle.pointee.y_axis].compactMap { $0 }.first { ($0.pointee.is_category == 1) == category }
    }

    /// `chart_axis_set_reverse` on the category axis: the first category at the top of a bar chart.
    public func reverseCategories() {
        if let axis = axis(category: true) { chart_axis_set_reverse(axis) }
    }

    /// `chart_axis_set_min` on the value axis.
    public func setValueAxisMinimum(_ minimum: Double) {
        if let axis = axis(category: false) { chart_axis_set_min(axis, minimum) }
    }
}

extension XLSXWorkbook {
    /// `workbook_add_chart`: a chart the workbook owns; place it with `XLSXWorksheet.insertChart`.
    public func addChart(_ kind: XLSXChart.Kind) throws(XLSXWriterError) -> XLSXChart {
        guard let chart = workbook_add_chart(handle, kind.raw) else {
            throw XLSXWriterError(call: "workbook_add_chart", location: path, reason: "无法添加图表")
        }
        return XLSXChart(handle: chart)
    }
}

extension XLSXWorksheet {
    /// `worksheet_insert_chart_opt`: the chart's top-left corner in a cell, scaled from the
    /// default 480 × 288 pixels.
    public func insertChart(_ chart: XLSXChart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws(XLSXWriterError) {
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        let code = worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options)
        try XLSXWriterError.check(code, "worksheet_insert_chart_opt", "\(name)!\(A1.cell(row, column))")
    }
}
