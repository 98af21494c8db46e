"""Helpers shared by the sample builders: fixed dates, zip normalization, LibreOffice conversion."""
import datetime
import html
import os
import shutil
import subprocess
import tempfile
import zipfile

FIXED_DT = datetime.datetime(2023, 10, 31, 9, 0, 0)
ZIP_DT = (2023, 10, 31, 9, 0, 0)

LO_PROFILE = os.environ.get("MINSHENG_LO_PROFILE", "file:///tmp/lo-profile-samples")


def col(n):
    """1-based column number -> letters."""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def a1(row, column):
    """1-based row and column -> 'B7'."""
    return f"{col(column)}{row}"


def normalize_zip(path):
    """Rewrite a zip with fixed entry timestamps; entry order and contents are untouched.

    LibreOffice and openpyxl stamp zip entries with the current time; this makes their output
    byte-identical from run to run without changing any part's XML.
    """
    with zipfile.ZipFile(path) as zin:
        entries = [(i, zin.read(i.filename)) for i in zin.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zi.create_system = 3
            zout.writestr(zi, data)
    os.replace(tmp, path)


def openpyxl_save(wb, path):
    """openpyxl's save_workbook() minus its `properties.modified = now()`, then zip normalization."""
    from openpyxl.writer.excel import ExcelWriter
    wb.properties.modified = FIXED_DT
    wb.properties.created = FIXED_DT   # a LibreOffice base has none; openpyxl would put now()
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    normalize_zip(path)


# ---- HTML tables for LibreOffice ----------------------------------------------------------

class HCell:
    def __init__(self, text="", rowspan=1, colspan=1, sdval=None, sdnum=None, bold=False,
                 align=None, size=None):
        self.text, self.rowspan, self.colspan = text, rowspan, colspan
        self.sdval, self.sdnum, self.bold, self.align, self.size = sdval, sdnum, bold, align, size

    def render(self, width=None):
        attrs = []
        if width:
            attrs.append(f'width="{width}"')
        if self.rowspan > 1:
            attrs.append(f'rowspan="{self.rowspan}"')
        if self.colspan > 1:
            attrs.append(f'colspan="{self.colspan}"')
        if self.sdval is not None:
            attrs.append(f'sdval="{self.sdval}"')
        if self.sdnum is not None:
            attrs.append(f'sdnum="{self.sdnum}"')
        if self.align:
            attrs.append(f'align="{self.align}"')
        body = "<br>".join(html.escape(part, quote=False) for part in str(self.text).split("\n"))
        if self.bold:
            body = f"<b>{body}</b>"
        if self.size:
            body = f'<font size="{self.size}">{body}</font>'
        return f"<td {' '.join(attrs)}>{body}</td>" if attrs else f"<td>{body}</td>"


def html_table(title, widths_px, rows):
    """rows: list of lists of HCell (cells covered by a span are simply omitted)."""
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
           "</head><body>", '<table border="1" cellspacing="0" cellpadding="2">']
    out += [f'<col width="{w}">' for w in widths_px]
    # LibreOffice takes column widths from cell width attributes: give one to the first cell that
    # occupies exactly one column, for each column.
    busy = {}          # (row, col) covered by an earlier rowspan
    width_done = set()
    for ri, r in enumerate(rows):
        cj = 0
        parts = []
        for c in r:
            while (ri, cj) in busy:
                cj += 1
            w = None
            if c.colspan == 1 and cj not in width_done and cj < len(widths_px):
                w = widths_px[cj]
                width_done.add(cj)
            for dr in range(c.rowspan):
                for dc in range(c.colspan):
                    busy[(ri + dr, cj + dc)] = True
            parts.append(c.render(w))
            cj += c.colspan
        out.append("<tr>" + "".join(parts) + "</tr>")
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"


def soffice_html_to_xlsx(html_text, dest):
    """Convert an HTML table to .xlsx with LibreOffice Calc (real merged cells from row/colspan)."""
    with tempfile.TemporaryDirectory(prefix="minsheng-samples-") as d:
        src = os.path.join(d, "table.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless",
               "--infilter=HTML (StarCalc)", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
               "--outdir", d, src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = os.path.join(d, "table.xlsx")
        if not os.path.exists(out):
            raise RuntimeError("soffice produced no output for " + dest)
        shutil.move(out, dest)
    normalize_zip(dest)
