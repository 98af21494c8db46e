#!/usr/bin/env python3
"""Regenerate Samples/*.xlsx, Samples/expected.json, Tests/Fixtures/injected/* from the seed figures.

Run:  Samples/generate/make_venv.sh && Samples/generate/.venv/bin/python Samples/generate/generate.py
Needs LibreOffice (soffice) on PATH for samples 3 and 4.

After writing, every file is re-read (verify.py) and the findings a correct checker must report
are computed and compared with the findings declared below by hand; any difference is an error.
"""
import json
import os
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import inject  # noqa: E402
import qty  # noqa: E402
import samples  # noqa: E402
import seed003_rows  # noqa: E402
import verify  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(ROOT, "Samples")
INJ = os.path.join(ROOT, "Tests", "Fixtures", "injected")

FILES = {
    1: "002-亳州-分解表-分列.xlsx",
    2: "002-亳州-目标任务-文字.xlsx",
    3: "003-进展情况-合并单元格.xlsx",
    4: "001-庐阳-分解表.xlsx",
    5: "004-临沂-推进情况-分类.xlsx",
    6: "000-镜湖-进展情况.xlsx",
    7: "002-亳州-分县区进展.xlsx",
}
BUILDERS = {1: samples.sample1, 2: samples.sample2, 3: samples.sample3, 4: samples.sample4,
            5: samples.sample5, 6: samples.sample6, 7: samples.sample7}

# Findings we declare from the seeds (and the brief), by indicator; cells are resolved from the
# rows the builders recorded. verify.py must compute exactly these (same code, cell, severity).
DECLARED = {
    3: [
        {"code": "rate-mismatch", "severity": "error", "item": "大病保险合规费用报销比例", "role": "rate_cell",
         "why": "67% / 60% = 111.67%, reported 116.67% (seed figure)."},
        {"code": "rate-mismatch", "severity": "warning-or-none", "item": "职工基本医疗保险政策范围内住院费用报销比例",
         "role": "rate_cell",
         "why": "81% / 80% = 101.25%, reported 102%. Rounding gives 101%, truncation 101%; only rounding UP "
                "(ceiling) gives 102%. The brief says at most a warning: a checker may report a warning or "
                "nothing; by DESIGN's literal rule (rounding, or truncation -> warning) it would be an error."},
    ],
    6: [
        {"code": "rate-mismatch", "severity": "error", "item": "当年缴费人数", "role": "rate_cell",
         "why": "7568 / 0.74万(7400) = 102.27%, reported 111% (seed figure)."},
        {"code": "rate-mismatch", "severity": "warning", "item": "农村户用厕所改造", "role": "rate_cell",
         "severity_allowed": ["warning", "none"],
         "why": "827 / 790 = 104.68%, reported 104%: truncation instead of rounding (105%) -> at most a warning."},
    ],
}


SEED_DISCREPANCIES = [
    "seed 003 大病保险合规费用报销比例: 67% / 60% = 111.67%, printed 116.67% -> rate-mismatch error (sample 3).",
    "seed 003 职工基本医疗保险政策范围内住院费用报销比例: 81% / 80% = 101.25%, printed 102%. Neither rounding "
    "(101%) nor truncation (101%) gives 102%; only rounding up does. Recorded as warning-or-none per the brief; "
    "a literal reading of DESIGN's rule would make it an error.",
    "seed 003: the other 41 rows with a rate are consistent with rounding half-up at the printed precision "
    "(see seed003_rate_audit; e.g. 398/333 = 119.52% printed 120% shows rounding, 229/350 = 65.4286% printed "
    "65.43%). 基本医疗保险参保率 reports a completed coverage rate of 108% (108/95 = 113.68% is arithmetically "
    "right, a coverage above 100% is odd but not a checker finding).",
    "seed 003: 序号 4 spans two 行动名称 (棚户区改造, 城镇老旧小区改造); '北地区群众喝上引调水工程' looks truncated "
    "(皖北地区…); kept verbatim.",
    "seed 000 城乡居民基本养老保险: 7568 of 0.74万 (7400) = 102.27%, reported 111% -> rate-mismatch error (sample 6).",
    "seed 000 农村改厕: 827 of 790 = 104.68%, reported 104% (truncated, rounding gives 105%) -> at most a warning.",
    "seed 000: 婚前健康检查 2542 / 约3900 = 65.18% and 免疫接种 71868 / 约85192 = 84.36% are consistent. "
    "困难职工生活救助 target 2户, completed 18户 (900%) is odd but not a finding. 出生缺陷防治 (target a 50% rate, "
    "progress 390例) and 棚改基本建成 (no completion) have no comparable pair and are left out of sample 6.",
    "seed 002: all 21 county breakdowns add up (incl. 3.3万 = 8300+8100+8000+8600, 3265 = 816x3+817, 2200 = 550x4, "
    "3.8万 = 0.9万x3+1.1万, 12 = 4+2x4); 10252 = 1320+70+62+8800 and each of those four adds up per county; "
    "section counts 3+2+11+5+6+2+2+4+11+4 = 50. Typos only: '蒙城县务320名' (a 推进措施 paragraph), "
    "'谯城区1645 户' (space inside a quantity), '服务,(其中:…)' stray comma.",
    "seed 001: all figures internally consistent (困难残疾人 1400 = 957 + 443; 2+4+11 = 17 projects). Text "
    "slips: '继续实施11项' lists 11 names but says '等10个项目继续实施'; '合肥市人民政府关于2019年实施31项民生工程"
    "的通知（合政〔2020〕40 号）' (2019 vs 2020); lead '区卫建委' (elsewhere 区卫健委) and '区教育局' for 项目14 "
    "(elsewhere 区教体局).",
    "seed 004: 20 categories, 59 numbered tasks; task 59 reports 1-8月份 figures in a 1-9月 table; task 45 "
    "writes quantities as '2万4千余次', '1万3千余条' (not plain quantities; progress is text, not checked).",
]


def resolve(facts, decl):
    for it in facts["item_list"]:
        if it["indicator"] == decl["item"] or (it["indicator"] is None and it["project"] == decl["item"]):
            return it
    raise KeyError(decl["item"])


def declared_findings(facts):
    out = []
    for d in DECLARED.get(facts["id"], []):
        it = resolve(facts, d)
        cell = it[d["role"]]
        e = {"code": d["code"], "severity": d["severity"], "cell": cell, "row": it["row"],
             "item": d["item"], "project": it["project"], "why": d["why"]}
        if d["severity"] == "warning-or-none":
            e["severity"] = "warning"
            e["severity_allowed"] = ["warning", "none"]
        if "severity_allowed" in d:
            e["severity_allowed"] = d["severity_allowed"]
        out.append(e)
    return out


def _sev_ok(declared, computed):
    allowed = declared.get("severity_allowed", [declared["severity"]])
    if computed["severity"] == "warning-or-none":
        return "warning" in allowed and "none" in allowed
    return computed["severity"] in allowed


def compare(label, declared, computed):
    dk = {(d["code"], d["cell"]): d for d in declared}
    ck = {(c["code"], c["cell"]): c for c in computed}
    problems = []
    for k in dk.keys() - ck.keys():
        problems.append(f"declared but not computed: {k}")
    for k in ck.keys() - dk.keys():
        problems.append(f"computed but not declared: {k} {ck[k]}")
    for k in dk.keys() & ck.keys():
        if not _sev_ok(dk[k], ck[k]):
            problems.append(f"severity {k}: declared {dk[k]['severity']} computed {ck[k]['severity']}")
    if problems:
        raise SystemExit(f"{label}: findings differ:\n  " + "\n  ".join(problems))
    # carry the computed expected/actual values into the declared findings
    for k, d in dk.items():
        c = ck[k]
        for key in ("expected", "actual", "area", "first_row"):
            if key in c and c[key] is not None:
                d.setdefault(key, c[key])


def seed003_rate_audit():
    """Every 完成率 of seed 003 recomputed from its own 年度目标 and 完成情况."""
    rows = []
    for r in seed003_rows.ROWS:
        t, d, p = qty.parse(r[3]), qty.parse(r[4]), qty.parse(r[5])
        res = qty.check_rate(t, d, p)
        if res is None:
            continue
        verdict, ratio = res
        rows.append({"indicator": r[2], "target": r[3].strip(), "completed": r[4], "printed": r[5],
                     "computed": f"{(ratio * 100).quantize(Decimal('0.0001'))}%", "verdict": verdict})
    return rows


def build_samples():
    os.makedirs(SAMPLES, exist_ok=True)
    out = []
    for sid in sorted(FILES):
        path = os.path.join(SAMPLES, FILES[sid])
        rel = f"Samples/{FILES[sid]}"
        facts = BUILDERS[sid](path, rel)
        computed = verify.check(facts, path)
        declared = declared_findings(facts)
        compare(rel, declared, computed)
        if verify.check_prose(facts):
            raise SystemExit(f"{rel}: prose breakdowns do not add up: {verify.check_prose(facts)}")
        facts["findings"] = declared
        facts["errors"] = sum(1 for d in declared if d["severity"] == "error")
        facts["warnings"] = sum(1 for d in declared if d["severity"] == "warning")
        out.append(facts)
        print(f"{rel}: {facts['items']} items, {len(declared)} findings")
    return out


def item_of(facts, indicator):
    for it in facts["item_list"]:
        if it["indicator"] == indicator:
            return it
    raise KeyError(indicator)


def build_injected(facts_by_id):
    os.makedirs(INJ, exist_ok=True)
    entries = []

    def base(sid):
        f = facts_by_id[sid]
        return f, os.path.join(ROOT, f["file"])

    def add(name, sid, change, added, must_not=(), allowed_extra=(), items_delta=0, note=None):
        f, _ = base(sid)
        dest = os.path.join(INJ, name)
        e = {"file": f"Tests/Fixtures/injected/{name}", "base": f["file"], "sheet": f["data_sheet"],
             "change": change, "injected_findings": added,
             "findings": [{k: v for k, v in d.items() if k != "why"} for d in f["findings"]] + added,
             "must_not": list(must_not), "allowed_extra": list(allowed_extra),
             "items": f["items"] + items_delta}
        if note:
            e["note"] = note
        # verify: computed findings == base findings + added (allowed_extra tolerated)
        fx = dict(f)
        if items_delta:
            fx = json.loads(json.dumps(f))
            fx["item_list"] = fx["item_list"] + [dict(change["copied_item"], row=change["row"])]
        computed = verify.check(fx, dest)
        allowed = {(a["code"], a["cell"]) for a in allowed_extra}
        computed = [c for c in computed if (c["code"], c["cell"]) not in allowed]
        compare(name, e["findings"], computed)
        for m in must_not:
            if any(c["code"] == m["code"] and c["cell"] == m.get("cell", c["cell"]) for c in computed):
                raise SystemExit(f"{name}: must-not finding computed: {m}")
        entries.append(e)
        print(f"{e['file']}: {[d['code'] for d in added]}")

    # ---- sample 1: plan with area columns -------------------------------------------------
    f1, p1 = base(1)
    areas = f1["columns"]["areas"]
    it = item_of(f1, "城镇新增就业")
    ref = f"{areas['涡阳县']}{it['row']}"
    old, new = inject.set_cell(p1, os.path.join(INJ, "01-total-mismatch.xlsx"), f1["data_sheet"], ref, 8200)
    add("01-total-mismatch.xlsx", 1, {"cell": ref, "old": old, "new": new, "what": "涡阳县 城镇新增就业 8300 -> 8200"},
        [{"code": "total-mismatch", "severity": "error", "cell": it["total_cell"], "row": it["row"],
          "item": "城镇新增就业", "project": it["project"], "expected": 32900, "actual": 33000}])

    it = item_of(f1, "特殊困难老年人家庭适老化改造")
    ref = f"{areas['蒙城县']}{it['row']}"
    old, new = inject.set_cell(p1, os.path.join(INJ, "02-breakdown-incomplete.xlsx"), f1["data_sheet"], ref, None)
    add("02-breakdown-incomplete.xlsx", 1, {"cell": ref, "old": old, "new": new, "what": "蒙城县 958 blanked"},
        [{"code": "breakdown-incomplete", "severity": "warning", "cell": ref, "row": it["row"],
          "item": it["indicator"], "project": it["project"], "area": "蒙城县"}],
        must_not=[{"code": "total-mismatch"}])

    it = item_of(f1, "新增城乡老年食堂（助餐点）")
    ref = f"{areas['利辛县']}{it['row']}"
    old, new = inject.set_cell(p1, os.path.join(INJ, "03-unparsed-value-area.xlsx"), f1["data_sheet"], ref, "见附件")
    add("03-unparsed-value-area.xlsx", 1, {"cell": ref, "old": old, "new": new, "what": "利辛县 41 -> 见附件"},
        [{"code": "unparsed-value", "severity": "warning", "cell": ref, "row": it["row"],
          "item": it["indicator"], "project": it["project"], "area": "利辛县", "actual": "见附件"}],
        must_not=[{"code": "total-mismatch"}],
        allowed_extra=[{"code": "breakdown-incomplete", "cell": ref,
                        "why": "a checker may also say the total cannot be checked"}])

    it = item_of(f1, "残疾人职业技能培训和创业培训")
    at = max(f1["item_rows"]) + 1
    inject.duplicate_row(p1, os.path.join(INJ, "04-duplicate-item.xlsx"), f1["data_sheet"], it["row"], at)
    add("04-duplicate-item.xlsx", 1,
        {"row": at, "what": f"row {it['row']} (残疾人职业技能培训和创业培训) copied as a new row {at} after the last "
                            f"item; the footer rows move down by one",
         "footer_rows": [r + 1 for r in f1["footer_rows"]],
         "copied_item": {k: v for k, v in it.items() if k not in ("row", "total_cell")} | {"total_cell": f"E{at}"}},
        [{"code": "duplicate-item", "severity": "warning", "cell": f"C{at}", "row": at,
          "item": it["indicator"], "project": it["project"], "first_row": it["row"],
          "convention": "cell = the indicator-name cell (指标 column) of the SECOND occurrence"}],
        items_delta=1)

    # ---- sample 3: seed 003 progress table ------------------------------------------------
    f3, p3 = base(3)
    it = item_of(f3, "求职用工精准对接计划-服务企业数")
    ref = it["rate_cell"]
    old, new = inject.set_cell(p3, os.path.join(INJ, "05-rate-mismatch.xlsx"), f3["data_sheet"], ref, 1.5)
    add("05-rate-mismatch.xlsx", 3, {"cell": ref, "old": old, "new": new, "what": "180% -> 150% (number, format 0%)"},
        [{"code": "rate-mismatch", "severity": "error", "cell": ref, "row": it["row"], "item": it["indicator"],
          "project": it["project"], "expected": 1.8, "actual": 1.5}])

    it = item_of(f3, "困难残疾人生活补贴（人）")
    ref = it["completed_cell"]
    old, new = inject.set_cell(p3, os.path.join(INJ, "06-negative-value.xlsx"), f3["data_sheet"], ref, -2326)
    add("06-negative-value.xlsx", 3, {"cell": ref, "old": old, "new": new, "what": "完成情况 2326 -> -2326 (target and rate are ——)"},
        [{"code": "negative-value", "severity": "error", "cell": ref, "row": it["row"], "item": it["indicator"],
          "project": it["project"], "actual": -2326}])

    it = item_of(f3, "幼儿托育新增托位数（个）")
    ref = it["target_cell"]
    old, new = inject.set_cell(p3, os.path.join(INJ, "07-missing-target.xlsx"), f3["data_sheet"], ref, None)
    add("07-missing-target.xlsx", 3, {"cell": ref, "old": old, "new": new, "what": "年度目标 333 blanked (completion 398, rate 120% kept)"},
        [{"code": "missing-target", "severity": "warning", "cell": ref, "row": it["row"], "item": it["indicator"],
          "project": it["project"], "convention": "cell = the blank target cell"}],
        must_not=[{"code": "rate-mismatch", "cell": it["rate_cell"]}])

    it = item_of(f3, "城市宫颈癌筛查（人）")
    ref = it["completed_cell"]
    old, new = inject.set_cell(p3, os.path.join(INJ, "08-unparsed-value.xlsx"), f3["data_sheet"], ref, "见附件")
    add("08-unparsed-value.xlsx", 3, {"cell": ref, "old": old, "new": new, "what": "完成情况 555 -> 见附件"},
        [{"code": "unparsed-value", "severity": "warning", "cell": ref, "row": it["row"], "item": it["indicator"],
          "project": it["project"], "actual": "见附件"}],
        must_not=[{"code": "rate-mismatch", "cell": it["rate_cell"]}])

    # ---- sample 6: seed 000 progress table (a rate written as text) -----------------------
    f6, p6 = base(6)
    it = item_of(f6, "国家免疫规划常规免疫接种（剂次）")
    ref = it["rate_cell"]
    old, new = inject.set_cell(p6, os.path.join(INJ, "09-rate-mismatch-text.xlsx"), f6["data_sheet"], ref, "94.36%")
    add("09-rate-mismatch-text.xlsx", 6, {"cell": ref, "old": old, "new": new, "what": "text rate 84.36% -> 94.36%"},
        [{"code": "rate-mismatch", "severity": "error", "cell": ref, "row": it["row"], "item": it["indicator"],
          "project": it["project"], "expected": 71868 / 85192, "actual": "94.36%"}])

    # ---- sample 7: area progress table ----------------------------------------------------
    f7, p7 = base(7)
    it = item_of(f7, "城镇新增就业")
    g = it["groups"]["涡阳县"]
    tg, dv = g["target_value"], g["completed_value"]
    # +1 keeps 涡阳县's own rate consistent at the printed 0.0% precision (checked by verify)
    ref = g["completed"]
    old, new = inject.set_cell(p7, os.path.join(INJ, "10-completed-total-mismatch.xlsx"), f7["data_sheet"], ref, dv + 1)
    tot = it["groups"]["合计"]
    add("10-completed-total-mismatch.xlsx", 7, {"cell": ref, "old": old, "new": new,
                                                "what": f"涡阳县 城镇新增就业 完成 {dv} -> {dv + 1}"},
        [{"code": "completed-total-mismatch", "severity": "error", "cell": tot["completed"], "row": it["row"],
          "item": "城镇新增就业", "project": it["project"], "expected": tot["completed_value"] + 1,
          "actual": tot["completed_value"]}])

    return entries


def main():
    facts = build_samples()
    by_id = {f["id"]: f for f in facts}
    entries = build_injected(by_id)
    expected = {
        "about": "Ground truth for Samples/*.xlsx. Rows/cells are 1-based A1 references. 'items' counts rows that "
                 "name an indicator (even if its values are '——'); title, header, section, blank and footer rows "
                 "are not items. header_rows lists every header row; header_row is the last one (directly above the "
                 "data). na_rows / na_cells count rows / cells holding a not-applicable mark ('——', '—', '/') in a "
                 "value column; qualitative_targets counts targets like 应救尽救 (for prose samples: target cells "
                 "without any digit). findings: what a correct `minsheng check` must report (severity_allowed lists "
                 "acceptable alternatives, 'none' meaning not reporting it is also correct). Regenerate with "
                 "Samples/generate/generate.py.",
        "conventions": {
            "total-mismatch": "cell = the total (全市/合计) cell; expected = sum of the area values; actual = the stated total",
            "completed-total-mismatch": "cell = the 合计 完成 cell; expected = sum of area completions; actual = stated",
            "rate-mismatch": "cell = the rate cell; expected = completed/target as a ratio; actual = the cell as written",
            "duplicate-item": "cell = the indicator-name cell of the second occurrence",
            "missing-target": "cell = the blank target cell",
            "breakdown-incomplete": "cell = the blank area cell",
            "na": "'——', '—', '/' cells are not applicable, never a finding; a '——' target with a completion is "
                  "not a missing target",
        },
        "seed_discrepancies": SEED_DISCREPANCIES,
        "seed003_rate_audit": seed003_rate_audit(),
        "samples": facts,
    }
    with open(os.path.join(SAMPLES, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")
    with open(os.path.join(INJ, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump({"about": "One defect per file, made by openpyxl (load a sample, change it, save). 'findings' is "
                            "the complete expected set: the base sample's findings plus 'injected_findings'. "
                            "'must_not': findings a checker must not report; 'allowed_extra': may report.",
                   "conventions": expected["conventions"], "files": entries},
                  fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")


if __name__ == "__main__":
    main()
