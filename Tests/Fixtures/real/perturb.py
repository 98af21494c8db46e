"""Re-read every correct table of the corpus changed in ways a clerk would call irrelevant, and
print each change that alters the reading (orientation, item count, column roles) or the findings.

The changes: an empty column before the table, an empty row above it, a note row under it, a sheet
of instructions before it, every number typed as text (WPS's 文本型数字, percents as shown),
spaces between the characters of short header words (完 成 率), thousands written with separators
as text. A table listed in known-misreadings.json is left out. Nothing printed: every reading held.

usage: Samples/generate/.venv/bin/python Tests/Fixtures/real/perturb.py [path/to/minsheng]
(after `swift build`; the default binary is .build/debug/minsheng)
"""
import glob, json, os, subprocess, sys, tempfile
from openpyxl import load_workbook
from openpyxl.worksheet.cell_range import CellRange

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "minsheng")


def check(path):
    run = subprocess.run([BIN, "check", path, "--format", "json"], capture_output=True, text=True)
    try:
        result = json.loads(run.stdout)["files"][0]
    except Exception:
        return ("crash", run.stderr[-200:])
    if result.get("error"):
        return ("unreadable",)
    reading = (result.get("reading") or [{}])[0]
    return (reading.get("orientation"), reading.get("items"),
            tuple(sorted(c["role"] for c in reading.get("columns", []))),
            tuple(sorted(f["code"] for f in result.get("findings", []))))


def shifted(path, rows=0, cols=0):
    book = load_workbook(path)
    sheet = book.worksheets[0]
    merges = [str(m) for m in sheet.merged_cells.ranges]
    for m in merges:
        sheet.unmerge_cells(m)
    if cols:
        sheet.insert_cols(1, cols)
    if rows:
        sheet.insert_rows(1, rows)
    for m in merges:
        cell_range = CellRange(m)
        cell_range.shift(col_shift=cols, row_shift=rows)
        sheet.merge_cells(cell_range.coord)
    return book


def variants(path):
    yield "empty column first", shifted(path, cols=1)
    yield "empty row first", shifted(path, rows=1)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet.cell(row=sheet.max_row + 2, column=1, value="注：本表数据由各县区上报，截至当月底。")
    yield "note under the table", book
    book = load_workbook(path)
    book.create_sheet("说明", 0)["A1"] = "填表说明：请按要求填写。"
    yield "instructions sheet first", book
    book = load_workbook(path)
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                value = cell.value
                if "%" in (cell.number_format or ""):
                    places = cell.number_format.split(".")[1].count("0") if "." in cell.number_format else 0
                    cell.value = f"{value * 100:.{places}f}%"
                else:
                    cell.value = str(int(value)) if float(value).is_integer() else repr(value)
                cell.number_format = "@"
    yield "numbers typed as text", book
    book = load_workbook(path)
    for row in book.worksheets[0].iter_rows(max_row=6):
        for cell in row:
            if isinstance(cell.value, str) and 2 <= len(cell.value) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in cell.value):
                cell.value = " ".join(cell.value)
    yield "spaced header words", book
    book = load_workbook(path)
    for row in book.worksheets[0].iter_rows():
        for cell in row:
            value = cell.value
            if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 1000 and "%" not in (cell.number_format or ""):
                cell.value = f"{value:,}" if float(value).is_integer() else f"{value:,.2f}"
    yield "thousands as text", book


def main():
    known = json.load(open(os.path.join(HERE, "known-misreadings.json")))
    changed = 0
    with tempfile.TemporaryDirectory() as out:
        for path in sorted(glob.glob(os.path.join(HERE, "*.xlsx"))):
            stem = os.path.basename(path).split(".")[0]
            if ".injected." in path or stem in known:
                continue
            base = check(path)
            for name, book in variants(path):
                copy = os.path.join(out, f"{stem}.xlsx")
                book.save(copy)
                seen = check(copy)
                if seen != base:
                    changed += 1
                    print(f"{stem} — {name}\n  as given: {base}\n  changed:  {seen}")
    print(f"{changed} changed readings")


if __name__ == "__main__":
    main()
