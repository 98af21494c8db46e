"""Makes Tests/Fixtures/staff/: district templates filled the way staff fill them — a row inserted
for a note, the rows sorted by 完成数, 填报人 / 联系电话 / 审核人 / 填报日期 filled in below — by
openpyxl (涡阳县) and by openpyxl then opened and saved again by LibreOffice (蒙城县), with
expected.json: every completion typed, by item key, and the 填报人 typed. staff_libreoffice.py adds a
third, edited in LibreOffice itself through UNO; this script keeps it and its entry.

usage: python staff.py PATH/TO/minsheng"""
import datetime
import json
import pathlib
import subprocess
import sys
import tempfile

import openpyxl

from returns import PLAN, FIRST, resave_with_libreoffice, split

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "Fixtures" / "staff"
KEY, TARGET, COMPLETED, RATE, NOTE = 9, 5, 6, 7, 8  # 1-based columns of the form


def fill_like_staff(path, share, out, preparer):
    wb = openpyxl.load_workbook(path)
    ws = wb["填报表"]
    items = [r for r in range(FIRST, ws.max_row + 1) if str(ws.cell(r, KEY).value or "").startswith("k")]
    signature = [r for r in range(FIRST, ws.max_row + 1) if ws.cell(r, KEY).value == "signature"]
    # Completions typed in, then the item rows sorted by 完成数 (largest first), each row whole,
    # its hidden key with it.
    typed = {}
    rows = []
    for r in items:
        value = round(ws.cell(r, TARGET).value * share)
        typed[ws.cell(r, KEY).value] = value
        rows.append([ws.cell(r, c).value for c in range(1, KEY + 1)])
        rows[-1][COMPLETED - 1] = value
    rows.sort(key=lambda row: -row[COMPLETED - 1])
    for r, row in zip(items, rows):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c).value = value
    # A row inserted after the third item for a note (rows below move down, as in Excel).
    at = items[3]
    ws.insert_rows(at)
    for merged in list(ws.merged_cells.ranges):
        if merged.min_row >= at:
            merged.shift(0, 1)
    for validation in ws.data_validations.dataValidation:
        ranges = []
        for cells in validation.sqref.ranges:
            if cells.min_row >= at:
                cells.shift(0, 1)
            ranges.append(cells.coord)
        validation.sqref = openpyxl.worksheet.cell_range.MultiCellRange(" ".join(ranges))
    ws.cell(at, NOTE).value = "以下各项为县里统计口径，已与市里核对"
    # 完成率 follows its row (Excel rewrites the references when rows move).
    for r in range(FIRST, ws.max_row + 1):
        if str(ws.cell(r, KEY).value or "").startswith("k"):
            ws.cell(r, RATE).value = f'=IF(F{r}="","",IFERROR(F{r}/E{r},""))'
    # The block below the form, moved down by the inserted row.
    first = signature[0] + 1
    ws.cell(first, 3).value = preparer
    ws.cell(first, 6).value = "0558-7212345"
    ws.cell(first + 1, 3).value = "王主任"
    ws.cell(first + 1, 6).value = datetime.datetime(2023, 10, 8)
    ws.cell(first + 1, 6).number_format = "yyyy-mm-dd"
    wb.save(out)
    return typed


def main(minsheng):
    OUT.mkdir(parents=True, exist_ok=True)
    # Keeps what staff_libreoffice.py added (the template edited in LibreOffice itself, which needs UNO).
    path = OUT / "expected.json"
    expected = json.loads(path.read_text()) if path.exists() else {"plan": "Samples/002-亳州-分解表-分列.xlsx", "areas": {}}
    with tempfile.TemporaryDirectory() as tmp:
        templates = pathlib.Path(tmp) / "templates"
        split(minsheng, PLAN, templates)
        typed = fill_like_staff(templates / "涡阳县.xlsx", 0.9, OUT / "涡阳县-openpyxl.xlsx", "张三")
        expected["areas"]["涡阳县"] = {"file": "涡阳县-openpyxl.xlsx", "completed": typed, "preparer": "张三"}
        typed = fill_like_staff(templates / "蒙城县.xlsx", 0.8, OUT / "蒙城县-libreoffice.xlsx", "李四")
        resave_with_libreoffice(OUT / "蒙城县-libreoffice.xlsx")
        expected["areas"]["蒙城县"] = {"file": "蒙城县-libreoffice.xlsx", "completed": typed, "preparer": "李四"}
    path.write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
