/* Writes a 进度汇总-like sheet of N rows x 12 columns straight through libxlsxwriter:
 * the floor the Swift XLSXWriter is measured against (same cells, same formats).
 * usage: bench_write OUT.xlsx [ROWS] */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

static const char *categories[] = {"就业创业", "社会保障", "教育", "医疗卫生", "住房保障", "交通", "养老服务", "文化体育"};
static const char *units[] = {"人", "户", "个", "公里", "万元", "处", "套"};
static const char *leads[] = {"人社局", "农业农村局", "住建局", "交通运输局", "卫健委", "民政局", "教体局"};
static const char *states[] = {"正常", "滞后", "已完成", "超额完成"};

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    int rows = argc > 2 ? atoi(argv[2]) : 200000;
    lxw_workbook_options options = {.constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0};
    lxw_workbook *wb = workbook_new_opt(argv[1], &options);
    lxw_doc_properties props = {.title = "民生实事进展情况", .created = 1600000000};
    workbook_set_properties(wb, &props);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "进度汇总");
    lxw_format *header = workbook_add_format(wb);
    format_set_bold(header); format_set_bg_color(header, 0xDDEBF7); format_set_pattern(header, LXW_PATTERN_SOLID);
    format_set_border(header, LXW_BORDER_THIN); format_set_align(header, LXW_ALIGN_CENTER);
    lxw_format *text = workbook_add_format(wb);
    format_set_border(text, LXW_BORDER_THIN);
    lxw_format *number = workbook_add_format(wb);
    format_set_border(number, LXW_BORDER_THIN); format_set_num_format(number, "#,##0.##");
    lxw_format *percent = workbook_add_format(wb);
    format_set_border(percent, LXW_BORDER_THIN); format_set_num_format(percent, "0.0%");
    const char *headers[] = {"序号", "类别", "项目", "指标", "单位", "年度目标", "完成数", "完成率", "序时进度", "状态", "责任单位", "来源"};
    for (int c = 0; c < 12; c++) worksheet_write_string(ws, 0, c, headers[c], header);
    char buffer[128];
    char formula[64];
    for (int i = 1; i <= rows; i++) {
        double target = (i * 7919) % 20000 + 1, done = (i * 104729) % 25000;
        worksheet_write_number(ws, i, 0, i, text);
        worksheet_write_string(ws, i, 1, categories[i % 8], text);
        snprintf(buffer, sizeof buffer, "民生实事项目%02d", i % 40);
        worksheet_write_string(ws, i, 2, buffer, text);
        snprintf(buffer, sizeof buffer, "城镇新增就业指标%d", i % 100);
        worksheet_write_string(ws, i, 3, buffer, text);
        worksheet_write_string(ws, i, 4, units[i % 7], text);
        worksheet_write_number(ws, i, 5, target, number);
        worksheet_write_number(ws, i, 6, done, number);
        snprintf(formula, sizeof formula, "=IFERROR(G%d/F%d,\"\")", i + 1, i + 1);
        worksheet_write_formula_num(ws, i, 7, formula, percent, done / target);
        worksheet_write_number(ws, i, 8, 0.8328767123287671, percent);
        worksheet_write_string(ws, i, 9, states[i % 4], text);
        worksheet_write_string(ws, i, 10, leads[i % 7], text);
        snprintf(buffer, sizeof buffer, "报送%03d.xlsx!E%d", i % 500, i % 60 + 4);
        worksheet_write_string(ws, i, 11, buffer, text);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, rows, 11);
    lxw_format *red = workbook_add_format(wb);
    format_set_font_color(red, 0x9C0006);
    lxw_conditional_format rule = {.type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = "=AND(ISNUMBER($H2),$H2<$I2)", .format = red};
    worksheet_conditional_format_range(ws, 1, 7, rows, 7, &rule);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
