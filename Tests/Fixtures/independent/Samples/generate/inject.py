"""Defect-injected copies: load a sample with openpyxl, change one thing, save under a new name."""
import copy
import openpyxl
from openpyxl.worksheet.cell_range import CellRange

from common import openpyxl_save


def _save(wb, dest):
    openpyxl_save(wb, dest)


def set_cell(src, dest, sheet, ref, new):
    """Change one cell's value (its style is kept). Returns (old, new)."""
    wb = openpyxl.load_workbook(src)
    ws = wb[sheet]
    old = ws[ref].value
    ws[ref].value = new
    _save(wb, dest)
    return old, new


def duplicate_row(src, dest, sheet, src_row, at_row):
    """Insert a copy of src_row (values and styles) so that it becomes row at_row.

    openpyxl's insert_rows moves cells but not merged ranges or row heights, so those below the
    insertion point are shifted here by hand.
    """
    wb = openpyxl.load_workbook(src)
    ws = wb[sheet]
    below = [CellRange(mr.coord) for mr in ws.merged_cells.ranges if mr.min_row >= at_row]
    for mr in below:
        ws.unmerge_cells(mr.coord)
    heights = {r: d.height for r, d in ws.row_dimensions.items() if r >= at_row and d.height}
    ws.insert_rows(at_row, 1)
    for r, h in sorted(heights.items(), reverse=True):
        ws.row_dimensions[r + 1].height = h
        ws.row_dimensions[r].height = None
    for mr in below:
        mr.shift(row_shift=1)
        ws.merge_cells(mr.coord)
    for c in range(1, ws.max_column + 1):
        s = ws.cell(src_row, c)
        d = ws.cell(at_row, c)
        d.value = s.value
        if s.has_style:
            d._style = copy.copy(s._style)
    _save(wb, dest)
