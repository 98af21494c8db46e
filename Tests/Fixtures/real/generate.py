"""Writes the real published tables of tables/*.json as .xlsx — each with the writer its spec
names (openpyxl or XlsxWriter, never minsheng's own) — plus one copy with one injected error,
and manifest.json for the tests. See README.md for the spec.

usage: Samples/generate/.venv/bin/python Tests/Fixtures/real/generate.py"""
import json
import pathlib
import re

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment
from openpyxl.utils.cell import coordinate_from_string, column_index_from_string, range_boundaries

HERE = pathlib.Path(__file__).resolve().parent
CREATED = __import__("datetime").datetime(2026, 1, 1)


def cell_index(a1):
    letters, row = coordinate_from_string(a1)
    return row - 1, column_index_from_string(letters) - 1


def write_openpyxl(spec, rows, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = spec.get("sheet", "Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            cell = ws.cell(r + 1, c + 1, value)
            if isinstance(value, str) and "\n" in value:
                cell.alignment = Alignment(wrap_text=True)
    for a1, fmt in spec.get("formats", {}).items():
        ws[a1].number_format = fmt
    for merge in spec.get("merges", []):
        ws.merge_cells(merge)
    wb.properties.creator = "openpyxl"
    wb.properties.created = CREATED
    wb.properties.modified = CREATED
    wb.save(path)


def write_xlsxwriter(spec, rows, path):
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": CREATED})
    ws = wb.add_worksheet(spec.get("sheet", "Sheet1"))
    formats = {}

    def fmt(spec_text):
        if spec_text not in formats:
            formats[spec_text] = wb.add_format({"num_format": spec_text} if spec_text else {"text_wrap": True})
        return formats[spec_text]

    cell_formats = {cell_index(a1): f for a1, f in spec.get("formats", {}).items()}
    merged = {}
    covered = set()
    for merge in spec.get("merges", []):
        c1, r1, c2, r2 = range_boundaries(merge)
        merged[(r1 - 1, c1 - 1)] = (r2 - 1, c2 - 1)
        covered |= {(r, c) for r in range(r1 - 1, r2) for c in range(c1 - 1, c2)}

    def value_at(r, c):
        return rows[r][c] if r < len(rows) and c < len(rows[r]) else None

    for (r, c), (r2, c2) in merged.items():
        value = value_at(r, c)
        f = fmt(cell_formats[(r, c)]) if (r, c) in cell_formats else None
        ws.merge_range(r, c, r2, c2, "" if value is None else value, f)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in covered or value is None:
                continue
            if (r, c) in cell_formats:
                ws.write(r, c, value, fmt(cell_formats[(r, c)]))
            elif isinstance(value, str) and "\n" in value:
                ws.write(r, c, value, fmt(None))
            else:
                ws.write(r, c, value)
    wb.close()


def main():
    manifest = {"tables": []}
    for old in HERE.glob("*.xlsx"):
        old.unlink()
    for spec_path in sorted((HERE / "tables").glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        stem = spec_path.stem
        writer = spec.get("writer", "openpyxl")
        write = write_openpyxl if writer == "openpyxl" else write_xlsxwriter
        rows = spec["rows"]
        name = f"{stem}.{writer}.xlsx"
        write(spec, rows, HERE / name)
        entry = {"file": name, "spec": f"tables/{spec_path.name}", "url": spec["url"], "title": spec["title"],
                 "province": spec["province"], "kind": spec["kind"], "expected": spec["expected"]}
        injected = spec.get("injected")
        if injected:
            r, c = cell_index(injected["cell"])
            changed = [list(row) for row in rows]
            while len(changed) <= r:
                changed.append([])
            while len(changed[r]) <= c:
                changed[r].append(None)
            changed[r][c] = injected["value"]
            injected_name = f"{stem}.injected.{writer}.xlsx"
            write(spec, changed, HERE / injected_name)
            entry["injected"] = {"file": injected_name, **injected}
        manifest["tables"].append(entry)
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(manifest['tables'])} tables")


if __name__ == "__main__":
    main()
