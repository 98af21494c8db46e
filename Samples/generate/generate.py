"""Generates the incoming-style sample workbooks of Samples/ from the seed documents' own
figures, each with a writer other than minsheng's (XlsxWriter, openpyxl, LibreOffice), and the
defect-injected copies in Tests/Fixtures/injected/ (openpyxl editing a copy, as a person would).

usage: python generate.py        (run through make_venv.sh's python; soffice must be installed)"""
import datetime
import html
import json
import sys
import pathlib
import shutil
import subprocess
import tempfile

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

import seeds

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "Samples"
INJECTED = ROOT / "Tests" / "Fixtures" / "injected"
FIXED = datetime.datetime(2023, 3, 1, 9, 0, 0)


def fixed_openpyxl(wb):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "民生办"


# ---------------------------------------------------------------- 1. seed 002, county columns
def plan_columns(path):
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": FIXED, "author": "亳州市民生办"})
    draft = wb.add_worksheet("草稿")
    draft.write(0, 0, "旧版草稿，勿用")
    draft.hide()
    ws = wb.add_worksheet("分解表")
    title = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    head = wb.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True})
    cell = wb.add_format({"border": 1, "valign": "vcenter", "text_wrap": True})
    ws.merge_range(0, 0, 0, 11, "亳州市2023年民生实事目标任务分解表", title)
    ws.write(1, 0, "填报单位：亳州市民生工程领导小组办公室")
    headers = ["序号", "项目", "指标", "单位", "全市\n目标", *seeds.AREAS_002, "牵头单位"]
    for c, h in enumerate(headers):
        ws.write(2, c, h, head)
    ws.set_row(2, 32)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 2, 24)
    ws.set_column(4, 10, 10)
    ws.set_column(11, 11, 22)
    r = 3
    groups = []
    for project, indicator, unit, total, areas, lead in seeds.PLAN_002:
        if groups and groups[-1][0] == project:
            groups[-1][1].append((indicator, unit, total, areas, lead))
        else:
            groups.append((project, [(indicator, unit, total, areas, lead)]))
    for n, (project, rows) in enumerate(groups, 1):
        if len(rows) > 1:
            ws.merge_range(r, 0, r + len(rows) - 1, 0, n, cell)
            ws.merge_range(r, 1, r + len(rows) - 1, 1, project, cell)
        else:
            ws.write(r, 0, n, cell)
            ws.write(r, 1, project, cell)
        for indicator, unit, total, areas, lead in rows:
            ws.write(r, 2, indicator, cell)
            ws.write(r, 3, unit, cell)
            ws.write(r, 4, total, cell)
            for c, area in enumerate(seeds.AREAS_002, 5):
                ws.write(r, c, areas.get(area, "——"), cell)
            ws.write(r, 11, lead, cell)
            r += 1
    ws.write(r, 0, "备注：全市目标为各县区目标之和，“——”表示该县区无此项任务。")
    ws.write(r + 1, 0, "填报人：王芳    审核人：李明")
    info = wb.add_worksheet("说明")
    info.write(0, 0, "本表依据《亳州市2023年民生实事实施方案》编制。")
    wb.close()
    return {"sheet": "分解表", "headerRow": 3, "items": len(seeds.PLAN_002), "errors": [], "findings": []}


# ---------------------------------------------------------------- 2. seed 002, prose targets
def plan_prose(path):
    wb = openpyxl.Workbook()
    fixed_openpyxl(wb)
    ws = wb.active
    ws.title = "Sheet1"
    ws.merge_cells("A1:D1")
    ws["A1"] = "亳州市2023年民生实事目标任务"
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["序号", "项目名称", "目标任务", "牵头单位"])
    paragraphs = seeds.plan_002_paragraphs()
    for number, text, lead in paragraphs:
        project = text.split(",", 1)[0] if "," in text[:20] else text[:12]
        ws.append([number, project, text, lead])
    for col, width in zip("ABCD", (6, 24, 90, 24)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=3):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(path)
    return {"sheet": "Sheet1", "headerRow": 2, "items": len(paragraphs), "errors": [], "findings": []}


# ---------------------------------------------------------------- 3. seed 003, via LibreOffice
def to_xlsx_with_libreoffice(html_text, path):
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / (path.stem + ".html")
        src.write_text(html_text, encoding="utf-8")
        profile = pathlib.Path(tmp) / "profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=HTML (StarCalc)", "--convert-to",
             "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, str(src)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copyfile(pathlib.Path(tmp) / (path.stem + ".xlsx"), path)


def html_table(title, header, rows, colspan_title):
    """rows: lists of (text, rowspan) or None for a cell covered by a rowspan above."""
    out = ['<html><head><meta charset="utf-8"></head><body><table border="1">',
           f'<tr><td colspan="{colspan_title}"><b>{html.escape(title)}</b></td></tr>',
           "<tr>" + "".join(f"<td><b>{html.escape(h)}</b></td>" for h in header) + "</tr>"]
    for row in rows:
        tds = []
        for cell in row:
            if cell is None:
                continue
            text, span = cell
            attr = f' rowspan="{span}"' if span > 1 else ""
            tds.append(f"<td{attr}>{html.escape(text)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table></body></html>")
    return "\n".join(out)


def rowspanned(rows, columns):
    """Turns blank cells under a value in `columns` into rowspans (merged cells)."""
    result = [[(c, 1) for c in row] for row in rows]
    for col in columns:
        anchor = None
        for r, row in enumerate(rows):
            if row[col] == "" and anchor is not None:
                text, span = result[anchor][col]
                result[anchor][col] = (text, span + 1)
                result[r][col] = None
            else:
                anchor = r
    return result


def progress_003(path):
    rows = seeds.progress_003()
    header, body = rows[0], rows[1:]
    # 城镇老旧小区改造 starts a sub-project under 4 (棚户区改造) without a number: the 行动名称
    # column restarts there, so only 序号 spans it.
    spanned = rowspanned(body, [0])
    names = rowspanned(body, [1])
    for r in range(len(body)):
        spanned[r][1] = names[r][1]
    to_xlsx_with_libreoffice(html_table("20项民生实事进展情况", header, spanned, 7), path)
    items = len(body)
    return {
        "sheet": "Sheet1", "headerRow": 2, "items": items,
        "errors": [{"code": "rate-mismatch", "item": "大病保险合规费用报销比例", "column": "F"}],
        "warningsAllowed": [{"code": "rate-mismatch", "item": "职工基本医疗保险政策范围内住院费用报销比例", "column": "F"}],
    }


# ---------------------------------------------------------------- 4. seed 001, breakdown table
def breakdown_001(path):
    rows = seeds.breakdown_001()
    wb = openpyxl.Workbook()
    fixed_openpyxl(wb)
    ws = wb.active
    ws.title = "附件1"
    ws.merge_cells("A1:E1")
    ws["A1"] = "2020年庐阳区17项民生工程目标任务分解表"
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["序号", "项      目", None, "牵 头 部 门", "庐    阳    区"])
    ws.merge_cells("B2:C2")
    start = 3
    anchor = None
    for i, (seq, project, sub, lead, target) in enumerate(rows):
        r = start + i
        ws.cell(r, 1, int(seq) if seq else None)
        ws.cell(r, 2, project or None)
        ws.cell(r, 3, sub or None)
        ws.cell(r, 4, lead or None)
        ws.cell(r, 5, target)
        ws.cell(r, 5).alignment = Alignment(wrap_text=True)
    # Merge 序号 and 项目 over their sub-rows; a project without sub-projects spans B:C.
    r = start
    while r < start + len(rows):
        end = r
        while end + 1 < start + len(rows) and rows[end + 1 - start][0] == "":
            end += 1
        if end > r:
            ws.merge_cells(start_row=r, start_column=1, end_row=end, end_column=1)
            ws.merge_cells(start_row=r, start_column=2, end_row=end, end_column=2)
        elif not rows[r - start][2]:
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        r = end + 1
    for col, width in zip("ABCDE", (6, 20, 24, 16, 80)):
        ws.column_dimensions[col].width = width
    wb.save(path)
    return {"sheet": "附件1", "headerRow": 2, "items": len(rows), "errors": [], "findings": []}


# ---------------------------------------------------------------- 5. seed 004, section rows
def sections_004(path):
    title, rows = seeds.sections_004()
    wb = openpyxl.Workbook()
    fixed_openpyxl(wb)
    ws = wb.active
    ws.title = "推进情况"
    ws.merge_cells("A1:E1")
    ws["A1"] = title
    ws.append(["类别", "编号", "工作任务", "1-9月份\n工作情况", "牵头单位"])
    items = 0
    for row in rows:
        if row[0] == "section":
            ws.append([row[1]])
            r = ws.max_row
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        else:
            ws.append([None, int(row[1]), row[2], row[3], row[4]])
            items += 1
    ws.append(["注：数据截至2021年9月底。"])
    wb.save(path)
    return {"sheet": "推进情况", "headerRow": 2, "items": items, "errors": [], "findings": []}


# ---------------------------------------------------------------- 6. seed 000, progress table
PROGRESS_000 = [
    # (project, indicator, unit, target as written, completed, reported rate or None, lead)
    ("贫困残疾人康复", "贫困精神残疾人药费补助", "名", 546, 710, None, "区残联"),
    ("贫困残疾人康复", "残疾儿童适配假肢矫形器", "名", 5, 5, None, "区残联"),
    ("贫困残疾人康复", "残疾儿童适配辅助器具", "名", 4, 4, None, "区残联"),
    ("城乡困难群体法律援助", "办理法律援助案件", "件", 470, 450, None, "区司法局"),
    ("农村改厕及废弃物资源化利用", "农村户用厕所改造", "户", "790户及以上", 827, "104%", "区农村局"),
    ("就业创业促进", "开发公益性岗位", "个", 450, 456, None, "区人社局"),
    ("就业创业促进", "离校未就业高校毕业生就业见习", "人", 90, 90, None, "区人社局"),
    ("技能培训提升", "企业新录用人员岗前技能培训", "人次", 1000, 1098, None, "区人社局"),
    ("技能培训提升", "退役军人技能培训", "人", 120, 121, None, "区退役军人事务局"),
    ("城乡居民基本养老保险", "当年缴费人数", "人", "0.74万人", 7568, "111%", "区人社局"),
    ("妇幼健康水平提升和职业病防治", "免费婚前健康检查", "人", "约3900人", 2542, "65.18%", "区卫健委"),
    ("妇幼健康水平提升和职业病防治", "国家免疫规划常规免疫接种", "剂次", "约85192剂次", 71868, "84.36%", "区卫健委"),
    ("学前教育促进", "资助幼儿", "人次", 80, 80, None, "区教育局"),
    ("学前教育促进", "培训幼儿教师", "人次", 17, 17, None, "区教育局"),
    ("义务教育经费保障", "家庭经济困难学生生活费补助", "人", 450, 511, None, "区教育局"),
    ("棚户区改造", "棚户区改造新开工", "套", 73, 87, None, "区重点处"),
    ("城镇老旧小区改造", "改造城镇老旧小区", "个", 61, 32, None, "区住建局"),
]


def progress_000(path):
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": FIXED, "author": "镜湖区民生办"})
    ws = wb.add_worksheet("10月")
    title = wb.add_format({"bold": True, "font_size": 14, "align": "center"})
    head = wb.add_format({"bold": True, "border": 1, "align": "center", "text_wrap": True})
    cell = wb.add_format({"border": 1})
    ws.merge_range(0, 0, 0, 7, "镜湖区2020年民生工程进展情况表", title)
    ws.merge_range(1, 0, 1, 7, "截至2020年10月31日")
    for c, h in enumerate(["序号", "项目", "指标", "单位", "目标任务", "进展情况", "完成率", "责任单位"]):
        ws.write(2, c, h, head)
    r = 3
    seq = 0
    last = None
    for project, indicator, unit, target, done, rate, lead in PROGRESS_000:
        if project != last:
            seq += 1
            last = project
        ws.write(r, 0, seq, cell)
        ws.write(r, 1, project, cell)
        ws.write(r, 2, indicator, cell)
        ws.write(r, 3, unit, cell)
        ws.write(r, 4, target, cell)
        ws.write(r, 5, done, cell)
        ws.write(r, 6, rate if rate else "", cell)
        ws.write(r, 7, lead, cell)
        r += 1
    ws.write(r + 1, 0, "填报人：张静  联系电话：0553-1234567")
    wb.close()
    rows = {ind: 4 + i for i, (_, ind, *_rest) in enumerate(PROGRESS_000)}
    return {
        "sheet": "10月", "headerRow": 3, "items": len(PROGRESS_000),
        "errors": [{"code": "rate-mismatch", "cell": f"G{rows['当年缴费人数']}", "item": "当年缴费人数"}],
        "warningsAllowed": [{"code": "rate-mismatch", "cell": f"G{rows['农村户用厕所改造']}", "item": "农村户用厕所改造"}],
    }


# ---------------------------------------------------------------- 7. per-county progress
def progress_counties(path):
    """Seed 002's breakdowns as a progress table with a two-row header: each area's 目标 / 完成 /
    完成率 under its merged name, and a 合计 group. Completions are illustrative (the seed is a
    plan) but add up: each area completes its target times a fixed share."""
    shares = {"涡阳县": (9, 10), "蒙城县": (4, 5), "利辛县": (7, 10), "谯城区": (1, 1)}
    areas = list(shares)
    wb = openpyxl.Workbook()
    fixed_openpyxl(wb)
    ws = wb.active
    ws.title = "分县区进度"
    last_col = 3 + 3 * (len(areas) + 1)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws["A1"] = "亳州市2023年民生实事分县区进度表"
    for c, h in enumerate(["序号", "项目", "单位"], 1):
        ws.cell(2, c, h)
        ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    groups = ["合计"] + areas
    for g, name in enumerate(groups):
        col = 4 + 3 * g
        ws.cell(2, col, name)
        ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + 2)
        for k, h in enumerate(["目标", "完成", "完成率"]):
            ws.cell(3, col + k, h)
    r = 4
    chosen = [p for p in seeds.PLAN_002 if set(p[4]) == set(areas)]
    for n, (project, indicator, unit, total, values, lead) in enumerate(chosen, 1):
        ws.cell(r, 1, n)
        ws.cell(r, 2, indicator)
        ws.cell(r, 3, unit)
        done = {a: values[a] * shares[a][0] // shares[a][1] for a in areas}
        target_total = sum(values.values())
        done_total = sum(done.values())
        ws.cell(r, 4, target_total)
        ws.cell(r, 5, done_total)
        ws.cell(r, 6, round(done_total / target_total, 4)).number_format = "0.00%"
        for g, a in enumerate(areas, 1):
            col = 4 + 3 * g
            ws.cell(r, col, values[a])
            ws.cell(r, col + 1, done[a])
            ws.cell(r, col + 2, round(done[a] / values[a], 4)).number_format = "0.00%"
        r += 1
    wb.save(path)
    return {"sheet": "分县区进度", "headerRow": 2, "items": len(chosen), "errors": [], "findings": []}


# ---------------------------------------------------------------- injected defects
def inject(base, name, edits, expected, manifest):
    """Copies `base`, applies edits [(sheet cell, new value)] with openpyxl, saves as `name`."""
    wb = openpyxl.load_workbook(base)
    ws = wb[expected["sheet"]] if expected.get("sheet") else wb.active
    changes = []
    for ref, value in edits:
        if ref.startswith("row:"):  # duplicate a row at the end of the items
            source, target = (int(x) for x in ref[4:].split(">"))
            ws.insert_rows(target)
            for c in range(1, ws.max_column + 1):
                ws.cell(target, c, ws.cell(source, c).value)
            changes.append({"duplicated_row": source, "inserted_at": target})
            continue
        changes.append({"cell": ref, "old": ws[ref].value, "new": value})
        ws[ref] = value
    fixed_openpyxl(wb)
    wb.save(INJECTED / name)
    manifest.append({"file": name, "base": base.name, "sheet": ws.title, "changes": changes, "expected": expected["findings"]})


def main():
    SAMPLES.mkdir(exist_ok=True)
    INJECTED.mkdir(parents=True, exist_ok=True)
    samples = {
        "002-亳州-分解表-分列.xlsx": plan_columns,
        "002-亳州-分解表-文字.xlsx": plan_prose,
        "003-民生实事进展情况.xlsx": progress_003,
        "001-庐阳区-分解表.xlsx": breakdown_001,
        "004-临沂-推进情况.xlsx": sections_004,
        "000-镜湖区-进展情况.xlsx": progress_000,
        "002-亳州-分县区进度.xlsx": progress_counties,
    }
    expected = {}
    for name, make in samples.items():
        facts = make(SAMPLES / name)
        facts["writer"] = make.__name__
        expected[name] = facts
        print("wrote", name)
    (SAMPLES / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    write_injected()


def write_injected():
    """The one-defect copies of Tests/Fixtures/injected/ and their manifest."""
    INJECTED.mkdir(parents=True, exist_ok=True)
    manifest = []
    plan = SAMPLES / "002-亳州-分解表-分列.xlsx"
    counties = SAMPLES / "002-亳州-分县区进度.xlsx"
    jinghu = SAMPLES / "000-镜湖区-进展情况.xlsx"
    # Row 4 of 分解表 is 城镇新增就业 (3.3万人以上 = 8300+8100+8000+8600); F4 is 涡阳县.
    inject(plan, "county-figure-changed.xlsx", [("F4", 8200)],
           {"sheet": "分解表", "findings": [{"code": "total-mismatch", "severity": "error", "cell": "E4", "expected": 32900, "actual": 33000}]}, manifest)
    # A blank area cell is no share (DESIGN, "Blank area cells"): the total no longer adds up,
    # and the message names the blank area.
    inject(plan, "area-blanked.xlsx", [("G5", None)],
           {"sheet": "分解表", "findings": [{"code": "total-mismatch", "severity": "error", "cell": "E5", "expected": 2449, "actual": 3265}]}, manifest)
    inject(plan, "unparsed-text.xlsx", [("H6", "见附件")],
           {"sheet": "分解表", "findings": [{"code": "unparsed-value", "severity": "warning", "cell": "H6"}]}, manifest)
    inject(plan, "duplicated-row.xlsx", [("row:7>8", None)],
           {"sheet": "分解表", "findings": [{"code": "duplicate-item", "severity": "warning", "row": 8}]}, manifest)
    # 分县区进度: row 4 is the first item; E is 合计完成, H is 涡阳县完成.
    inject(counties, "county-completion-changed.xlsx", [("H4", 7000)],
           {"sheet": "分县区进度", "findings": [{"code": "completed-total-mismatch", "severity": "error", "cell": "E4"}]}, manifest)
    # An area with a target whose completion is blank: the completed total cannot be checked.
    inject(counties, "area-completion-blanked.xlsx", [("H4", None)],
           {"sheet": "分县区进度", "findings": [{"code": "breakdown-incomplete", "severity": "warning", "cell": "H4"}]}, manifest)
    # 000: row 4 is 贫困精神残疾人药费补助 (target E4, completed F4); row 8 农村户用厕所改造.
    inject(jinghu, "negative-completion.xlsx", [("F5", -5)],
           {"sheet": "10月", "findings": [{"code": "negative-value", "severity": "error", "cell": "F5"}]}, manifest)
    inject(jinghu, "target-blanked.xlsx", [("E7", None)],
           {"sheet": "10月", "findings": [{"code": "missing-target", "severity": "warning", "cell": "E7"}]}, manifest)
    inject(jinghu, "rate-changed.xlsx", [("G14", "75.18%")],
           {"sheet": "10月", "findings": [{"code": "rate-mismatch", "severity": "error", "cell": "G14"}]}, manifest)
    # openpyxl writes formulas without cached values, as a script filling a template would: a
    # completed figure that is such a formula cannot be read ...
    inject(jinghu, "formula-uncached.xlsx", [("F5", "=2+3")],
           {"sheet": "10月", "findings": [{"code": "formula-without-value", "severity": "warning", "cell": "F5"}]}, manifest)
    # ... but a rate that divides the row's own completed figure by its target reports nothing
    # of its own (the figures are checked): no finding at all.
    inject(jinghu, "rate-formula-own-row.xlsx", [("G5", "=F5/E5")],
           {"sheet": "10月", "findings": []}, manifest)
    (INJECTED / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    print("wrote", len(manifest), "injected copies")


if __name__ == "__main__":
    if sys.argv[1:] == ["injected"]:
        write_injected()
    else:
        main()
