"""Fixtures for "no false assurance" (issue 13), each written by two writers other than ours —
openpyxl and XlsxWriter — and some re-saved by LibreOffice, so that tests never grade our
writer with our reader. Writes Tests/Fixtures/assurance/*.xlsx and manifest.json.

usage: Samples/generate/.venv/bin/python Tests/Fixtures/assurance/generate.py PATH/TO/minsheng
(minsheng splits the plan into templates that openpyxl then fills in as staff would)."""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
PLAN = ROOT / "Samples" / "002-亳州-分解表-分列.xlsx"
AREAS = ["涡阳县", "蒙城县", "利辛县", "谯城区", "亳州高新区", "市本级"]
NA = None  # a blank cell, as people leave it


class Sheet:
    """A sheet as rows of values plus merges and formats, written the same way by both writers."""

    def __init__(self, name):
        self.name = name
        self.rows = []      # list of lists (None = blank)
        self.merges = []    # (first_row, first_col, last_row, last_col), zero-based
        self.formats = {}   # (row, col) -> number format
        self.formulas = {}  # (row, col) -> (formula, cached value)

    def add(self, *values):
        self.rows.append(list(values))
        return len(self.rows) - 1


def write_openpyxl(sheets, path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value is not None:
                    cell = ws.cell(r + 1, c + 1, value)
                    if isinstance(value, str) and "\n" in value:
                        cell.alignment = Alignment(wrap_text=True)
        for (r, c), (formula, _cached) in sheet.formulas.items():
            ws.cell(r + 1, c + 1, formula)  # openpyxl keeps no cached value
        for (r, c), fmt in sheet.formats.items():
            ws.cell(r + 1, c + 1).number_format = fmt
        for r1, c1, r2, c2 in sheet.merges:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    wb.properties.creator = "openpyxl"
    wb.save(path)


def write_xlsxwriter(sheets, path):
    wb = xlsxwriter.Workbook(str(path))
    formats = {}

    def fmt(spec):
        if spec not in formats:
            formats[spec] = wb.add_format({"num_format": spec})
        return formats[spec]

    for sheet in sheets:
        ws = wb.add_worksheet(sheet.name)
        merged = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in sheet.merges}
        covered = {(r, c) for r1, c1, r2, c2 in sheet.merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if (r, c) in merged:
                    r2, c2 = merged[(r, c)]
                    ws.merge_range(r, c, r2, c2, value)
                elif (r, c) in covered or value is None or (r, c) in sheet.formulas:
                    continue
                elif (r, c) in sheet.formats:
                    ws.write(r, c, value, fmt(sheet.formats[(r, c)]))
                else:
                    ws.write(r, c, value)
        for (r, c), (formula, cached) in sheet.formulas.items():
            f = fmt(sheet.formats[(r, c)]) if (r, c) in sheet.formats else None
            if cached is None:
                ws.write_formula(r, c, formula, f)  # XlsxWriter's own placeholder result, 0
            else:
                ws.write_formula(r, c, formula, f, cached)
    wb.close()


def resave_with_libreoffice(source, target):
    with tempfile.TemporaryDirectory() as tmp:
        profile = pathlib.Path(tmp) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, str(source)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copyfile(pathlib.Path(tmp) / source.name, target)


def both(name, sheets):
    """Writes NAME.openpyxl.xlsx and NAME.xlsxwriter.xlsx."""
    write_openpyxl(sheets, HERE / f"{name}.openpyxl.xlsx")
    write_xlsxwriter(sheets, HERE / f"{name}.xlsxwriter.xlsx")
    return [f"{name}.openpyxl.xlsx", f"{name}.xlsxwriter.xlsx"]


# --- Plans with area columns where areas without a share are left empty -------------------------

PLAN_ROWS = [
    # 项目, 单位, 全市, 涡阳, 蒙城, 利辛, 谯城, 高新区, 市本级
    ("城镇新增就业", "人", 33000, 8300, 8100, 8000, 8600, NA, NA),
    ("开发公益性岗位", "个", 2200, 550, 550, 550, 550, NA, NA),
    ("新增城乡老年食堂", "个", 170, 38, 40, 41, 45, 6, NA),
    ("康复训练救助", "名", 1320, 320, 320, 320, 360, 0, "——"),
    ("公共租赁住房保障", "套", 500, NA, NA, NA, NA, NA, NA),   # no breakdown at all
    ("农村公路提质改造", "公里", 120, 30, 30, 30, 30, "——", "——"),
    ("法律援助案件", "件", 7400, 1600, 1500, 1500, 1600, NA, 1200),
]


def plan_sheet(rows):
    s = Sheet("分解表")
    s.add("亳州市2023年民生实事目标任务分解表")
    s.merges.append((0, 0, 0, 9))
    s.add("序号", "项目", "单位", "全市目标", *AREAS)
    for i, row in enumerate(rows, start=1):
        s.add(i, *row)
    return s


# --- Per-area progress summaries: 目标 / 完成 under each area ------------------------------------

PROGRESS_ROWS = [
    # 项目, 单位, per area (target, completed) for AREAS
    ("城镇新增就业", "人", [(8300, 7470), (8100, 6480), (8000, 5600), (8600, 8600), (NA, NA), (NA, NA)]),
    ("新增城乡老年食堂", "个", [(38, 34), (40, 32), (41, 28), (45, 45), (6, 6), (NA, NA)]),
    ("法律援助案件", "件", [(1600, 1200), (1500, 1100), (1500, 1000), (1600, 1600), (NA, NA), (1200, 900)]),
    ("农村公路提质改造", "公里", [(30, 20), (30, 21), (30, 22), (30, 30), ("——", "——"), (NA, NA)]),
]


def progress_sheet(rows, completed_total_delta=0, areas=AREAS, title="亳州市2023年1-9月民生实事分县区进度表"):
    """Per-area 目标 / 完成 under merged area names, a 合计 目标 / 完成 / 完成率 group first."""
    s = Sheet("分县区进度")
    s.add(title)
    s.merges.append((0, 0, 0, 5 + 2 * len(areas)))
    header = ["序号", "项目", "单位", "合计", None, None]
    sub = [None, None, None, "目标", "完成", "完成率"]
    for area in areas:
        header += [area, None]
        sub += ["目标", "完成"]
    s.add(*header)
    s.add(*sub)
    for c in range(3):
        s.merges.append((1, c, 2, c))
    s.merges.append((1, 3, 1, 5))
    for i in range(len(areas)):
        s.merges.append((1, 6 + 2 * i, 1, 7 + 2 * i))
    for i, (name, unit, figures) in enumerate(rows, start=1):
        target = sum(t for t, _ in figures if isinstance(t, int))
        done = sum(c for _, c in figures if isinstance(c, int))
        if i == 1:
            done += completed_total_delta
        r = s.add(i, name, unit, target, done, round(done / target, 4), *[v for pair in figures for v in pair])
        s.formats[(r, 5)] = "0.00%"
    return s


# --- A district's split among its towns, written as tokens in one cell ----------------------------

TOWNS = [("元坝镇", 280), ("白果乡", 15), ("柏林沟镇", 40), ("太公镇", 60), ("卫子镇", 70), ("磨滩镇", 35),
         ("王家镇", 45), ("紫云乡", 20), ("虎跳镇", 55), ("昭化镇", 90), ("射箭乡", 25), ("清水乡", 20),
         ("红岩镇", 40), ("石井铺镇", 30), ("大朝乡", 20), ("张家乡", 15), ("青牛乡", 15), ("沙坝乡", 15),
         ("梅树乡", 15), ("陈江乡", 15), ("香溪乡", 15), ("晋贤乡", 15), ("文村乡", 15), ("明觉乡", 15),
         ("丁家乡", 15), ("双路乡", 15), ("朝阳乡", 15), ("元坝街道办", 235), ("拣银岩街道办", 40)]


def towns_sheet(typo=False):
    """广元市昭化区-style: headers typeset with spaces, the split of each target in one cell."""
    s = Sheet("分解表")
    s.add("昭化区2017年民生工程目标任务分解表")
    s.merges.append((0, 0, 0, 4))
    s.add("序 号", "项 目", "目 标 任 务", "分 解 情 况", "责 任 单 位")
    towns = [(name, 290 if typo and name == "元坝镇" else value) for name, value in TOWNS]
    total = sum(v for _, v in TOWNS)
    s.add(1, "城镇新增就业人数", total, " ".join(f"{n}{v}" for n, v in towns), "区人社局")
    s.add(2, "农村劳动力转移就业", 600, "元坝镇200、王家镇150；卫子镇：100，拣银岩街道办150", "区人社局")
    return s


# --- Rates as formulas with cached values ----------------------------------------------------------

def rate_formula_sheet():
    s = Sheet("进度")
    s.add("项目", "单位", "年度目标", "完成数", "完成率", "完成率（常规格式）")
    for name, unit, target, done in [("城镇新增就业", "人", 8190, 10650), ("开发公益性岗位", "个", 2200, 1870),
                                     ("康复训练救助", "名", 1320, 1129)]:
        r = s.add(name, unit, target, done, None, None)
        s.formulas[(r, 4)] = (f"=D{r + 1}/C{r + 1}", done / target)
        s.formats[(r, 4)] = "0.00%"
        s.formulas[(r, 5)] = (f"=D{r + 1}/C{r + 1}", done / target)
    return s


# --- Implausible figures ---------------------------------------------------------------------------

def implausible_sheet():
    s = Sheet("进度")
    s.add("项目", "单位", "年度目标", "完成数")
    s.add("城镇新增就业", "人", 8300, 66400)        # 8×: a digit typed twice
    s.add("开发公益性岗位", "个", 550, "80%")         # a percentage in a count column
    s.add("社区助餐点", "个", 7, 33)                  # small targets are often beaten: no finding
    return s


# --- Tables on two sheets of one workbook: both are checked ----------------------------------------

def two_table_sheets(wrong_rate=False):
    summary = Sheet("汇总")
    summary.add("项目", "单位", "年度目标", "完成数", "完成率")
    summary.add("城镇新增就业", "人", 8300, 7470, "90%")
    summary.add("开发公益性岗位", "个", 550, 550, "100%")
    summary.add("新增城乡老年食堂", "个", 38, 34, "89.47%")
    annex = Sheet("附表")
    annex.add("项目", "单位", "年度目标", "完成数", "完成率")
    annex.add("法律援助案件", "件", 1600, 1200, "75%")
    annex.add("康复训练救助", "名", 320, 160, "60%" if wrong_rate else "50%")
    return [summary, annex]


def uncalculated_sheet():
    """Formulas written without results: XlsxWriter caches 0 for each and asks for a
    recalculation on opening; openpyxl caches nothing."""
    s = Sheet("进度")
    s.add("项目", "单位", "年度目标", "完成数", "完成率")
    s.add("城镇新增就业", "人", 8300, 7470, None)
    s.add("开发公益性岗位", "个", 550, None, None)
    s.add("新增城乡老年食堂", "个", 38, 34, None)
    for r in (1, 2, 3):
        s.formulas[(r, 4)] = (f"=IFERROR(D{r + 1}/C{r + 1},\"\")", None)
        s.formats[(r, 4)] = "0.00%"
    s.formulas[(2, 3)] = ("=500+50", None)  # a completed figure typed as a sum: unknown until calculated
    return s


def area_rows_sheet(completed_total=29500):
    """One row per area under each item (a 县区 column), the item's 合计 row first, merged 序号 and
    项目 cells; 高新区 left blank, a —— where an area has no task."""
    s = Sheet("分县区")
    s.add("序号", "项目", "县区", "年度目标", "完成数", "完成率")
    s.add(1, "城镇新增就业", "合计", 33000, completed_total, None)
    for area, target, done in [("涡阳县", 8300, 7000), ("蒙城县", 8100, 8000), ("利辛县", 8000, 7000), ("谯城区", 8600, 7500)]:
        s.add(None, None, area, target, done, None)
    s.add(None, None, "亳州高新区", None, None, None)
    s.merges += [(1, 0, 6, 0), (1, 1, 6, 1)]
    s.add(2, "新增城乡老年食堂", "合计", 123, 118, None)
    for area, target, done in [("涡阳县", 38, 38), ("蒙城县", "——", "——"), ("利辛县", 40, 35), ("谯城区", 45, 45)]:
        s.add(None, None, area, target, done, None)
    s.merges += [(7, 0, 11, 0), (7, 1, 11, 1)]
    return s


def text_rates_sheet():
    """Rates typed as text without %: 98 is 98 %, 0.5 is a ratio (50 %), as typed numbers are."""
    s = Sheet("进度")
    s.add("项目", "单位", "年度目标", "完成数", "完成率")
    s.add("城镇新增就业", "人", 1000, 980, "98")
    s.add("康复训练救助", "名", 320, 160, "0.5")
    s.add("法律援助案件", "件", 1600, 1200, "0.6")  # 1200 of 1600 is 75 %
    return s


def column_totals_sheet(total_completed=220, total_rate=None):
    """Money items in two sections, each with a 小计, and a 合计 under all: sums down the columns."""
    s = Sheet("投资")
    s.add("序号", "项目", "单位", "计划投资（万元）", "完成投资（万元）", "完成率")
    s.add("一、交通")
    s.add(1, "农村道路", "万元", 100, 50, "50%")
    s.add(2, "桥梁改造", "万元", 60, 30, "50%")
    s.add("小计", None, None, 160, 80, "50%")
    s.add("二、水利")
    s.add(3, "饮水安全", "万元", 200, 100, "50%")
    s.add(4, "灌区配套", "万元", 40, 40, "100%")
    s.add("小计", None, None, 240, 140, "58.33%")
    s.add("合计", None, None, 400, total_completed, total_rate or f"{total_completed / 4:.2f}%")
    return s


def stacked_tables_sheet():
    """Two tables on one sheet, the second under its own section title and header row."""
    s = Sheet("进展")
    s.add("一、33项民生工程")
    s.add("序号", "项目", "年度目标", "完成数", "完成率")
    s.add(1, "城镇新增就业", 8300, 7470, "90%")
    s.add(2, "开发公益性岗位", 550, 550, "100%")
    s.add()
    s.add("二、10项民生实事")
    s.add("序号", "项目", "目标任务", "完成情况", "完成率")
    s.add(1, "法律援助案件", 1600, 1200, "75%")
    s.add(2, "康复训练救助", 320, 160, "60%")  # 160 of 320 is 50%
    return s


# --- Two files, one item: conflicting figures, and two periods of one series --------------------

def single_item_sheet(title, completed):
    s = Sheet("进度")
    s.add(title)
    s.merges.append((0, 0, 0, 4))
    s.add("项目", "指标", "单位", "年度目标", "完成数")
    s.add("促进就业", "城镇新增就业", "人", 33000, completed)
    return s


# --- An area's own table returned to collect ---------------------------------------------------------

def plan_items_for(area):
    wb = openpyxl.load_workbook(PLAN, data_only=True)
    ws = wb["分解表"]
    header = [c.value for c in ws[3]]
    col = header.index(area)
    items = []
    for row in ws.iter_rows(min_row=4, values_only=True):
        indicator, unit, value = row[2], row[3], row[col]
        if indicator and isinstance(value, (int, float)):
            items.append((indicator, unit, value))
    return items


def own_layout_return(area, share, changed_target=None):
    s = Sheet("Sheet1")
    s.add(f"{area}2023年1-9月民生实事进展情况")
    s.merges.append((0, 0, 0, 5))
    s.add("序号", "项目", "单位", "年度目标", "完成数", "完成率")
    for i, (indicator, unit, target) in enumerate(plan_items_for(area), start=1):
        if changed_target and indicator == changed_target[0]:
            target = changed_target[1]
        done = round(target * share)
        r = s.add(i, indicator, unit, target, done, round(done / target, 4))
        s.formats[(r, 5)] = "0.0%"
    return s


def template_returns(minsheng, manifest):
    """Templates from `minsheng split`, filled by openpyxl (one also re-saved by LibreOffice):
    a deleted row, nothing filled, and a figure typed with a digit too many."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([minsheng, "split", str(PLAN), "-o", tmp, "--period", "1-9月", "--force"], check=True,
                       stdout=subprocess.DEVNULL)
        first = 4  # first item row of the form (1-based)

        def rows(ws):
            # Item rows carry their key (k…); the signature lines below carry "signature".
            return [r for r in range(first, ws.max_row + 1) if str(ws.cell(r, 9).value or "").startswith("k")]

        # 蒙城县: the 城镇新增就业 row deleted, the others filled at 90 %.
        wb = openpyxl.load_workbook(pathlib.Path(tmp) / "蒙城县.xlsx")
        ws = wb["填报表"]
        deleted = next(r for r in rows(ws) if ws.cell(r, 3).value == "城镇新增就业")
        ws.delete_rows(deleted)
        filled = 0
        for r in rows(ws):
            ws.cell(r, 6).value = round(ws.cell(r, 5).value * 0.9)
            filled += 1
        path = HERE / "returns" / "蒙城县-删行.openpyxl.xlsx"
        wb.save(path)
        resave_with_libreoffice(path, HERE / "returns" / "蒙城县-删行.libreoffice.xlsx")
        for name in ["蒙城县-删行.openpyxl.xlsx", "蒙城县-删行.libreoffice.xlsx"]:
            manifest["collect"].append({"file": f"returns/{name}", "area": "蒙城县", "merged": filled,
                                        "findings": [{"code": "missing-item", "severity": "warning", "cell": ""}],
                                        "about": "a plan row deleted from the template: the item is named, not silently blank"})
        # 利辛县: returned without a single completion.
        wb = openpyxl.load_workbook(pathlib.Path(tmp) / "利辛县.xlsx")
        wb["填报表"].cell(2, 1).value = "填报单位：利辛县"  # touched and saved, nothing filled
        wb.save(HERE / "returns" / "利辛县-空表.openpyxl.xlsx")
        manifest["collect"].append({"file": "returns/利辛县-空表.openpyxl.xlsx", "area": "利辛县", "merged": 0,
                                    "findings": [{"code": "empty-return", "severity": "warning", "cell": ""}],
                                    "about": "a return with no completion filled"})
        # 谯城区: 城镇新增就业 typed as 86000 against 8600.
        wb = openpyxl.load_workbook(pathlib.Path(tmp) / "谯城区.xlsx")
        ws = wb["填报表"]
        filled = 0
        typo_cell = None
        for r in rows(ws):
            value = round(ws.cell(r, 5).value * 0.9)
            if ws.cell(r, 3).value == "城镇新增就业":
                value = 86000
                typo_cell = f"F{r}"
            ws.cell(r, 6).value = value
            filled += 1
        wb.save(HERE / "returns" / "谯城区-多位.openpyxl.xlsx")
        manifest["collect"].append({"file": "returns/谯城区-多位.openpyxl.xlsx", "area": "谯城区", "merged": filled,
                                    "findings": [{"code": "implausible-value", "severity": "warning", "cell": typo_cell}],
                                    "about": "86000 typed against a target of 8600: merged, and named"})


def main():
    manifest = {"check": [], "convert": [], "collect": []}

    def check_case(files, findings, about):
        for f in files:
            manifest["check"].append({"file": f, "findings": findings, "about": about})

    check_case(both("plan-blank-areas", [plan_sheet(PLAN_ROWS)]), [],
               "blank, 0 and —— area cells on a correct plan: no finding")
    wrong = [list(r) for r in PLAN_ROWS]
    wrong[0][4] = 7100  # 蒙城县 8100 → 7100: 32000 against 33000
    check_case(both("plan-blank-areas-wrong-total", [plan_sheet([tuple(r) for r in wrong])]),
               [{"code": "total-mismatch", "severity": "error", "cell": "D3", "message_contains": "亳州高新区、市本级为空"}],
               "a total 1000 off the filled areas' sum, with the blank areas named")
    check_case(both("progress-blank-areas", [progress_sheet(PROGRESS_ROWS)]), [],
               "per-area progress summary with blank areas: no finding")
    check_case(both("progress-blank-areas-wrong-completed", [progress_sheet(PROGRESS_ROWS, completed_total_delta=1000)]),
               [{"code": "completed-total-mismatch", "severity": "error", "cell": "E4"}],
               "合计完成 1000 off the areas' sum")
    formula_files = []
    write_xlsxwriter([rate_formula_sheet()], HERE / "rate-formulas.xlsxwriter.xlsx")
    formula_files.append("rate-formulas.xlsxwriter.xlsx")
    write_openpyxl([rate_formula_sheet()], HERE / "rate-formulas.openpyxl.xlsx")
    resave_with_libreoffice(HERE / "rate-formulas.openpyxl.xlsx", HERE / "rate-formulas.libreoffice.xlsx")
    (HERE / "rate-formulas.openpyxl.xlsx").unlink()  # openpyxl keeps no cached values: not a correct return
    formula_files.append("rate-formulas.libreoffice.xlsx")
    check_case(formula_files, [], "rates as =D/C formulas with cached values, 0.00% and General: no finding")
    check_case(both("towns-tokens", [towns_sheet()]), [], "29 towns' split written as tokens, headers with spaces")
    check_case(both("towns-tokens-typo", [towns_sheet(typo=True)]),
               [{"code": "total-mismatch", "severity": "error", "cell": "C3", "message_contains": "29 个地方的合计 1310"}],
               "a town's 280 typed as 290: Σ 1310 against 1300")
    check_case(both("implausible", [implausible_sheet()]),
               [{"code": "implausible-value", "severity": "warning", "cell": "D2"},
                {"code": "unit-mismatch", "severity": "warning", "cell": "D3"}],
               "66400 against 8300, 80% in a count column; 33 against 7 is plausible")

    check_case(both("two-sheets", two_table_sheets()), [],
               "a table on each of two sheets, both correct: no finding")
    check_case(both("two-sheets-wrong-annex", two_table_sheets(wrong_rate=True)),
               [{"code": "rate-mismatch", "severity": "error", "cell": "附表!E3"}],
               "the second sheet's rate 60% where 160 of 320 is 50%: found, though the first sheet has more items")

    check_case(both("uncalculated", [uncalculated_sheet()]),
               [{"code": "formula-without-value", "severity": "warning", "cell": "D3"}],
               "formulas without results (XlsxWriter's placeholder 0, openpyxl's nothing): the rates dividing the row's own cells are no finding, the completed figure =500+50 is")
    check_case(both("area-rows", [area_rows_sheet()]), [],
               "one row per area under each item, totals that add up: no finding")
    check_case(both("area-rows-wrong-completed", [area_rows_sheet(completed_total=30500)]),
               [{"code": "completed-total-mismatch", "severity": "error", "cell": "E2", "message_contains": "29500"}],
               "the 合计 row's completion 1000 off its area rows' sum")
    check_case(both("text-rates", [text_rates_sheet()]),
               [{"code": "rate-mismatch", "severity": "error", "cell": "E4"}],
               "rates typed as text without %: read as typed numbers are, 0.6 against 75 % found")
    check_case(both("column-totals", [column_totals_sheet()]), [],
               "小计 and 合计 rows that add up: no finding")
    check_case(both("column-totals-wrong", [column_totals_sheet(total_completed=230)]),
               [{"code": "completed-total-mismatch", "severity": "error", "cell": "E10", "message_contains": "上面 4 项之和 220"}],
               "a 合计 completion 10 over its items' sum")
    check_case(both("column-totals-wrong-rate", [column_totals_sheet(total_rate="60%")]),
               [{"code": "rate-mismatch", "severity": "error", "cell": "F10"}],
               "the 合计 row's own rate 60% where 220 of 400 is 55%")
    check_case(both("stacked-tables", [stacked_tables_sheet()]),
               [{"code": "rate-mismatch", "severity": "error", "cell": "E9"}],
               "a second table under the first on one sheet: its header row is no item, its rows are checked")

    for writer in ["openpyxl", "xlsxwriter"]:
        files = []
        for name, completed in [("conflict-a", 24118), ("conflict-b", 25118)]:
            path = f"{name}.{writer}.xlsx"
            (write_openpyxl if writer == "openpyxl" else write_xlsxwriter)([single_item_sheet("亳州市民生实事进展情况", completed)], HERE / path)
            files.append(path)
        manifest["convert"].append({"files": files, "findings": [{"code": "conflicting-values", "severity": "error", "file": files[1], "cell": "E3"}],
                                    "completed": 24118, "about": "same item, different completions, no period: an error naming both cells"})
        files = []
        for name, title, completed in [("series-1-8", "亳州市2023年1-8月民生实事进展情况", 24118), ("series-1-9", "亳州市2023年1-9月民生实事进展情况", 28150)]:
            path = f"{name}.{writer}.xlsx"
            (write_openpyxl if writer == "openpyxl" else write_xlsxwriter)([single_item_sheet(title, completed)], HERE / path)
            files.append(path)
        manifest["convert"].append({"files": files, "findings": [], "completed": 28150, "note_contains": "1-9月",
                                    "about": "1-8月 and 1-9月 of one series: the latest period is used, no finding"})

    returns = HERE / "returns"
    returns.mkdir(exist_ok=True)
    for writer, write in [("openpyxl", write_openpyxl), ("xlsxwriter", write_xlsxwriter)]:
        path = f"returns/涡阳县-自制表.{writer}.xlsx"
        write([own_layout_return("涡阳县", 0.9)], HERE / path)
        manifest["collect"].append({"file": path, "area": "涡阳县", "merged": len(plan_items_for("涡阳县")), "findings": [],
                                    "about": "an area's own layout, item names alone in 项目: every row merged"})
        path = f"returns/涡阳县-改目标.{writer}.xlsx"
        write([own_layout_return("涡阳县", 0.9, changed_target=("城镇新增就业", 8000))], HERE / path)
        manifest["collect"].append({"file": path, "area": "涡阳县", "merged": len(plan_items_for("涡阳县")),
                                    "findings": [{"code": "target-changed", "severity": "error", "cell": "D3"}],
                                    "about": "own layout with a target typed over"})
    if len(sys.argv) > 1:
        template_returns(sys.argv[1], manifest)
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", sum(len(v) for v in manifest.values()), "cases")


if __name__ == "__main__":
    main()
