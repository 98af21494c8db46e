"""The sample builders. Each writes one workbook and returns its expected facts (a dict).

Row and column numbers in the returned facts are 1-based, as in A1 references.
"""
import hashlib
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

import figures
import qty
import seed001_rows
import seed002_items
import seed003_rows
import seed004_rows
from common import FIXED_DT, HCell, a1, col, html_table, openpyxl_save, soffice_html_to_xlsx

XW = f"XlsxWriter {xlsxwriter.__version__}"
OP = f"openpyxl {openpyxl.__version__}"
LO = "LibreOffice Calc (soffice --convert-to xlsx from HTML)"


class Facts:
    """Collects the expected facts of one sample while it is being written."""

    def __init__(self, sid, file, seed, writer, kind, sheet):
        self.d = {"id": sid, "file": file, "seed": seed, "writer": writer, "kind": kind,
                  "data_sheet": sheet, "sheets": [], "title_rows": [], "header_rows": [],
                  "header_row": None, "columns": {}, "section_rows": [], "footer_rows": [],
                  "item_rows": [], "items": 0, "item_list": [], "findings": [], "must_not": [],
                  "notes": []}

    def item(self, row, project, indicator, **cells):
        self.d["item_rows"].append(row)
        e = {"row": row, "project": project, "indicator": indicator}
        e.update(cells)
        self.d["item_list"].append(e)
        self.d["items"] = len(self.d["item_rows"])

    def done(self):
        return self.d


def _xw_formats(wb):
    f = {}
    border = {"border": 1, "valign": "vcenter", "font_name": "宋体", "font_size": 10}
    f["title"] = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter",
                                "font_name": "方正小标宋简体"})
    f["sub"] = wb.add_format({"font_size": 10, "align": "left", "valign": "vcenter", "font_name": "宋体"})
    f["head"] = wb.add_format(dict(border, bold=True, align="center", text_wrap=True, bg_color="#D9E1F2"))
    f["text"] = wb.add_format(dict(border, text_wrap=True))
    f["center"] = wb.add_format(dict(border, align="center", text_wrap=True))
    f["num"] = wb.add_format(dict(border, align="center"))
    f["pct0"] = wb.add_format(dict(border, align="center", num_format="0%"))
    f["pct1"] = wb.add_format(dict(border, align="center", num_format="0.0%"))
    f["pct2"] = wb.add_format(dict(border, align="center", num_format="0.00%"))
    f["foot"] = wb.add_format({"font_size": 10, "align": "left", "valign": "top", "text_wrap": True,
                               "font_name": "宋体"})
    return f


def _count_cells(values, kinds):
    return sum(1 for v in values if qty.parse(v).kind in kinds)


# ============================================================================================
# 1. seed 002 as a city plan with per-county columns (XlsxWriter)

def sample1(path, rel):
    F = Facts(1, rel, "002", XW, "plan-areas", "分解表")
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"title": "亳州市2023年民生实事目标任务分解表", "author": "市民生办",
                       "created": FIXED_DT})
    ws = wb.add_worksheet("分解表")
    fm = _xw_formats(wb)
    areas = figures.AREAS_002
    headers = ["序号", "项目", "指标/任务内容", "单位", "全市\n目标"] + \
              [("亳州\n高新区" if a == "亳州高新区" else a) for a in areas] + ["牵头单位"]
    ncol = len(headers)
    last = col(ncol)
    ws.merge_range(f"A1:{last}1", "亳州市2023年民生实事目标任务分解表（分县区）", fm["title"])
    ws.merge_range(f"A2:{last}2", "填报单位：亳州市民生工作领导小组办公室　　　　　　　　2023年9月", fm["sub"])
    ws.set_row(0, 30)
    ws.set_row(2, 32)
    for c, h in enumerate(headers):
        ws.write(2, c, h, fm["head"])
    for c, w in enumerate([5, 20, 26, 7, 12, 11, 11, 11, 11, 9, 8, 22]):
        ws.set_column(c, c, w)
    ws.freeze_panes(3, 0)
    F.d["title_rows"] = [1, 2]
    F.d["header_rows"] = [3]
    F.d["header_row"] = 3
    F.d["columns"] = {"seq": "A", "project": "B", "indicator": "C", "unit": "D", "total": "E",
                      "areas": {a: col(6 + i) for i, a in enumerate(areas)}, "lead": col(ncol)}
    row = 3  # 0-based next row
    na_cells = 0
    na_rows = 0
    seq = 0
    for seed_no, project, lead, inds in figures.PLAN_002:
        seq += 1
        first = row
        na_mark = "/" if seed_no in ("二十", "三十九") else figures.NA
        for ind, unit, total, parts in inds:
            ws.write(row, 2, ind, fm["text"])
            ws.write(row, 3, unit, fm["center"])
            ws.write(row, 4, total, fm["num"])
            row_na = 0
            for i, a in enumerate(areas):
                v = parts.get(a, na_mark)
                if a not in parts:
                    row_na += 1
                ws.write(row, 5 + i, v, fm["num"])
            na_cells += row_na
            na_rows += 1 if row_na else 0
            F.item(row + 1, project, ind, total_cell=a1(row + 1, 5), seed_item=seed_no)
            row += 1
        n = row - first
        if n > 1:
            ws.merge_range(first, 0, row - 1, 0, seq, fm["num"])
            ws.merge_range(first, 1, row - 1, 1, project, fm["text"])
            ws.merge_range(first, ncol - 1, row - 1, ncol - 1, lead, fm["text"])
        else:
            ws.write(first, 0, seq, fm["num"])
            ws.write(first, 1, project, fm["text"])
            ws.write(first, ncol - 1, lead, fm["text"])
    ws.merge_range(row, 0, row, ncol - 1,
                   "备注：“—”“/”表示该县区无此项任务；“以上”“不少于”为下限目标；"
                   "“残疾人康复救助（合计）”为其下四项之和。", fm["foot"])
    ws.set_row(row, 30)
    ws.merge_range(row + 1, 0, row + 1, ncol - 1, "填报人：　　　　　　审核人：　　　　　　联系电话：", fm["foot"])
    F.d["footer_rows"] = [row + 1, row + 2]
    wb.close()
    F.d["sheets"] = [{"name": "分解表", "state": "visible"}]
    F.d["na_cells"] = na_cells
    F.d["na_rows"] = na_rows
    F.d["qualitative_targets"] = 0
    F.d["notes"] += [
        "Targets are written as in the seed where the seed writes a quantity text (e.g. E4 '3.3万人以上', "
        "F5 '不少于816个', I4 '8,600' with a thousands separator); the rest are numbers.",
        "Areas the seed gives no figure for hold '—' (or '/' in the 营养改善计划 and 保障性租赁住房 rows): "
        "not applicable, never a finding.",
        "残疾人康复救助（合计）: the seed's 10252 = 1320+70+62+8800; its per-county values are DERIVED "
        "(sums of the four sub-item rows below it), not printed in the seed.",
        "Every total equals the sum of its areas: no findings.",
        "Header '全市\\n目标' and '亳州\\n高新区' contain line breaks.",
    ]
    return F.done()


# ============================================================================================
# 2. seed 002 as a plan whose target cells are the prose (openpyxl)

_thin = Side(style="thin")
_box = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


def _op_cell(ws, ref, value, bold=False, wrap=True, align=None, size=10, fill=None, border=True):
    c = ws[ref]
    c.value = value
    c.font = Font(name="宋体", size=size, bold=bold)
    c.alignment = Alignment(wrap_text=wrap, vertical="center", horizontal=align)
    if border:
        c.border = _box
    if fill:
        c.fill = PatternFill("solid", fgColor=fill)
    return c


def _op_props(wb, title):
    wb.properties.creator = "市民生办"
    wb.properties.title = title
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    wb.properties.lastModifiedBy = "市民生办"


# breakdowns whose areas the prose does not name one by one
_IMPLICIT = {"开发公益性岗位": "每个县区不少于550个 (涡阳县, 蒙城县, 利辛县, 谯城区)",
             "建立“惠民菜篮子”门店": "市本级建立4家,每个县区各2家 (涡阳县, 蒙城县, 利辛县, 谯城区)"}


def sample2(path, rel):
    F = Facts(2, rel, "002", OP, "plan-prose", "民生实事")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "民生实事"
    _op_props(wb, "亳州市2023年50项民生实事目标任务表")
    ws.merge_cells("A1:E1")
    _op_cell(ws, "A1", "亳州市2023年50项民生实事目标任务表", bold=True, size=16, align="center", border=False)
    ws.row_dimensions[1].height = 30
    ws.merge_cells("A2:E2")
    _op_cell(ws, "A2", "（2023年9月14日印发）", align="right", border=False)
    for i, h in enumerate(["序号", "项目名称", "目标任务", "牵头单位", "责任单位"]):
        _op_cell(ws, a1(3, i + 1), h, bold=True, align="center", fill="D9D9D9")
    for c, w in zip("ABCDE", [6, 24, 80, 24, 16]):
        ws.column_dimensions[c].width = w
    ws.freeze_panes = "A4"
    F.d.update(title_rows=[1, 2], header_rows=[3], header_row=3,
               columns={"seq": "A", "project": "B", "target": "C", "lead": "D", "responsible": "E"})
    r = 4
    section = None
    by_no = {}
    qualitative = 0
    for n, it in enumerate(seed002_items.ITEMS, 1):
        if it["section"] != section:
            section = it["section"]
            ws.merge_cells(f"A{r}:E{r}")
            _op_cell(ws, f"A{r}", section, bold=True)
            F.d["section_rows"].append(r)
            r += 1
        _op_cell(ws, f"A{r}", n, align="center")
        _op_cell(ws, f"B{r}", it["name"])
        _op_cell(ws, f"C{r}", it["target"])
        _op_cell(ws, f"D{r}", it["lead"])
        _op_cell(ws, f"E{r}", "各县区人民政府")
        if not any(ch.isdigit() for ch in it["target"]):
            qualitative += 1
        by_no[it["seed_no"]] = r
        F.item(r, it["name"], None, target_cell=f"C{r}", seed_item=it["seed_no"], section=section)
        r += 1
    ws.merge_cells(f"A{r}:E{r}")
    _op_cell(ws, f"A{r}", "注：目标任务摘自《亳州市2023年50项民生实事实施方案》，推进措施略。", border=False)
    F.d["footer_rows"] = [r]
    openpyxl_save(wb, path)
    F.d["sheets"] = [{"name": "民生实事", "state": "visible"}]
    F.d["na_cells"] = 0
    F.d["na_rows"] = 0
    F.d["qualitative_targets"] = qualitative
    F.d["prose_breakdowns"] = [
        {"cell": f"C{by_no[no]}", "item": ind, "total": total, "unit": unit, "areas": parts,
         "sum": sum(parts.values()),
         **({"areas_implicit": _IMPLICIT[ind]} if ind in _IMPLICIT else {})}
        for no, ind, total, unit, parts in figures.PROSE_BREAKDOWNS_002]
    F.d["notes"] += [
        "Target cells are the seed's item paragraphs verbatim (half-width punctuation as in the seed, including "
        "its '谯城区1645 户' with a space inside the quantity).",
        "qualitative_targets counts target cells with no digit at all (e.g. '完善中小学生心理健康教育服务体系。').",
        "prose_breakdowns lists every county breakdown written inside a target cell, with its total and parts; "
        "all add up: zero error findings. '每个县区不少于550个' means 涡阳/蒙城/利辛/谯城 550 each; "
        "'每个县区各2家' likewise (4 x 2 + 市本级 4 = 12).",
        "Rows 4, 8, ... are section rows (一、就业促进(3项) ...), merged A:E; items are numbered 1-50 in column A.",
        "责任单位 '各县区人民政府' is ours (the seed addresses 各县、区人民政府); it is not a seed figure.",
    ]
    return F.done()


# ============================================================================================
# 3. seed 003 as the progress table it is (LibreOffice from HTML, real merged cells)

# 完成率 cells written as numbers with a % number format (the others stay text as printed).
_NUMERIC_RATE_GROUPS = {"3", "5", "7", "9", "11", "12"}
_NUMERIC_RATE_ITEMS = {"大病保险合规费用报销比例"}


def _pct_to_num(text):
    q = qty.parse(text)
    fmt = "0%" if q.decimals == 0 else "0." + "0" * q.decimals + "%"
    return float(q.value), fmt


def sample3(path, rel):
    F = Facts(3, rel, "003", LO, "progress", "Sheet1")
    rows = seed003_rows.ROWS
    # group spans
    seq_span, name_span = {}, {}
    cur_seq = cur_name = None
    for i, r in enumerate(rows):
        if r[0]:
            cur_seq = i
            seq_span[i] = 0
        if r[1] or r[0]:
            cur_name = i
            name_span[i] = 0
        seq_span[cur_seq] += 1
        name_span[cur_name] += 1
    hrows = [[HCell(seed003_rows.TITLE, colspan=7, bold=True, align="center", size=5)],
             [HCell(h, bold=True, align="center") for h in
              ["序号", "行动名称", "行动内容", "年度\n目标", "完成\n情况", "完成率", "责任单位"]]]
    first_row = 3
    rate_cells = {}
    group = None
    project = None
    na_rows = na_cells = qual = 0
    for i, r in enumerate(rows):
        excel_row = first_row + i
        cells = []
        if r[0]:
            group = r[0]
            cells.append(HCell(r[0], rowspan=seq_span[i], align="center"))
        if i in name_span:
            project = r[1]
            cells.append(HCell(r[1], rowspan=name_span[i]))
        cells.append(HCell(r[2]))
        # 年度目标
        tgt = r[3]
        if tgt == "14.0 ":
            text_target_cell = a1(excel_row, 4)
            cells.append(HCell(tgt, sdnum="2052;0;@"))          # kept as the text '14.0 '
        elif tgt == "95%":
            pct_target_cell = a1(excel_row, 4)
            cells.append(HCell(tgt, sdval=0.95, sdnum="2052;0;0%"))
        else:
            cells.append(HCell(tgt, sdnum="2052;0;@" if tgt.endswith("%") else None))
        cells.append(HCell(r[4], sdnum="2052;0;@" if r[4].endswith("%") else None))
        rate = r[5]
        rc = a1(excel_row, 6)
        if rate.endswith("%") and (group in _NUMERIC_RATE_GROUPS or r[2] in _NUMERIC_RATE_ITEMS):
            v, fmt = _pct_to_num(rate)
            cells.append(HCell(rate, sdval=repr(v), sdnum=f"2052;0;{fmt}"))
            rate_cells[rc] = {"printed": rate, "written_as": "number", "value": v, "number_format": fmt}
        elif rate.endswith("%"):
            cells.append(HCell(rate, sdnum="2052;0;@"))
            rate_cells[rc] = {"printed": rate, "written_as": "text", "value": rate}
        else:
            cells.append(HCell(rate))
            if rate == "0":
                rate_cells[rc] = {"printed": "0", "written_as": "number", "value": 0, "number_format": "General"}
        cells.append(HCell(r[6]))
        hrows.append(cells)
        vals = r[3:6]
        n_na = sum(1 for v in vals if qty.parse(v).kind == "na")
        na_cells += n_na
        na_rows += 1 if n_na else 0
        qual += 1 if qty.parse(r[3]).kind == "qualitative" else 0
        F.item(excel_row, project, r[2], target_cell=a1(excel_row, 4), completed_cell=a1(excel_row, 5),
               rate_cell=rc, group=group)
    foot = first_row + len(rows)
    hrows.append([HCell("填报人：　　　　　　审核人：　　　　　　联系电话：", colspan=7)])
    soffice_html_to_xlsx(html_table("20项民生实事进展情况", [40, 150, 330, 70, 70, 70, 110], hrows), path)
    F.d.update(title_rows=[1], header_rows=[2], header_row=2, footer_rows=[foot],
               columns={"seq": "A", "project": "B", "indicator": "C", "target": "D", "completed": "E",
                        "rate": "F", "lead": "G"})
    F.d["sheets"] = [{"name": "Sheet1", "state": "visible"}]
    F.d["na_cells"] = na_cells
    F.d["na_rows"] = na_rows
    F.d["qualitative_targets"] = qual
    F.d["rate_cells"] = rate_cells
    F.d["notes"] += [
        "序号 and 行动名称 are real merged cells over their sub-rows (序号 4 spans 棚户区改造 and 城镇老旧小区改造).",
        f"{text_target_cell} is the text '14.0 ' (with the seed's trailing space); {pct_target_cell} (基本医疗保险参保率 "
        "95%) is the number 0.95 with format 0%; the other % targets and completions are text.",
        "完成率: see rate_cells — groups 3, 5, 7, 9, 11, 12 and 大病保险 are numbers with a 0% / 0.00% format, "
        "the rest text as printed; the seed's bare '0' rates (城镇老旧小区改造) are the number 0, format General.",
        "Rows whose target is '——' but which report a completion (困难残疾人生活补贴 2326, 重度残疾人护理补贴 4524, "
        "农村助餐点 21) are not-applicable targets, not missing ones: no missing-target finding. "
        "临时救助 has the qualitative target 应救尽救 and completion 95: no finding.",
        "A row whose 行动内容 is '——' (2 区域医疗水平提升行动) is still an item.",
    ]
    return F.done()


# ============================================================================================
# 4. seed 001's breakdown table (LibreOffice from HTML, real merged cells)

def sample4(path, rel):
    F = Facts(4, rel, "001", LO, "plan-prose", "Sheet1")
    rows = seed001_rows.ROWS
    spans = {}
    cur = None
    for i, r in enumerate(rows):
        if r[0]:
            cur = i
            spans[i] = 0
        spans[cur] += 1
    h = [[HCell("附件1", align="left")],
         [HCell(seed001_rows.TITLE, colspan=5, bold=True, align="center", size=5)],
         [HCell("序号", bold=True, align="center"), HCell(seed001_rows.HEADER[1], colspan=2, bold=True, align="center"),
          HCell(seed001_rows.HEADER[2], bold=True, align="center"), HCell(seed001_rows.HEADER[3], bold=True, align="center")]]
    first = 4
    project = None
    for i, (no, proj, sub, lead, tgt) in enumerate(rows):
        cells = []
        er = first + i
        if no:
            project = proj
            if sub is None:
                cells += [HCell(no, align="center"), HCell(proj, colspan=2)]
            else:
                cells += [HCell(no, rowspan=spans[i], align="center"), HCell(proj, rowspan=spans[i])]
        if sub is not None:
            cells.append(HCell(sub))
        if proj == "妇幼健康\n水平提升和\n职业病防治":
            cells.append(HCell(lead, rowspan=2))       # 区卫建委 spans 职业病防治 too
            lead_merge = f"D{er}:D{er + 1}"
        elif lead or no or sub is None:
            cells.append(HCell(lead))
        cells.append(HCell(tgt))
        h.append(cells)
        F.item(er, project.replace("\n", ""), (sub or proj).replace("\n", ""), target_cell=a1(er, 5))
    soffice_html_to_xlsx(html_table(seed001_rows.TITLE, [40, 110, 150, 110, 520], h), path)
    F.d.update(title_rows=[1, 2], header_rows=[3], header_row=3,
               columns={"seq": "A", "project": "B", "indicator": "C", "lead": "D", "target": "E"})
    F.d["sheets"] = [{"name": "Sheet1", "state": "visible"}]
    F.d["na_cells"] = 0
    F.d["na_rows"] = 0
    F.d["qualitative_targets"] = sum(1 for r in rows if not any(ch.isdigit() for ch in r[4]))
    F.d["notes"] += [
        "Header row 3: '序号 | 项 目 (merged B3:C3) | 牵 头 部 门 | 庐 阳 区' (the seed pads these with runs of "
        "spaces; LibreOffice's HTML import collapses each run to one space). "
        "Column E, headed by the district name 庐阳区, holds the district's targets as prose: it is the target "
        "column of a one-area plan, not an area column with a total elsewhere.",
        "Single-level projects are merged across B:C; projects 4, 8, 11 are merged down over their sub-projects "
        f"(column C); 序号 is merged down with them. 区卫建委 is merged over {lead_merge} (down over 职业病防治, "
        "where the seed leaves the cell empty).",
        "Item = one target row (24). indicator = sub-project where there is one, else the project.",
        "No numeric columns: no findings.",
    ]
    return F.done()


# ============================================================================================
# 5. seed 004's table with section rows and text progress (openpyxl, hidden draft sheet first)

def sample5(path, rel):
    F = Facts(5, rel, "004", OP, "progress-text", "推进情况")
    wb = openpyxl.Workbook()
    _op_props(wb, seed004_rows.TITLE)
    draft = wb.active
    draft.title = "草稿"
    draft["A1"] = "临沂市2021年度20项重点民生实事推进情况表(1-8月份)（草稿，勿用）"
    for i, hd in enumerate(["编号", "工作任务", "1-8月份工作情况", "牵头单位"]):
        draft.cell(row=2, column=i + 1, value=hd)
    for k, r in enumerate([x for x in seed004_rows.ROWS if x[0] == "item"][:3]):
        draft.cell(row=3 + k, column=1, value=int(r[1]))
        draft.cell(row=3 + k, column=2, value=r[2])
        draft.cell(row=3 + k, column=3, value="（待牵头单位报送）")
        draft.cell(row=3 + k, column=4, value=r[4])
    draft.sheet_state = "hidden"
    ws = wb.create_sheet("推进情况")
    wb.active = 1
    ws.merge_cells("A1:D1")
    _op_cell(ws, "A1", seed004_rows.TITLE, bold=True, size=16, align="center", border=False)
    ws.row_dimensions[1].height = 30
    ws.merge_cells("A2:D2")
    _op_cell(ws, "A2", "截至2021年9月底", align="right", border=False)
    for i, hd in enumerate(["编号", "工作任务", "1-9月份\n工作情况", "牵头单位"]):
        _op_cell(ws, a1(3, i + 1), hd, bold=True, align="center", fill="DDEBF7")
    ws.row_dimensions[3].height = 30
    for c, w in zip("ABCD", [6, 34, 70, 18]):
        ws.column_dimensions[c].width = w
    ws.freeze_panes = "A4"
    r = 4
    section = None
    for x in seed004_rows.ROWS:
        if x[0] == "section":
            section = x[1]
            ws.merge_cells(f"A{r}:D{r}")
            _op_cell(ws, f"A{r}", section, bold=True, fill="F2F2F2")
            F.d["section_rows"].append(r)
        else:
            _, no, task, prog, lead = x
            _op_cell(ws, f"A{r}", int(no), align="center")
            _op_cell(ws, f"B{r}", task)
            _op_cell(ws, f"C{r}", prog)
            _op_cell(ws, f"D{r}", lead)
            F.item(r, task, None, completed_cell=f"C{r}", section=section)
        r += 1
    ws.merge_cells(f"A{r}:D{r}")
    _op_cell(ws, f"A{r}", "备注：第59项“加大财政民生支出力度”为1-8月份数据。", border=False)
    F.d["footer_rows"] = [r]
    openpyxl_save(wb, path)
    F.d.update(title_rows=[1, 2], header_rows=[3], header_row=3,
               columns={"seq": "A", "project": "B", "completed": "C", "lead": "D"})
    F.d["sheets"] = [{"name": "草稿", "state": "hidden"}, {"name": "推进情况", "state": "visible"}]
    F.d["na_cells"] = 0
    F.d["na_rows"] = 0
    F.d["qualitative_targets"] = 0
    F.d["notes"] += [
        "The first sheet '草稿' is hidden (an old 1-8月 draft) and must not be taken as the data sheet.",
        "20 section rows (一、… to 二十、…) merged A:D set the category of the items below them; "
        "the seed's 类别 column became these section rows.",
        "Column B '工作任务' names the item (project), column C '1-9月份\\n工作情况' is the progress as text; "
        "there is no target column, so no rate or total checks apply: no findings.",
    ]
    return F.done()


# ============================================================================================
# 6. seed 000's figures as a progress table (XlsxWriter, second sheet 说明)

def sample6(path, rel):
    F = Facts(6, rel, "000", XW, "progress", "进展情况")
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"title": "镜湖区2020年民生工程进展情况表", "author": "镜湖区民生办", "created": FIXED_DT})
    ws = wb.add_worksheet("进展情况")
    note = wb.add_worksheet("说明")
    fm = _xw_formats(wb)
    ws.merge_range("A1:G1", "镜湖区2020年民生工程进展情况表", fm["title"])
    ws.merge_range("A2:G2", "填报单位：镜湖区民生办　　　　　　　　截至2020年10月底", fm["sub"])
    ws.set_row(0, 30)
    ws.set_row(2, 32)
    heads = ["序号", "项目", "具体指标", "责任单位", "目标\n任务", "进展\n情况", "完成率"]
    for c, hd in enumerate(heads):
        ws.write(2, c, hd, fm["head"])
    for c, w in enumerate([5, 22, 34, 18, 14, 12, 9]):
        ws.set_column(c, c, w)
    ws.freeze_panes(3, 0)
    row = 3
    rate_cells = {}
    for seq, (proj, lead, inds) in enumerate(figures.PROGRESS_000, 1):
        first = row
        for ind, tgt, done, rate in inds:
            ws.write(row, 2, ind, fm["text"])
            ws.write(row, 4, tgt, fm["num"])
            ws.write(row, 5, done, fm["num"])
            rc = a1(row + 1, 7)
            if rate is None:
                ws.write_blank(row, 6, None, fm["num"])
            elif isinstance(rate, str):
                ws.write_string(row, 6, rate, fm["num"])
                rate_cells[rc] = {"printed": rate, "written_as": "text", "value": rate}
            else:
                _, v, nf = rate
                ws.write_number(row, 6, v, fm["pct0"] if nf == "0%" else fm["pct2"])
                rate_cells[rc] = {"printed": f"{v * 100:.{0 if nf == '0%' else 2}f}%", "written_as": "number",
                                  "value": v, "number_format": nf}
            F.item(row + 1, proj, ind, target_cell=a1(row + 1, 5), completed_cell=a1(row + 1, 6), rate_cell=rc)
            row += 1
        if row - first > 1:
            ws.merge_range(first, 0, row - 1, 0, seq, fm["num"])
            ws.merge_range(first, 1, row - 1, 1, proj, fm["text"])
            ws.merge_range(first, 3, row - 1, 3, lead, fm["text"])
        else:
            ws.write(first, 0, seq, fm["num"])
            ws.write(first, 1, proj, fm["text"])
            ws.write(first, 3, lead, fm["text"])
    ws.merge_range(row, 0, row, 6, "备注：完成率一栏只填小结中已报告的比率，未报告的留空。", fm["foot"])
    ws.merge_range(row + 1, 0, row + 1, 6, "填报人：　　　　　　联系电话：", fm["foot"])
    note.set_column(0, 0, 90)
    for i, line in enumerate([
            "填表说明",
            "1. 本表根据《镜湖区2020年10月民生工程小结》整理，仅列出小结中同时给出目标数和完成数的指标。",
            "2. “目标任务”按目标责任书原文填写，“以上”“约”“左右”等保留原文。",
            "3. 完成率＝完成数÷目标数；小结未报告完成率的，本表留空。",
            "4. 联系人：区民生办"]):
        note.write(i, 0, line)
    wb.close()
    F.d.update(title_rows=[1, 2], header_rows=[3], header_row=3, footer_rows=[row + 1, row + 2],
               columns={"seq": "A", "project": "B", "indicator": "C", "lead": "D", "target": "E",
                        "completed": "F", "rate": "G"})
    F.d["sheets"] = [{"name": "进展情况", "state": "visible"}, {"name": "说明", "state": "visible"}]
    F.d["na_cells"] = 0
    F.d["na_rows"] = 0
    F.d["qualitative_targets"] = 0
    F.d["rate_cells"] = rate_cells
    F.d["notes"] += [
        "Second sheet '说明' is unrelated free text (no header row): not a data sheet.",
        "Only indicators for which the seed gives both a target and a completed figure are rows; 完成率 is "
        "filled only where the seed states a rate (改厕 104%, 缴费人数 111%, 婚检 65.18%, 免疫接种 84.36%), "
        "else blank.",
        "Percent-valued indicators (参保率, 报销比例, 发放率 ...) have percent targets and completions; their rate "
        "cells are blank.",
        "Targets keep the seed's wording ('0.74万人', '790户及以上', '约3900人', '不少于30名').",
        "'具体指标' column is an addition to the brief's 序号|项目|责任单位|目标任务|进展情况|完成率 so that one "
        "project can carry several indicators.",
    ]
    return F.done()


# ============================================================================================
# 7. seed 002 breakdowns as a progress table with per-area column groups (XlsxWriter)

def _fraction(key):
    h = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16)
    return 0.55 + (h % 5700) / 10000.0   # 0.55 .. 1.12


def progress_items_002():
    """(project, lead, indicator, unit, {area: target}) for the area progress sample."""
    out = []
    for seed_no, project, lead, inds in figures.PLAN_002:
        for ind, unit, total, parts in inds:
            if ind in ("残疾人康复救助（合计）", "利辛县营养改善计划覆盖学生数"):
                continue
            vals = {a: int(qty.parse(v).value) for a, v in parts.items()}
            assert sum(vals.values()) == int(qty.parse(total).value), ind
            out.append((project, lead, ind, unit, vals))
    return out


def sample7(path, rel):
    F = Facts(7, rel, "002", XW, "progress-areas", "分县区进展")
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"title": "亳州市2023年民生实事分县区进展情况表", "author": "市民生办", "created": FIXED_DT})
    ws = wb.add_worksheet("分县区进展")
    fm = _xw_formats(wb)
    areas = figures.AREAS_002
    groups = ["合计"] + areas
    gcol = {g: 4 + 3 * i for i, g in enumerate(groups)}     # 0-based first column of each group
    lead_c = 4 + 3 * len(groups)
    last = col(lead_c + 1)
    ws.merge_range(f"A1:{last}1", "亳州市2023年民生实事分县区进展情况表", fm["title"])
    ws.merge_range(f"A2:{last}2", "填报单位：亳州市民生办　　　　　　　　截至2023年10月31日", fm["sub"])
    ws.set_row(0, 30)
    for c, hd in enumerate(["序号", "项目", "指标", "单位"]):
        ws.merge_range(2, c, 3, c, hd, fm["head"])
    ws.merge_range(2, lead_c, 3, lead_c, "牵头单位", fm["head"])
    for g in groups:
        ws.merge_range(2, gcol[g], 2, gcol[g] + 2, g, fm["head"])
        for k, sh in enumerate(["目标", "完成", "完成率"]):
            ws.write(3, gcol[g] + k, sh, fm["head"])
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 18)
    ws.set_column(2, 2, 24)
    ws.set_column(3, 3, 6)
    ws.set_column(4, lead_c - 1, 8)
    ws.set_column(lead_c, lead_c, 20)
    ws.freeze_panes(4, 4)
    row = 4
    items = progress_items_002()
    seq = 0
    prev_proj = None
    proj_first = None
    completions = {}

    def close_project(first, last_row, proj, lead, seqno):
        if last_row - first > 0:
            ws.merge_range(first, 0, last_row, 0, seqno, fm["num"])
            ws.merge_range(first, 1, last_row, 1, proj, fm["text"])
            ws.merge_range(first, lead_c, last_row, lead_c, lead, fm["text"])
        else:
            ws.write(first, 0, seqno, fm["num"])
            ws.write(first, 1, proj, fm["text"])
            ws.write(first, lead_c, lead, fm["text"])

    na_cells = na_rows = 0
    prev_lead = None
    for proj, lead, ind, unit, tg in items:
        if proj != prev_proj:
            if prev_proj is not None:
                close_project(proj_first, row - 1, prev_proj, prev_lead, seq)
            seq += 1
            prev_proj, prev_lead, proj_first = proj, lead, row
        ws.write(row, 2, ind, fm["text"])
        ws.write(row, 3, unit, fm["center"])
        done = {a: round(t * _fraction(ind + "|" + a)) for a, t in tg.items()}
        tot_t, tot_d = sum(tg.values()), sum(done.values())
        cells = {}
        for g in groups:
            c0 = gcol[g]
            if g == "合计":
                t, d = tot_t, tot_d
            elif g in tg:
                t, d = tg[g], done[g]
            else:
                for k in range(3):
                    ws.write(row, c0 + k, "—", fm["num"])
                na_cells += 3
                continue
            ws.write_number(row, c0, t, fm["num"])
            ws.write_number(row, c0 + 1, d, fm["num"])
            ws.write_number(row, c0 + 2, float((Decimal(d) / Decimal(t)).quantize(Decimal("0.001"), ROUND_HALF_UP)),
                            fm["pct1"])
            cells[g] = {"target": a1(row + 1, c0 + 1), "completed": a1(row + 1, c0 + 2),
                        "rate": a1(row + 1, c0 + 3), "target_value": t, "completed_value": d}
        na_rows += 1 if len(tg) < len(areas) else 0
        completions[ind] = cells
        F.item(row + 1, proj, ind, groups=cells)
        row += 1
    close_project(proj_first, row - 1, prev_proj, prev_lead, seq)
    ws.merge_range(row, 0, row, lead_c, "注：完成率＝完成÷目标；“—”表示该县区无此项任务。完成数为模拟进度，非公开数据。",
                   fm["foot"])
    ws.merge_range(row + 1, 0, row + 1, lead_c, "填报人：　　　　　　审核人：　　　　　　联系电话：", fm["foot"])
    wb.close()
    F.d.update(title_rows=[1, 2], header_rows=[3, 4], header_row=4, footer_rows=[row + 1, row + 2],
               columns={"seq": "A", "project": "B", "indicator": "C", "unit": "D",
                        "groups": {g: {"target": col(gcol[g] + 1), "completed": col(gcol[g] + 2),
                                       "rate": col(gcol[g] + 3)} for g in groups},
                        "total_group": "合计", "lead": col(lead_c + 1)})
    F.d["sheets"] = [{"name": "分县区进展", "state": "visible"}]
    F.d["na_cells"] = na_cells
    F.d["na_rows"] = na_rows
    F.d["qualitative_targets"] = 0
    F.d["notes"] += [
        "Two header rows: row 3 holds merged group names (合计, 涡阳县 ... 市本级) over three columns each; row 4 "
        "holds 目标 / 完成 / 完成率. 序号, 项目, 指标, 单位, 牵头单位 are merged over rows 3-4.",
        "The 合计 group is the total, not an area. Targets are seed 002's county figures; completions are "
        "PLAUSIBLE INVENTED figures (deterministic), adding up exactly to the 合计 completion; rates are "
        "completed/target rounded half-up to 3 decimals (exactly what format 0.0% shows). No findings.",
        "'—' in all three cells of an area group = the area has no such task.",
    ]
    return F.done()
