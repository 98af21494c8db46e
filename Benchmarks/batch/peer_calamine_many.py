"""Reads every cell of every sheet of every .xlsx file in a folder with python-calamine, in one
process (the peer of `minsheng check --jobs 1` over the same folder in Benchmarks/batch/ratio.sh)."""
import os
import sys

import python_calamine

folder = sys.argv[1]
cells = 0
for name in sorted(os.listdir(folder)):
    if not name.endswith(".xlsx"):
        continue
    wb = python_calamine.CalamineWorkbook.from_path(os.path.join(folder, name))
    for sheet in wb.sheet_names:
        for row in wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False):
            for value in row:
                if value != "":
                    cells += 1
print(cells, file=sys.stderr)
