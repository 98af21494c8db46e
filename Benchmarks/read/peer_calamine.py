"""Reads every cell of every sheet with python-calamine (the peer in the read benchmark)."""
import sys

import python_calamine

wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
cells = 0
for name in wb.sheet_names:
    for row in wb.get_sheet_by_name(name).to_python(skip_empty_area=False):
        for value in row:
            if value != "":
                cells += 1
print(cells, file=sys.stderr)
