"""Adds to Tests/Fixtures/staff/ a district template edited in LibreOffice itself, through UNO, the
way staff edit one in Calc: the form sheet unprotected with the password of 填报说明, every 完成数
typed, the item rows sorted by 完成数 (largest first; the whole rows, the hidden key column with
them), a row inserted for a note, the 填报人 / 联系电话 / 审核人 / 填报日期 block filled in, the sheet
protected again, saved as .xlsx by Calc's own filter. Records what was typed (item key → value)
in expected.json beside the other staff fixtures.

Needs LibreOffice and its Python bridge (Debian: python3-uno), so run it with the system python:

    /usr/bin/python3 Samples/generate/staff_libreoffice.py .build/debug/minsheng

Dev-time only: the .xlsx it writes is committed; tests and CI need neither UNO nor LibreOffice."""
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.table import TableSortField

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLAN = ROOT / "Samples" / "002-亳州-分解表-分列.xlsx"
OUT = ROOT / "Tests" / "Fixtures" / "staff"
TEMPLATE_SETTINGS = ROOT / "Templates" / "district.json"
AREA = "利辛县"
FILE = f"{AREA}-libreoffice-edited.xlsx"
SHARE = 0.9
PREPARER = "赵六"
NOTE_TEXT = "以下各项为县里统计口径，已与市里核对"
FIRST = 3  # 0-based row of the first item (row 4)
TARGET, COMPLETED, NOTE, KEY = 4, 5, 7, 8  # 0-based columns of the form (E, F, H, I)
STARTUP_SECONDS = 90


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def split(minsheng, folder):
    subprocess.run([minsheng, "split", str(PLAN), "-o", str(folder), "--period", "1-9月", "--force"], check=True,
                   stdout=subprocess.DEVNULL, timeout=120)


def connect(port, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if office.poll() is not None:
                raise SystemExit(f"soffice exited with {office.returncode} before accepting connections")
            if time.monotonic() > deadline:
                raise SystemExit(f"soffice did not accept a connection on port {port} in {STARTUP_SECONDS} s")
            time.sleep(0.5)


def column_rows(sheet, column, first, last, test):
    return [r for r in range(first, last + 1) if test(sheet.getCellByPosition(column, r).getString())]


def edit_like_staff(desktop, source, target, password):
    """Edits the template as staff do in Calc; returns {key: completed} as typed."""
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(source)), "_blank", 0, (prop("Hidden", True),))
    try:
        sheet = doc.Sheets.getByName("填报表")
        # 审阅 → 撤销工作表保护, with the password 填报说明 gives.
        sheet.unprotect(password)
        if sheet.isProtected():
            raise SystemExit("the form sheet is still protected after unprotect(password)")
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last = cursor.RangeAddress.EndRow
        items = column_rows(sheet, KEY, FIRST, last, lambda s: s.startswith("k"))
        if items != list(range(items[0], items[-1] + 1)):
            raise SystemExit(f"item rows are not contiguous: {items}")
        # Each 完成数 typed in.
        typed = {}
        for r in items:
            value = round(sheet.getCellByPosition(TARGET, r).getValue() * SHARE)
            sheet.getCellByPosition(COMPLETED, r).setValue(value)
            typed[sheet.getCellByPosition(KEY, r).getString()] = value
        # 数据 → 排序: all item rows, every column A:I (the hidden key column too), by 完成数 descending.
        block = sheet.getCellRangeByPosition(0, items[0], KEY, items[-1])
        field = TableSortField()
        field.Field = COMPLETED
        field.IsAscending = False
        field.IsCaseSensitive = False
        descriptor = block.createSortDescriptor()
        for p in descriptor:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif p.Name == "ContainsHeader":
                p.Value = False
            elif p.Name == "IsSortColumns":
                p.Value = False
        uno.invoke(block, "sort", (descriptor,))
        after = [sheet.getCellByPosition(COMPLETED, r).getValue() for r in items]
        if after != sorted(after, reverse=True):
            raise SystemExit(f"not sorted: {after}")
        for r in items:  # each key still beside its own figure
            key = sheet.getCellByPosition(KEY, r).getString()
            if sheet.getCellByPosition(COMPLETED, r).getValue() != typed[key]:
                raise SystemExit(f"row {r + 1}: key {key} no longer beside its figure")
        # 插入行 above the fourth item, with a note in 备注.
        at = items[3]
        sheet.Rows.insertByIndex(at, 1)
        sheet.getCellByPosition(NOTE, at).setString(NOTE_TEXT)
        # The 填报人 block below the form, found by its marker in the hidden column.
        signature = column_rows(sheet, KEY, FIRST, last + 1, lambda s: s == "signature")
        if len(signature) != 2:
            raise SystemExit(f"signature rows: {signature}")
        sheet.getCellByPosition(2, signature[0]).setString(PREPARER)
        sheet.getCellByPosition(5, signature[0]).setString("0558-5512345")
        sheet.getCellByPosition(2, signature[1]).setString("钱主任")
        # Typed as staff type a date: Calc recognizes the ISO date and gives it a date format.
        date = sheet.getCellByPosition(5, signature[1])
        date.setFormula("2023-10-08")
        if date.getType().value != "VALUE":
            raise SystemExit(f"填报日期 was not taken as a date: {date.getType().value}")
        # 审阅 → 保护工作表 again.
        sheet.protect(password)
        doc.storeToURL(uno.systemPathToFileUrl(str(target)),
                       (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)))
        return typed
    finally:
        doc.close(True)


def main(minsheng):
    password = json.loads(TEMPLATE_SETTINGS.read_text())["protectionPassword"]
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        templates = pathlib.Path(tmp) / "templates"
        split(minsheng, templates)
        port = free_port()
        office = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
             f"--accept=socket,host=127.0.0.1,port={port};urp;",
             f"-env:UserInstallation=file://{tmp}/profile"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            context = connect(port, office)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            typed = edit_like_staff(desktop, templates / f"{AREA}.xlsx", OUT / FILE, password)
            try:
                desktop.terminate()
            except Exception:  # the bridge goes away as soffice quits
                pass
            office.wait(timeout=30)
        finally:
            if office.poll() is None:
                os.killpg(office.pid, signal.SIGTERM)
                try:
                    office.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(office.pid, signal.SIGKILL)
                    office.wait()
    path = OUT / "expected.json"
    expected = json.loads(path.read_text()) if path.exists() else {"plan": str(PLAN.relative_to(ROOT)), "areas": {}}
    expected["areas"][AREA] = {"file": FILE, "completed": typed, "preparer": PREPARER}
    path.write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"{AREA}: {len(typed)} figures typed → {OUT / FILE}")


if __name__ == "__main__":
    main(sys.argv[1])
