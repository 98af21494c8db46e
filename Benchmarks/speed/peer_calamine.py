"""The yardstick of Benchmarks/speed: python-calamine reading every cell of every sheet of every
.xlsx file in a folder, in one process — `to_python()` per sheet and nothing per value.

usage: python3 peer_calamine.py FOLDER
"""
import os
import sys

import python_calamine

folder = sys.argv[1]
rows = 0
for name in sorted(os.listdir(folder)):
    if not name.endswith(".xlsx"):
        continue
    workbook = python_calamine.CalamineWorkbook.from_path(os.path.join(folder, name))
    for sheet in workbook.sheet_names:
        rows += len(workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False))
print(rows, file=sys.stderr)
