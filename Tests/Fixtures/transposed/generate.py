"""Writes the transposed-table fixtures (issue 13, items 8 and 9): a city's 民生工程 完成情况表 with
the areas in rows (全市, 市本级, 东坡区 …) and each indicator in a group of columns
(目标任务 / 进度 / 完成比例(%)) under a merged indicator header, as a 2019 眉山市-style office
publishes it. Two writers other than minsheng's: openpyxl and XlsxWriter.

Each writer writes three tables:
- `<writer>-correct.xlsx`: every total adds up, every rate is completed ÷ target → zero findings;
- `<writer>-total-mismatch.xlsx`: 东坡区's 城镇新增就业 目标任务 is 6100, not 6000 (its rate
  recomputed), so 全市 25500 ≠ Σ areas 25600 → one `total-mismatch` at the 全市 目标任务 cell;
- `<writer>-rate-mismatch.xlsx`: 仁寿县's 棚户区改造 完成比例 is 110 instead of 100 →
  one `rate-mismatch` at that cell.
And `xlsxwriter-two-columns.xlsx`: groups of 目标任务 / 进度 only, the 合计 row last (correct);
`xlsxwriter-towns.xlsx`: towns (乡 / 镇) in rows, read with a `--layout` naming the area column;
`empty-table.xlsx` (openpyxl): a header (序号 / 项目 / 指标 / 目标 / 完成) and no rows.

Non-additive indicators, never summed across areas (item 9):
- 城镇登记失业率（%）, a ceiling (低于 4.3): 4.3 for every area and for the city, actual 3.5–4.1;
- 每万人口全科医生数（人）, a rate per 10 000 people: the city's 2.5 is no sum of the areas';
- 住院费用报销比例（%）: 70 everywhere;
- 城乡居民基础养老金最低标准不低于（元/人·月）, a floor per person: 100 everywhere.

usage: python generate.py   (Samples/generate/make_venv.sh's python has both writers)"""
import datetime
import pathlib

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

HERE = pathlib.Path(__file__).resolve().parent
FIXED = datetime.datetime(2020, 1, 10, 9, 0, 0)
TITLE = "2019年眉山市十大民生工程完成情况表"

# Areas in rows, in the order the office lists them; 全市 first.
AREAS = ["全市", "市本级", "东坡区", "彭山区", "仁寿县", "洪雅县", "丹棱县", "青神县", "眉山天府新区"]

# (project, indicator header, {area: (target, completed)}, rate written as): None blank cells.
# The rate column: "computed" → completed ÷ target × 100 to two places; a text → that text.
GROUPS = [
    ("就业创业", "城镇新增就业（人）", {
        "市本级": (2000, 2100), "东坡区": (6000, 6200), "彭山区": (3000, 3100), "仁寿县": (8000, 8300),
        "洪雅县": (2500, 2600), "丹棱县": (1500, 1500), "青神县": (1500, 1600), "眉山天府新区": (1000, 1100),
    }, "computed"),
    ("就业创业", "城镇登记失业率低于（%）", {
        "全市": (4.3, 3.9), "东坡区": (4.3, 3.8), "彭山区": (4.3, 4.0), "仁寿县": (4.3, 3.9), "洪雅县": (4.3, 4.1),
        "丹棱县": (4.3, 3.7), "青神县": (4.3, 3.6), "眉山天府新区": (4.3, 3.5),
    }, "met"),
    ("医疗卫生", "每万人口全科医生数（人）", {
        "全市": (2.5, 2.6), "东坡区": (3, 3.1), "彭山区": (2, 2.2), "仁寿县": (2.5, 2.6), "洪雅县": (2, 2),
        "丹棱县": (2, 2.1), "青神县": (2, 2.3), "眉山天府新区": (3, 3),
    }, "computed"),
    ("医疗卫生", "住院费用报销比例（%）", {
        area: (70, completed) for area, completed in [
            ("全市", 72), ("东坡区", 73), ("彭山区", 71), ("仁寿县", 72), ("洪雅县", 70), ("丹棱县", 74),
            ("青神县", 72), ("眉山天府新区", 70)]
    }, "computed"),
    ("社会保障", "城乡居民基础养老金最低标准不低于（元/人·月）", {
        area: (100, 105) for area in AREAS if area != "市本级"
    }, "computed"),
    ("住房保障", "棚户区改造（套）", {
        "市本级": (800, 800), "东坡区": (1200, 1300), "彭山区": (600, 600), "仁寿县": (1000, 1000), "洪雅县": (500, 520),
        "丹棱县": (300, 300), "青神县": (300, 310), "眉山天府新区": (300, 300),
    }, "computed"),
]

SUBHEADERS = ["目标任务", "进度", "完成比例(%)"]


def table(defect):
    """The figures as rows: {area: [target, completed, rate] per group}, after the defect."""
    groups = []
    for project, header, figures, rate_kind in GROUPS:
        figures = dict(figures)
        if defect == "total-mismatch" and header.startswith("城镇新增就业"):
            figures["东坡区"] = (6100, figures["东坡区"][1])
        additive = "全市" not in figures
        if additive:
            figures["全市"] = tuple(sum(f[i] for f in figures.values()) for i in range(2))
            if defect == "total-mismatch" and header.startswith("城镇新增就业"):
                figures["全市"] = (25500, figures["全市"][1])
        cells = {}
        for area in AREAS:
            if area not in figures:
                cells[area] = [None, None, None]
                continue
            target, completed = figures[area]
            if rate_kind == "met":
                rate = 100
            else:
                rate = round(completed / target * 100, 2)
            if defect == "rate-mismatch" and header.startswith("棚户区改造") and area == "仁寿县":
                rate = 110
            cells[area] = [target, completed, rate]
        groups.append((project, header, cells))
    return groups


def write_openpyxl(path, defect):
    """序号 and 县（区） columns; title, project, indicator and sub-header rows."""
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "眉山市民生办"
    ws = wb.active
    ws.title = "完成情况"
    groups = table(defect)
    first = 3  # column C (one-based)
    last = first + 3 * len(groups) - 1
    ws.cell(1, 1, TITLE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.cell(2, 1, "序号")
    ws.cell(2, 2, "县（区）")
    ws.merge_cells(start_row=2, start_column=1, end_row=4, end_column=1)
    ws.merge_cells(start_row=2, start_column=2, end_row=4, end_column=2)
    # The project merged over its indicators.
    column = first
    index = 0
    while index < len(groups):
        project = groups[index][0]
        span = 0
        while index + span < len(groups) and groups[index + span][0] == project:
            span += 1
        ws.cell(2, column, project)
        ws.merge_cells(start_row=2, start_column=column, end_row=2, end_column=column + 3 * span - 1)
        column += 3 * span
        index += span
    for g, (_, header, cells) in enumerate(groups):
        c = first + 3 * g
        ws.cell(3, c, header)
        ws.merge_cells(start_row=3, start_column=c, end_row=3, end_column=c + 2)
        for k, sub in enumerate(SUBHEADERS):
            ws.cell(4, c + k, sub)
        for r, area in enumerate(AREAS):
            for k, value in enumerate(cells[area]):
                if value is not None:
                    cell = ws.cell(5 + r, c + k, value)
                    if k == 2 and isinstance(value, float):
                        cell.number_format = "0.00"
    for r, area in enumerate(AREAS):
        if area != "全市":
            ws.cell(5 + r, 1, r)
        ws.cell(5 + r, 2, area)
    for row in ws.iter_rows(min_row=2, max_row=4):
        for cell in row:
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.column_dimensions["B"].width = 14
    for c in range(first, last + 1):
        ws.column_dimensions[get_column_letter(c)].width = 10
    ws.cell(5 + len(AREAS) + 1, 1, "填报单位：眉山市民生工作领导小组办公室")
    wb.save(path)


def write_xlsxwriter(path, defect):
    """地区 in column A; title, indicator and sub-header rows (no project row); 完成比例 as
    numbers with a 0.00 format, the ceiling's 完成比例 written as ——."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": FIXED, "author": "眉山市民生办"})
    ws = wb.add_worksheet("Sheet1")
    head = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1})
    body = wb.add_format({"border": 1})
    rate = wb.add_format({"border": 1, "num_format": "0.00"})
    groups = table(defect)
    last = 3 * len(groups)
    ws.merge_range(0, 0, 0, last, TITLE, head)
    ws.merge_range(1, 0, 2, 0, "地区", head)
    for g, (_, header, cells) in enumerate(groups):
        c = 1 + 3 * g
        ws.merge_range(1, c, 1, c + 2, header, head)
        for k, sub in enumerate(SUBHEADERS):
            ws.write(2, c + k, sub, head)
        for r, area in enumerate(AREAS):
            for k, value in enumerate(cells[area]):
                if value is None:
                    continue
                if k == 2 and header.startswith("城镇登记失业率"):
                    ws.write_string(3 + r, c + k, "——", body)
                else:
                    ws.write_number(3 + r, c + k, value, rate if k == 2 else body)
    for r, area in enumerate(AREAS):
        ws.write_string(3 + r, 0, area, body)
    ws.set_column(0, 0, 14)
    ws.set_column(1, last, 10)
    wb.close()


def write_two_columns(path):
    """Groups of 目标任务 / 进度 only (进度 is the completed figure), the 合计 row last."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": FIXED, "author": "眉山市民生办"})
    ws = wb.add_worksheet("Sheet1")
    ws.merge_range(0, 0, 0, 4, "2019年民生工程进度表")
    ws.merge_range(1, 0, 2, 0, "县（区）")
    figures = {
        "城镇新增就业（人）": [("东坡区", 6000, 6200), ("彭山区", 3000, 3100), ("仁寿县", 8000, 8300)],
        "农村危房改造（户）": [("东坡区", 300, 280), ("彭山区", 200, 150), ("仁寿县", 500, 520)],
    }
    for g, (header, rows) in enumerate(figures.items()):
        c = 1 + 2 * g
        ws.merge_range(1, c, 1, c + 1, header)
        ws.write(2, c, "目标任务")
        ws.write(2, c + 1, "进度")
        for r, (area, target, completed) in enumerate(rows):
            ws.write(3 + r, 0, area)
            ws.write_number(3 + r, c, target)
            ws.write_number(3 + r, c + 1, completed)
        ws.write(3 + len(rows), 0, "合计")
        ws.write_number(3 + len(rows), c, sum(t for _, t, _ in rows))
        ws.write_number(3 + len(rows), c + 1, sum(d for _, _, d in rows))
    wb.close()


def write_towns(path):
    """Towns in rows (乡 / 镇, which the area words may not know) and the 合计 row first: read
    with `--layout` (`{"headerRows": [2, 3], "areaColumn": "A"}`) when detection misses it."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": FIXED, "author": "昭化区民生办"})
    ws = wb.add_worksheet("Sheet1")
    ws.merge_range(1, 0, 2, 0, "乡镇")
    towns = [("元坝镇", 280, 290), ("白果乡", 15, 15), ("柏林沟镇", 40, 41)]
    for g, header in enumerate(["城镇新增就业（人）", "农村劳动力转移就业（人）"]):
        c = 1 + 3 * g
        ws.merge_range(1, c, 1, c + 2, header)
        for k, sub in enumerate(SUBHEADERS):
            ws.write(2, c + k, sub)
        rows = [("合计", sum(t for _, t, _ in towns), sum(d for _, _, d in towns))] + towns
        for r, (town, target, completed) in enumerate(rows):
            ws.write(3 + r, 0, town)
            ws.write_number(3 + r, c, target)
            ws.write_number(3 + r, c + 1, completed)
            ws.write_number(3 + r, c + 2, round(completed / target * 100, 2))
    ws.write(0, 0, "2017年昭化区民生工程完成情况")
    wb.close()


def write_empty(path):
    """A header and no rows: a table of zero items."""
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2019年民生工程完成情况表"])
    ws.append(["序号", "项目", "指标", "目标任务", "完成情况", "完成率"])
    wb.save(path)


def main():
    for defect in ["correct", "total-mismatch", "rate-mismatch"]:
        write_openpyxl(HERE / f"openpyxl-{defect}.xlsx", defect)
        write_xlsxwriter(HERE / f"xlsxwriter-{defect}.xlsx", defect)
    write_two_columns(HERE / "xlsxwriter-two-columns.xlsx")
    write_towns(HERE / "xlsxwriter-towns.xlsx")
    write_empty(HERE / "empty-table.xlsx")


if __name__ == "__main__":
    main()
