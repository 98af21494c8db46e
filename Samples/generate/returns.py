"""Makes the filled district returns of Samples/returns/ as people would: `minsheng split` writes
the templates from the seed 002 plan, then openpyxl types the completions in (and LibreOffice
re-saves one), with the cases `collect` must handle. Writes Samples/returns/expected.json.

usage: python returns.py PATH/TO/minsheng"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLAN = ROOT / "Samples" / "002-亳州-分解表-分列.xlsx"
PROSE_PLAN = ROOT / "Samples" / "002-亳州-分解表-文字.xlsx"
OUT = ROOT / "Samples" / "returns"
FIRST = 4  # first item row of a template (1-based)


def split(minsheng, plan, folder):
    subprocess.run([minsheng, "split", str(plan), "-o", str(folder), "--period", "1-9月", "--force"], check=True,
                   stdout=subprocess.DEVNULL)


def item_rows(ws):
    rows = []
    for r in range(FIRST, ws.max_row + 1):
        # Item rows carry their key (k + 12 hex digits); the 填报人 block carries its marker.
        if str(ws.cell(r, 9).value or "").startswith("k"):
            rows.append(r)
    return rows


def fill(path, share, out, skip_every=None):
    """Types completion = round(target * share) into each row; returns {key: value}."""
    wb = openpyxl.load_workbook(path)
    ws = wb["填报表"]
    typed = {}
    for i, r in enumerate(item_rows(ws)):
        if skip_every and i % skip_every == 0:
            continue
        target = ws.cell(r, 5).value
        value = round(target * share)
        ws.cell(r, 6).value = value
        typed[ws.cell(r, 9).value] = value
    wb.save(out)
    return typed


def resave_with_libreoffice(path):
    with tempfile.TemporaryDirectory() as tmp:
        profile = pathlib.Path(tmp) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, str(path)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copyfile(pathlib.Path(tmp) / path.name, path)


def main(minsheng):
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    expected = {"plan": "Samples/002-亳州-分解表-分列.xlsx", "areas": {}, "findings": []}
    with tempfile.TemporaryDirectory() as tmp:
        templates = pathlib.Path(tmp) / "templates"
        split(minsheng, PLAN, templates)

        # 涡阳县: filled as asked; an earlier, partial draft was sent too.
        typed = fill(templates / "涡阳县.xlsx", 0.9, OUT / "涡阳县.xlsx")
        fill(templates / "涡阳县.xlsx", 0.5, OUT / "涡阳县-初稿.xlsx", skip_every=2)
        wb = openpyxl.load_workbook(OUT / "涡阳县-初稿.xlsx")
        wb["填报表"].cell(FIRST, 6).value = "见附件"
        wb.save(OUT / "涡阳县-初稿.xlsx")
        expected["areas"]["涡阳县"] = {"file": "涡阳县.xlsx", "completed": typed}
        expected["findings"].append({"code": "duplicate-submission", "severity": "warning", "file": "涡阳县-初稿.xlsx"})
        expected["findings"].append({"code": "unparsed-value", "severity": "warning", "file": "涡阳县-初稿.xlsx", "cell": f"F{FIRST}"})

        # 蒙城县: filled, then opened and saved again by LibreOffice.
        typed = fill(templates / "蒙城县.xlsx", 0.8, OUT / "蒙城县.xlsx")
        resave_with_libreoffice(OUT / "蒙城县.xlsx")
        expected["areas"]["蒙城县"] = {"file": "蒙城县.xlsx", "completed": typed, "resaved_by": "LibreOffice"}

        # 利辛县: a row inserted in the middle and the item rows sorted in reverse.
        wb = openpyxl.load_workbook(templates / "利辛县.xlsx")
        ws = wb["填报表"]
        rows = item_rows(ws)
        values = [[ws.cell(r, c).value for c in range(1, 10)] for r in rows]
        for i, r in enumerate(rows):
            for c, v in enumerate(reversed(values)[i] if False else list(reversed(values))[i], 1):
                ws.cell(r, c).value = v
        typed = {}
        for r in rows:
            value = round(ws.cell(r, 5).value * 0.7)
            ws.cell(r, 6).value = value
            typed[ws.cell(r, 9).value] = value
        ws.insert_rows(rows[3])
        ws.cell(rows[3], 3).value = "县里自加：农村公路养护（公里）"
        ws.cell(rows[3], 6).value = 12
        wb.save(OUT / "利辛县.xlsx")
        expected["areas"]["利辛县"] = {"file": "利辛县.xlsx", "completed": typed, "edits": "rows reversed, a row inserted"}
        expected["findings"].append({"code": "unknown-item", "severity": "warning", "file": "利辛县.xlsx", "cell": f"F{rows[3]}"})

        # 谯城区: filled, and one target typed over (8600 → 8000).
        typed = fill(templates / "谯城区.xlsx", 1.05, OUT / "谯城区.xlsx")
        wb = openpyxl.load_workbook(OUT / "谯城区.xlsx")
        ws = wb["填报表"]
        assert ws.cell(FIRST, 5).value == 8600
        ws.cell(FIRST, 5).value = 8000
        wb.save(OUT / "谯城区.xlsx")
        expected["areas"]["谯城区"] = {"file": "谯城区.xlsx", "completed": typed}
        expected["findings"].append({"code": "target-changed", "severity": "error", "file": "谯城区.xlsx", "cell": f"E{FIRST}",
                                     "expected": 8600, "actual": 8000})

        # 亳州高新区: nothing sent back.
        expected["findings"].append({"code": "missing-submission", "severity": "warning", "area": "亳州高新区"})

        # 市本级: its own layout, not the template; matched by project and indicator text.
        wb = openpyxl.load_workbook(templates / "市本级.xlsx")
        src = wb["填报表"]
        own = openpyxl.Workbook()
        ws = own.active
        ws.title = "进展"
        ws.append(["市本级民生实事完成情况"])
        ws.append(["项目", "指标", "年度目标", "完成数", "备注"])
        typed = {}
        for r in item_rows(src):
            target = src.cell(r, 5).value
            done = round(target * 0.6)
            ws.append([src.cell(r, 2).value, src.cell(r, 3).value, target, done, None])
            typed[src.cell(r, 9).value] = done
        own.save(OUT / "市本级进展情况.xlsx")
        expected["areas"]["市本级"] = {"file": "市本级进展情况.xlsx", "completed": typed, "layout": "own"}

        # A county outside the plan, in its own layout.
        stray = openpyxl.Workbook()
        ws = stray.active
        ws.append(["黄山区民生实事完成情况"])
        ws.append(["项目", "指标", "年度目标", "完成数"])
        ws.append(["促进重点群体稳定就业", "城镇新增就业", 5000, 4100])
        stray.save(OUT / "黄山区进展情况.xlsx")
        expected["findings"].append({"code": "unknown-area", "severity": "warning", "file": "黄山区进展情况.xlsx", "area": "黄山区"})

        # A template made from another plan (the prose version of the same seed).
        other = pathlib.Path(tmp) / "other"
        split(minsheng, PROSE_PLAN, other)
        fill(other / "涡阳县.xlsx", 0.9, OUT / "其他分解表-涡阳县.xlsx")
        expected["findings"].append({"code": "plan-mismatch", "severity": "error", "file": "其他分解表-涡阳县.xlsx"})

    (OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", sorted(p.name for p in OUT.glob("*.xlsx")))


if __name__ == "__main__":
    main(sys.argv[1])
