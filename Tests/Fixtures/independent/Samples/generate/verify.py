"""A reference check of the generated workbooks, driven by their expected facts.

It re-reads each written file with openpyxl, using the column map and item rows that the builder
recorded (so it tests the *figures*, not layout recognition), and computes the findings a correct
checker must produce. generate.py compares these with the findings we declare by hand; any
difference stops generation.
"""
from decimal import Decimal

import openpyxl
from openpyxl.utils import column_index_from_string

import qty


def _load(path, sheet):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    top = {}
    for mr in ws.merged_cells.ranges:
        v = ws.cell(mr.min_row, mr.min_col).value
        for r in range(mr.min_row, mr.max_row + 1):
            for c in range(mr.min_col, mr.max_col + 1):
                top[(r, c)] = v
    return wb, ws, top


def _get(ws, top, letter, row):
    c = column_index_from_string(letter)
    if (row, c) in top:
        return top[(row, c)]
    return ws.cell(row, c).value


def _q(ws, letter, row):
    cell = ws[f"{letter}{row}"]
    return qty.parse(cell.value, cell.number_format), cell.value


def _num(x):
    """Decimal -> int or float for JSON."""
    if x == x.to_integral_value():
        return int(x)
    return float(x)


def _text(v):
    return str(v).replace("\n", "") if v is not None else None


def check(facts, path):
    wb, ws, top = _load(path, facts["data_sheet"])
    cols = facts["columns"]
    kind = facts["kind"]
    out = []
    seen = {}

    def f(code, sev, cell, row, item, project, **kw):
        d = {"code": code, "severity": sev, "cell": cell, "row": row, "item": item, "project": project}
        d.update(kw)
        out.append(d)

    def numeric(letter, row, item, project, area=None):
        q, raw = _q(ws, letter, row)
        if q.kind == "unparsed":
            f("unparsed-value", "warning", f"{letter}{row}", row, item, project, area=area, actual=raw)
        if q.kind == "number" and q.value < 0:
            f("negative-value", "error", f"{letter}{row}", row, item, project, area=area, actual=_num(q.value))
        return q

    def rate_check(tq, dq, rl, row, item, project, area=None):
        rcell = ws[f"{rl}{row}"]
        rq = qty.parse(rcell.value, rcell.number_format)
        if rq.kind == "unparsed":
            f("unparsed-value", "warning", f"{rl}{row}", row, item, project, area=area, actual=rcell.value)
        res = qty.check_rate(tq, dq, rq)
        if res is None:
            return
        verdict, ratio = res
        if verdict == "ok":
            return
        sev = {"truncation": "warning", "ceiling": "warning-or-none", "error": "error"}[verdict]
        f("rate-mismatch", sev, f"{rl}{row}", row, item, project, area=area,
          expected=float(ratio), actual=rcell.value, verdict=verdict)

    for it in facts["item_list"]:
        row = it["row"]
        project = _text(_get(ws, top, cols["project"], row))
        ind_col = cols.get("indicator") or cols["project"]
        item = _text(_get(ws, top, ind_col, row))
        key = (project, item)
        if key in seen:
            f("duplicate-item", "warning", f"{ind_col}{row}", row, item, project, first_row=seen[key])
        else:
            seen[key] = row
        if kind == "plan-areas":
            tq = numeric(cols["total"], row, item, project)
            aq = {}
            for area, L in cols["areas"].items():
                q = numeric(L, row, item, project, area)
                aq[area] = q
                if q.kind == "blank":
                    f("breakdown-incomplete", "warning", f"{L}{row}", row, item, project, area=area)
            if tq.kind == "number" and all(q.kind in ("number", "na") for q in aq.values()):
                s = sum((q.value for q in aq.values() if q.kind == "number"), Decimal(0))
                if s != tq.value:
                    f("total-mismatch", "error", f"{cols['total']}{row}", row, item, project,
                      expected=_num(s), actual=_num(tq.value))
        elif kind == "progress":
            tq = numeric(cols["target"], row, item, project)
            dq = numeric(cols["completed"], row, item, project)
            if dq.kind == "number" and tq.kind == "blank":
                f("missing-target", "warning", f"{cols['target']}{row}", row, item, project)
            rate_check(tq, dq, cols["rate"], row, item, project)
        elif kind == "progress-areas":
            g = cols["groups"]
            tot = cols["total_group"]
            qs = {}
            for name, L in g.items():
                tq = numeric(L["target"], row, item, project, None if name == tot else name)
                dq = numeric(L["completed"], row, item, project, None if name == tot else name)
                qs[name] = (tq, dq)
                if dq.kind == "number" and tq.kind == "blank":
                    f("missing-target", "warning", f"{L['target']}{row}", row, item, project, area=name)
                for which, q in (("target", tq), ("completed", dq)):
                    if name != tot and q.kind == "blank":
                        f("breakdown-incomplete", "warning", f"{L[which]}{row}", row, item, project, area=name)
                rate_check(tq, dq, L["rate"], row, item, project, None if name == tot else name)
            for idx, code in ((0, "total-mismatch"), (1, "completed-total-mismatch")):
                tq = qs[tot][idx]
                parts = [v[idx] for k, v in qs.items() if k != tot]
                if tq.kind == "number" and all(q.kind in ("number", "na") for q in parts):
                    s = sum((q.value for q in parts if q.kind == "number"), Decimal(0))
                    if s != tq.value:
                        L = g[tot]["target" if idx == 0 else "completed"]
                        f(code, "error", f"{L}{row}", row, item, project, expected=_num(s), actual=_num(tq.value))
    return out


def check_prose(facts):
    """The prose sample: every recorded breakdown must add up."""
    bad = []
    for b in facts.get("prose_breakdowns", []):
        if b["sum"] != b["total"]:
            bad.append(b)
    return bad
