#!/usr/bin/python3
"""The web page in a real browser: headless Chromium driven by Selenium (Debian's chromium,
chromium-driver and python3-selenium).

Starts the built `minsheng-web` on 127.0.0.1 with a free port, then, as a person would:
  核对      uploads every Samples/*.xlsx through the file input, waits for the findings table and
            finds the 镜湖区 111% rate-mismatch at the cell the CLI names;
  汇总      uploads them again and downloads the progress workbook, opened with `minsheng dump`;
  拆分模板  splits Samples/002-亳州-分解表-分列.xlsx and downloads the zip of district templates;
  收集汇总  collects Samples/returns/*.xlsx against that plan and downloads the workbook;
  核对县区汇总  reconciles Samples/reconcile/汇总表.xlsx with Samples/reconcile/县区报表/*.xlsx and
            finds the 涡阳县 area-mismatch at H4, the cell the CLI names;
  上期对比  checks Samples/monthly/亳州-1-9月.xlsx against 亳州-1-8月.xlsx, finds the
            completed-decreased at E3 as the CLI does, and downloads the workbook with 上期累计.
Then what a clerk must be able to trust (issue 23), each at 1366×768 and on a 390×844 phone:
  stale results go when a run starts, and a failed run shows only its error; nothing readable
  is 没有可核对的表格 with each file's reason, never 没有发现问题, and 汇总 gives an error, not a
  download; one findings table on every tab (filter by file, kind and severity, sort, the
  behind-schedule warnings grouped per file, kind names with their explanations) and the
  findings workbook; 截至日期 checked, shared, remembered and pre-filled; upload names as sent
  and download names with the date; no horizontal overflow at 360 and 390 px; the words for
  files that are not spreadsheets, a return in the summary field and swapped periods; the token's
  addresses, page and cookie; drops anywhere, focus after ✕, ✕ disabled during an upload.
And how each table was read (issue 22): on 核对 a collapsed 读法 per file that opens by keyboard
to the text report's line, the columns the figures read otherwise, the first rows with each
column's role as a badge, and the layout file to download (A08: 进度 read as 完成数, the CLI reads
the download back; A01: 县区在行 with its areaColumn), at 1366 px and on a 390 px phone.
A screenshot of each tab goes to $MINSHENG_BROWSER_OUT (default /tmp/minsheng-browser). Then
SIGTERM must stop the server cleanly (status 0). Bounded: the whole run is killed after 600 s.

Usage: browser_test.py BIN_DIR   (the folder holding minsheng-web and minsheng)
"""
import glob
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "Samples")
OUT = os.environ.get("MINSHENG_BROWSER_OUT", "/tmp/minsheng-browser")
TIME_LIMIT = 600

passed = []


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    passed.append(name)
    print(f"  ✓ {name}", flush=True)


def start_server(bin_dir, log_path, tmpdir):
    """minsheng-web on 127.0.0.1, port 0 (the kernel picks a free one), its temporary folders in
    `tmpdir`; returns (process, url)."""
    log = open(log_path, "w")
    process = subprocess.Popen(
        [os.path.join(bin_dir, "minsheng-web"), "--host", "127.0.0.1", "--port", "0", "--jobs", "2",
         "--data-dir", tmpdir + "-data"],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=dict(os.environ, TMPDIR=tmpdir))
    deadline = time.time() + 60
    while time.time() < deadline:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", f.read())
        if match:
            return process, match.group(0)
        if process.poll() is not None:
            raise RuntimeError(f"minsheng-web exited with {process.returncode}: {open(log_path).read()}")
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("minsheng-web did not print its URL within 60 s")


def browser(download_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1366,768", "--lang=zh-CN", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": download_dir, "download.prompt_for_download": False,
        "safebrowsing.enabled": False, "intl.accept_languages": "zh-CN,zh"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
    return driver


def wait_for_download(folder, suffix, before, timeout=60):
    """The path of a new complete file ending in `suffix` in `folder`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        names = [n for n in os.listdir(folder) if n.endswith(suffix) and n not in before]
        if names and not any(n.endswith(".crdownload") for n in os.listdir(folder)):
            return os.path.join(folder, names[0])
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded in {timeout} s: {os.listdir(folder)}")


def submit_and_wait(driver, panel, selector, timeout=120):
    """Clicks the panel's button and waits for `selector` (or an error box) in the panel."""
    panel.find_element(By.CSS_SELECTOR, "button.primary").click()
    WebDriverWait(driver, timeout).until(
        lambda d: panel.find_elements(By.CSS_SELECTOR, selector)
        or panel.find_element(By.CSS_SELECTOR, ".alert").is_displayed())
    alert = panel.find_element(By.CSS_SELECTOR, ".alert")
    if alert.is_displayed():
        raise AssertionError(f"the page shows an error: {alert.text}")
    return panel.find_element(By.CSS_SELECTOR, selector)


def save_whole(driver, name, height=1000):
    """The whole tab at once (a taller window, from the top), then the laptop's size again."""
    driver.set_window_size(1366, height)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(OUT, name))
    driver.set_window_size(1366, 768)


def set_value(driver, element, value):
    driver.execute_script("arguments[0].value = arguments[1];", element, value)


def set_date(driver, panel, value):
    """Sets the panel's 截至日期 as a person's change would (the page shares it on change)."""
    field = panel.find_element(By.NAME, "as_of")
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", field, value)


def dump_rows(bin_dir, path, sheet):
    """How many rows `minsheng dump --format csv --sheet` shows of a sheet."""
    result = subprocess.run([os.path.join(bin_dir, "minsheng"), "dump", path, "--format", "csv", "--sheet", sheet],
                            capture_output=True, timeout=60)
    import csv
    import io
    return len(list(csv.reader(io.StringIO(result.stdout.decode("utf-8", "replace")))))


def start_token_server(bin_dir, log_path, tmpdir):
    """minsheng-web on every address with a token; returns (process, the links it printed)."""
    log = open(log_path, "w")
    process = subprocess.Popen(
        [os.path.join(bin_dir, "minsheng-web"), "--host", "0.0.0.0", "--port", "0", "--token", "t0ken-23",
         "--data-dir", tmpdir + "-data-token"],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=dict(os.environ, TMPDIR=tmpdir))
    deadline = time.time() + 60
    while time.time() < deadline:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            links = re.findall(r"http://\S+\?token=t0ken-23", f.read())
        if links:
            ipv4 = [link for link in links if "[" not in link]
            return process, ipv4 or links
        if process.poll() is not None:
            raise RuntimeError(f"minsheng-web --token exited with {process.returncode}: {open(log_path).read()}")
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("minsheng-web --token did not print its links within 60 s")


def dump_ok(bin_dir, path, words=("进度汇总",)):
    result = subprocess.run([os.path.join(bin_dir, "minsheng"), "dump", path], capture_output=True, timeout=60)
    text = result.stdout.decode("utf-8", "replace")
    return result.returncode == 0 and all(word in text for word in words)


def cli_finding(bin_dir, arguments, cwd, code):
    """The one finding of `code` that `minsheng … --format json` reports, run in `cwd`."""
    cli = subprocess.run([os.path.join(bin_dir, "minsheng")] + arguments + ["--format", "json"],
                         capture_output=True, cwd=cwd, timeout=60)
    found = [f for f in json.loads(cli.stdout)["findings"] if f["code"] == code]
    check(f"the CLI reports one {code}", len(found) == 1, cli.stdout[:400])
    return found[0]


def findings_of(panel, code):
    """The finding rows of the panel's findings table with `code`, as (row, {column: text})."""
    rows = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr.finding")
    return [(r, texts(r)) for r in rows if r.get_attribute("data-code") == code]


def texts(row):
    """A findings row's cells by column (sev, kind, file, sheet, cell, item, area, message)."""
    return {td.get_attribute("class").split()[0]: td.get_attribute("textContent")
            for td in row.find_elements(By.TAG_NAME, "td")}


def no_overflow(driver):
    """Whether the page is no wider than the window (no horizontal scrolling)."""
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def resize(driver, width, height):
    """Resizes the window and returns once the page is laid out at the new width: the viewport
    says so and two frames have been painted (the event itself, not a while)."""
    driver.set_window_size(width, height)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.innerWidth") <= width)
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()))")


def phone(driver, name, width=390):
    """The phone's size: no horizontal overflow, a screenshot, then the laptop's size again."""
    resize(driver, width, 844)
    driver.execute_script("window.scrollTo(0, 0)")
    fits = no_overflow(driver)
    wide = driver.execute_script(
        "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
        " && e.offsetParent !== null && !e.closest('.tabs')).map(e => e.tagName + '.' + e.className).slice(0, 5)")
    driver.save_screenshot(os.path.join(OUT, name))
    driver.execute_script("const r = Array.from(document.querySelectorAll('.results')).find(e => e.offsetParent);"
                          "if (r) r.scrollIntoView();")
    driver.save_screenshot(os.path.join(OUT, name.replace(".png", "-results.png")))
    driver.set_window_size(1366, 768)
    return fits, wide


def results_text(panel):
    return panel.find_element(By.CSS_SELECTOR, ".results").get_attribute("textContent")


def write_bad_files(folder):
    """Files a clerk might pick by mistake, as (path, words the page must use)."""
    with open(os.path.join(SAMPLES, "returns", "涡阳县.xlsx"), "rb") as f:
        xlsx = f.read()
    docx = os.path.join(folder, "工作说明.docx")
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    made = {"通知.pdf": b"%PDF-1.7\n1 0 obj\n", "现场照片.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 200,
            "空表.xlsx": b"", "~$涡阳县.xlsx": b"\x20" * 165}
    for name, data in made.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    words = [(os.path.join(folder, "通知.pdf"), "PDF"), (os.path.join(folder, "现场照片.jpg"), "图片"),
             (os.path.join(folder, "空表.xlsx"), "空文件"), (os.path.join(folder, "~$涡阳县.xlsx"), "临时锁定文件"),
             (docx, "Word")]
    truncated = os.path.join(folder, "坏的.xlsx")
    with open(truncated, "wb") as f:
        f.write(xlsx[: len(xlsx) // 2])
    words.append((truncated, "不完整"))
    quoted = os.path.join(folder, '涡阳 县 "最终版" \'改\'.xlsx')
    with open(quoted, "wb") as f:
        f.write(xlsx)
    return words, quoted


def too_large_is_refused_before_the_body(url):
    """A real socket: headers announcing 60 MB and only a few bytes of body get 413 at once."""
    match = re.match(r"http://([^:/]+):(\d+)/", url)
    with socket.create_connection((match.group(1), int(match.group(2))), timeout=10) as sock:
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                     b"Content-Length: 62914560\r\n\r\n--b\r\n")
        answer = sock.recv(4096).decode("utf-8", "replace")
    return answer.startswith("HTTP/1.1 413"), answer[:200]


def cli_reading_line(bin_dir, path):
    """The `读法：…` line the text report prints for a one-table file."""
    result = subprocess.run([os.path.join(bin_dir, "minsheng"), "check", path], capture_output=True, timeout=60)
    lines = [line.strip() for line in result.stdout.decode("utf-8", "replace").splitlines() if line.strip().startswith("读法：")]
    check(f"the CLI prints one 读法 line for {os.path.basename(path)}", len(lines) == 1, lines)
    return lines[0]


def reading_toggles(panel):
    """The file table's 读法 toggles."""
    return panel.find_elements(By.CSS_SELECTOR, "table.file-status button.reading-toggle")


def open_reading(panel, name):
    """Opens a file's 读法 by keyboard (Enter on its toggle in the file table) and returns it."""
    toggle = next(b for b in reading_toggles(panel) if b.get_attribute("data-file") == name)
    toggle.send_keys(Keys.ENTER)
    view = panel.find_element(By.ID, toggle.get_attribute("aria-controls"))
    WebDriverWait(panel.parent, 10).until(lambda d: toggle.get_attribute("aria-expanded") == "true" and view.is_displayed()
                                          and view.find_elements(By.CSS_SELECTOR, ".reading-line"))
    return view


def badges_of(block):
    """The preview's badges by column letter, as (role's Chinese name, colour class)."""
    found = {}
    for th in block.find_elements(By.CSS_SELECTOR, "table.preview tr.roles th[data-column]"):
        badge = th.find_element(By.CSS_SELECTOR, ".badge")
        found[th.get_attribute("data-column")] = (badge.text, badge.get_attribute("class").split()[-1])
    return found


def rows_of(block):
    """The preview's rows by number, as their kind (head, item, total, other)."""
    return {int(tr.get_attribute("data-row")): tr.get_attribute("class")
            for tr in block.find_elements(By.CSS_SELECTOR, "table.preview tbody tr")}


def download_layout(driver, block, downloads, expected_name):
    """Clicks 下载读法（版式文件） and returns the downloaded path and its JSON."""
    before = set(os.listdir(downloads))
    button = block.find_element(By.CSS_SELECTOR, "button.reading-download")
    check("…with a 下载读法（版式文件） button", button.text == "下载读法（版式文件）", button.text)
    button.click()
    path = wait_for_download(downloads, ".json", before)
    check(f"…that downloads {expected_name}", os.path.basename(path) == expected_name, path)
    with open(path, "rb") as f:
        raw = f.read()
    layout = json.loads(raw.decode("utf-8"))
    check("…pretty-printed UTF-8 JSON", b"\n  " in raw and raw.decode("utf-8").endswith("}\n"), raw[:120])
    return path, layout


def reading_checks(driver, panel, bin_dir, downloads, sample_count):
    """Issue 22's 读法 on the page: per file, collapsed, with the text report's line, what the
    figures changed, the first rows with each column's role, and the layout file to download —
    at 1366×768 and on a 390 px phone."""
    toggles = reading_toggles(panel)
    check("核对's file table has a 读法 toggle per file read", len(toggles) == sample_count, len(toggles))
    check("…collapsed by default", all(b.get_attribute("aria-expanded") == "false" for b in toggles)
          and not [v for v in panel.find_elements(By.CSS_SELECTOR, ".reading-view") if v.is_displayed()])
    real = os.path.join(ROOT, "Tests", "Fixtures", "real")
    a08 = os.path.join(real, "A08-sichuan-meishan-2017-progress.xlsxwriter.xlsx")
    a01 = os.path.join(real, "A01-sichuan-meishan-2019-progress.openpyxl.xlsx")
    # A08 again with markup in two cells: the page shows it as text (files are untrusted).
    marked = os.path.join(tempfile.mkdtemp(prefix="minsheng-browser-marked-"), "单元格含标记.xlsx")
    with zipfile.ZipFile(a08) as source, zipfile.ZipFile(marked, "w", zipfile.ZIP_DEFLATED) as copy:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "xl/sharedStrings.xml":
                data = data.decode("utf-8").replace("<t>就业促进工程</t>", "<t>&lt;img src=x onerror=window.__pwned=1&gt;</t>") \
                    .replace("<t>促进城乡劳动者就业创业</t>", "<t>&lt;b&gt;促进&lt;/b&gt;</t>").encode("utf-8")
            copy.writestr(entry, data)
    panel.find_element(By.CSS_SELECTOR, ".drop .clear").click()
    two = os.path.join(ROOT, "Tests", "Fixtures", "assurance", "two-sheets.xlsxwriter.xlsx")
    panel.find_element(By.ID, "check-files").send_keys("\n".join([a08, a01, marked, two]))
    submit_and_wait(driver, panel, "button.reading-toggle")
    view = open_reading(panel, os.path.basename(two))
    names = [h.text for h in view.find_elements(By.TAG_NAME, "h4")]
    hints = [h.text.split("：")[0] for h in view.find_elements(By.CSS_SELECTOR, ".reading-actions .hint")]
    check("a file with two tables shows both, each with its own layout file", names == ["工作表 汇总", "工作表 附表"]
          and hints == ["读法-two-sheets.xlsxwriter-汇总.json", "读法-two-sheets.xlsxwriter-附表.json"], (names, hints))
    view.find_element(By.CSS_SELECTOR, "button.reading-close").click()
    check("…and 收起 closes it", not view.is_displayed())
    block = open_reading(panel, os.path.basename(marked))
    cells = [td.text for td in block.find_elements(By.CSS_SELECTOR, 'table.preview tr[data-row="3"] td')]
    check("a cell's markup is shown as text, never run", cells[2] == "<b>促进</b>" and cells[0].startswith("<img src=x")
          and not block.find_elements(By.CSS_SELECTOR, "table.preview img, table.preview b")
          and driver.execute_script("return window.__pwned === undefined"), cells)
    toggle = next(b for b in reading_toggles(panel) if b.get_attribute("data-file") == os.path.basename(marked))
    toggle.send_keys(Keys.ENTER)
    check("…and Enter on the toggle closes the 读法 again", toggle.get_attribute("aria-expanded") == "false" and not block.is_displayed())
    shutil.rmtree(os.path.dirname(marked), ignore_errors=True)

    # A08: 进度 holds the cumulative figure, 完成目标(%) the rate; the figures say so.
    block = open_reading(panel, os.path.basename(a08))
    check("Enter on the 读法 toggle opens it under the file table", block.is_displayed())
    line = block.find_element(By.CSS_SELECTOR, ".reading-line").text
    check("…with the text report's one line", line == cli_reading_line(bin_dir, a08), line)
    note = block.find_element(By.CSS_SELECTOR, ".reading-note.changed").text
    check("…and the note that the figures read 进度 as 完成数", note.startswith("G “进度”按数字读作完成数"), note)
    badges = badges_of(block)
    check("…each column's role as a badge: figures in one colour",
          badges.get("E") == ("目标", "measure") and badges.get("G") == ("完成数", "measure") and badges.get("H") == ("完成率", "measure"), badges)
    check("…words in another", badges.get("B") == ("序号", "label") and badges.get("D") == ("指标", "label")
          and badges.get("F") == ("责任单位", "label") and badges.get("I") == ("备注", "label"), badges)
    rows = rows_of(block)
    check("…the header row shaded, the item rows plain", rows.get(2) == "head" and rows.get(3) == "item" and rows.get(10) == "item", rows)
    cells = [td.text for td in block.find_elements(By.CSS_SELECTOR, 'table.preview tr[data-row="3"] td')]
    check("…the cells from column A", cells[:2] == ["就业促进工程", "1"] and cells[6] == "32095", cells)
    path, layout = download_layout(driver, block, downloads, "读法-A08-sichuan-meishan-2017-progress.xlsxwriter.json")
    check("…whose columns read G as completed", layout.get("columns", {}).get("G") == "completed"
          and layout["columns"].get("H") == "rate" and layout.get("headerRows") == [2, 2], layout)
    again = subprocess.run([os.path.join(bin_dir, "minsheng"), "check", a08, "--layout", path, "--format", "json"],
                           capture_output=True, timeout=60)
    given = json.loads(again.stdout)["files"][0]["reading"][0]
    check("…and that the CLI reads back (--layout) to the same reading",
          given["given"] is True and [(c["column"], c["role"]) for c in given["columns"]]
          == [(c, r) for c, r in layout["columns"].items()], given)

    # A01: areas down the rows, a group of columns per indicator, 全市 on row 7.
    block = open_reading(panel, os.path.basename(a01))
    line = block.find_element(By.CSS_SELECTOR, ".reading-line").text
    check("A01's 读法 says 县区在行", "县区在行（A 列" in line and line == cli_reading_line(bin_dir, a01), line)
    badges = badges_of(block)
    check("…the area column and the measures marked", badges.get("A") == ("县区名", "area")
          and badges.get("B") == ("目标", "measure") and badges.get("C") == ("完成数", "measure") and badges.get("D") == ("完成率", "measure"), badges)
    rows = rows_of(block)
    check("…header rows 3-6 shaded, 全市 the total, the areas' rows plain",
          all(rows.get(r) == "head" for r in (3, 4, 5, 6)) and rows.get(7) == "total" and rows.get(10) == "item", rows)
    _, layout = download_layout(driver, block, downloads, "读法-A01-sichuan-meishan-2019-progress.openpyxl.json")
    check("…whose layout names the areaColumn and each indicator's columns", layout.get("areaColumn") == "A"
          and layout.get("totalRow") == "全市" and len(layout.get("groups", [])) == 5
          and layout["groups"][0]["columns"] == {"B": "target", "C": "completed", "D": "rate"}, layout)

    driver.execute_script("document.activeElement.blur(); document.querySelector('#panel-check table.file-status').scrollIntoView()")
    driver.save_screenshot(os.path.join(OUT, "1-check-reading.png"))
    save_whole(driver, "check-reading-whole.png", 1900)
    resize(driver, 390, 844)
    check("读法 open on a 390 px phone: the page does not scroll sideways", no_overflow(driver))
    check("…the preview scrolls inside its own box", driver.execute_script(
        "const shown = Array.from(arguments[0].querySelectorAll('.preview-wrap')).filter(w => w.offsetParent !== null);"
        "return shown.length === 2 && shown.every(w => w.scrollWidth > w.clientWidth && w.getBoundingClientRect().right <= window.innerWidth)",
        panel))
    driver.execute_script("document.querySelector('#panel-check table.file-status').scrollIntoView()")
    driver.save_screenshot(os.path.join(OUT, "1-check-reading-phone-files.png"))
    driver.execute_script("arguments[0].scrollIntoView()", block)
    driver.save_screenshot(os.path.join(OUT, "1-check-reading-phone.png"))
    driver.set_window_size(1366, 768)


def csv_of(bin_dir, path, sheet):
    """`minsheng dump --format csv --sheet` of a sheet, as text."""
    result = subprocess.run([os.path.join(bin_dir, "minsheng"), "dump", path, "--format", "csv", "--sheet", sheet],
                            capture_output=True, timeout=60)
    return result.stdout.decode("utf-8", "replace")


def reporting_round(driver, url, bin_dir, downloads, plan):
    """A whole reporting round: the office opens it with the plan, two areas upload through their
    links (谯城区 with a changed target), the office accepts one and returns the other with a note
    the area then sees, and downloads the collected workbook, whose figures are the returns'."""
    wo_return = os.path.join(SAMPLES, "returns", "涡阳县.xlsx")
    qc_return = os.path.join(SAMPLES, "returns", "谯城区.xlsx")
    driver.get(url)
    driver.find_element(By.ID, "tab-rounds").click()
    panel = driver.find_element(By.ID, "panel-rounds")
    WebDriverWait(driver, 20).until(lambda d: panel.find_element(By.CSS_SELECTOR, ".round-list").text)
    panel.find_element(By.ID, "rounds-plan").send_keys(plan)
    panel.find_element(By.ID, "rounds-title").send_keys("亳州民生实事")
    panel.find_element(By.ID, "rounds-period").send_keys("1-9月")
    set_value(driver, panel.find_element(By.ID, "rounds-deadline"), "2025-10-10")
    submit_and_wait(driver, panel, ".links-list td.link")
    links = {}
    for row in panel.find_elements(By.CSS_SELECTOR, ".links-list tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        links[cells[0].text] = cells[1].text
    check("opening a round prints one link per area", {"涡阳县", "谯城区", "蒙城县"} <= set(links), links)
    check("…each its own secret of at least 128 bits",
          all(re.fullmatch(re.escape(url.rstrip("/")) + r"/r/[A-Za-z0-9_-]{43}", link) for link in links.values()), links)
    WebDriverWait(driver, 20).until(lambda d: panel.find_elements(By.CSS_SELECTOR, ".round-areas tr[data-area]"))
    save_whole(driver, "round-opened.png", 1400)

    # Two areas upload through their links.
    for area, path, code in (("涡阳县", wo_return, None), ("谯城区", qc_return, "target-changed")):
        driver.get(links[area])
        area_panel = driver.find_element(By.ID, "panel-area")
        WebDriverWait(driver, 20).until(lambda d: area in area_panel.find_element(By.CSS_SELECTOR, ".area-info").text)
        check(f"{area}'s link shows no office tab", not driver.find_elements(By.CSS_SELECTOR, ".tabs")
              and not driver.find_elements(By.ID, "panel-rounds") and not driver.find_elements(By.ID, "panel-check"))
        info = area_panel.find_element(By.CSS_SELECTOR, ".area-info").text
        check(f"…and its area, period and deadline", "1-9月" in info and "2025-10-10" in info, info)
        check("…and offers its template", area_panel.find_element(By.CSS_SELECTOR, ".area-info a.download").get_attribute("href")
              == links[area] + "/template")
        area_panel.find_element(By.ID, "area-file").send_keys(path)
        submit_and_wait(driver, area_panel, ".results .outcome")
        WebDriverWait(driver, 20).until(lambda d: area_panel.find_elements(By.CSS_SELECTOR, ".area-versions-table tbody tr"))
        check(f"…its upload is checked at once and kept as 第 1 版",
              "第 1 版" in area_panel.find_element(By.CSS_SELECTOR, ".area-versions").text)
        if code:
            check(f"…the changed target is in the findings table", findings_of(area_panel, code), results_text(area_panel)[:300])
        save_whole(driver, f"round-area-{area}.png", 1300)
        fits, wide = phone(driver, f"round-area-{area}-phone.png")
        check(f"…the area's page fits a 390 px phone", fits, wide)

    # The office: statuses, accept 涡阳县, return 谯城区 with a note.
    driver.get(url)
    driver.find_element(By.ID, "tab-rounds").click()
    panel = driver.find_element(By.ID, "panel-rounds")

    def row_of(area):
        return panel.find_element(By.CSS_SELECTOR, f'.round-areas tr[data-area="{area}"]')

    def status_of(area):
        """The area's status, read again if the table was redrawn meanwhile."""
        for _ in range(20):
            try:
                return row_of(area).get_attribute("data-status")
            except (StaleElementReferenceException, NoSuchElementException):
                time.sleep(0.1)
        return None

    WebDriverWait(driver, 20).until(lambda d: panel.find_elements(By.CSS_SELECTOR, '.round-areas tr[data-area="涡阳县"]'))
    check("the office sees both as 已报送", status_of("涡阳县") == "submitted"
          and status_of("谯城区") == "submitted")
    check("…and who has not sent by the deadline", "蒙城县" in panel.find_element(By.CSS_SELECTOR, ".round-detail .late").text)
    row_of("涡阳县").find_element(By.CSS_SELECTOR, 'button[data-action="accept"]').click()
    WebDriverWait(driver, 20).until(lambda d: status_of("涡阳县") == "accepted")
    note = "年度目标不能改，请按下发的目标重填"
    row_of("谯城区").find_element(By.CSS_SELECTOR, "input").send_keys(note)
    row_of("谯城区").find_element(By.CSS_SELECTOR, 'button[data-action="return"]').click()
    WebDriverWait(driver, 20).until(lambda d: status_of("谯城区") == "returned")
    check("the office accepts one and returns the other", status_of("涡阳县") == "accepted")
    history = panel.find_element(By.CSS_SELECTOR, ".round-history").text
    check("…and the history lists the uploads with their SHA-256 and the decisions",
          "涡阳县.xlsx" in history and "谯城区.xlsx" in history and "退回" in history and "确认" in history, history[:400])
    panel.find_element(By.XPATH, './/button[text()="核对各县区最新版本"]').click()
    WebDriverWait(driver, 60).until(lambda d: panel.find_elements(By.CSS_SELECTOR, ".results table.findings"))
    check("…the round's findings are in the same findings table", findings_of(panel, "target-changed"))
    save_whole(driver, "round-office.png", 1900)
    fits, wide = phone(driver, "round-office-phone.png")
    check("…the round page fits a 390 px phone", fits, wide)

    before = set(os.listdir(downloads))
    panel.find_element(By.XPATH, './/a[text()="下载汇总表（各县区最新版本）"]').click()
    collected = wait_for_download(downloads, ".xlsx", before)
    expected_dir = tempfile.mkdtemp(prefix="minsheng-browser-round-")
    expected = os.path.join(expected_dir, "expected.xlsx")
    subprocess.run([os.path.join(bin_dir, "minsheng"), "collect", "--plan", plan, wo_return, qc_return, "-o", expected,
                    "--title", "亳州民生实事", "--quiet"], capture_output=True, timeout=120)
    ours, theirs = csv_of(bin_dir, collected, "进度汇总"), csv_of(bin_dir, expected, "进度汇总")
    check("the collected workbook's figures are the returns' (as `minsheng collect` of the two)",
          ours and ours == theirs, (ours[:300], theirs[:300]))
    shutil.rmtree(expected_dir, ignore_errors=True)

    # The area sees the office's note.
    driver.get(links["谯城区"])
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".return-note"))
    check("谯城区 sees the office's note", note in driver.find_element(By.CSS_SELECTOR, ".return-note").text)
    save_whole(driver, "round-area-returned.png", 1000)

    # The office archives the round: the links stop working, nothing is deleted.
    driver.get(url)
    driver.find_element(By.ID, "tab-rounds").click()
    panel = driver.find_element(By.ID, "panel-rounds")
    WebDriverWait(driver, 20).until(lambda d: panel.find_elements(By.XPATH, './/button[text()="归档这一轮"]'))
    panel.find_element(By.XPATH, './/button[text()="归档这一轮"]').click()
    WebDriverWait(driver, 10).until(lambda d: d.switch_to.alert)
    driver.switch_to.alert.accept()
    WebDriverWait(driver, 20).until(lambda d: "已归档" in panel.find_element(By.CSS_SELECTOR, ".links-box").text)
    driver.get(links["涡阳县"])
    check("after 归档 an area's link opens a Chinese page saying it no longer works",
          "报送链接无效" in driver.find_element(By.TAG_NAME, "body").text)
    driver.get(url)


def main():
    bin_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug"))
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError(f"over {TIME_LIMIT} s")))
    signal.alarm(TIME_LIMIT)
    os.makedirs(OUT, exist_ok=True)
    downloads = tempfile.mkdtemp(prefix="minsheng-browser-downloads-")
    samples = sorted(glob.glob(os.path.join(SAMPLES, "*.xlsx")))
    plan = os.path.join(SAMPLES, "002-亳州-分解表-分列.xlsx")
    returns = sorted(glob.glob(os.path.join(SAMPLES, "returns", "*.xlsx")))

    # What the CLI says about 镜湖区's 111% rate: the page must show the same cell.
    cli = subprocess.run([os.path.join(bin_dir, "minsheng"), "check", "000-镜湖区-进展情况.xlsx", "--format", "json"],
                         capture_output=True, cwd=SAMPLES, timeout=60)
    expected = [f for f in json.loads(cli.stdout)["findings"]
                if f["code"] == "rate-mismatch" and "111" in f["message"]]
    check("the CLI reports 镜湖区's 111% rate", len(expected) == 1, cli.stdout[:400])
    expected = expected[0]
    summary = os.path.join(SAMPLES, "reconcile", "汇总表.xlsx")
    area_returns = sorted(glob.glob(os.path.join(SAMPLES, "reconcile", "县区报表", "*.xlsx")))
    mismatch = cli_finding(bin_dir, ["reconcile", "汇总表.xlsx", "县区报表"], os.path.join(SAMPLES, "reconcile"),
                           "area-mismatch")
    current = os.path.join(SAMPLES, "monthly", "亳州-1-9月.xlsx")
    previous = os.path.join(SAMPLES, "monthly", "亳州-1-8月.xlsx")
    decreased = cli_finding(bin_dir, ["check", "亳州-1-9月.xlsx", "--previous", "亳州-1-8月.xlsx"],
                            os.path.join(SAMPLES, "monthly"), "completed-decreased")

    tmpdir = tempfile.mkdtemp(prefix="minsheng-browser-tmp-")
    bad_dir = tempfile.mkdtemp(prefix="minsheng-browser-bad-")
    bad_words, quoted = write_bad_files(bad_dir)
    server, url = start_server(bin_dir, os.path.join(OUT, "server.log"), tmpdir)
    token_server = None
    driver = None
    try:
        driver = browser(downloads)
        driver.get(url)
        check("the page opens", "核对" in driver.title or "核对" in driver.page_source)
        check("the page is Chinese (lang=zh-CN, so the date picker is)",
              driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN")

        # 截至日期: pre-filled with the end of the last full month, the same on every tab.
        last_month_end = driver.execute_script(
            "const n = new Date(); const d = new Date(n.getFullYear(), n.getMonth(), 0);"
            "return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0')")
        dates = driver.find_elements(By.CSS_SELECTOR, 'input[name="as_of"]')
        check("截至日期 on 核对, 汇总, 收集汇总 and 上期对比",
              {d.get_attribute("id") for d in dates} == {"check-as-of", "convert-as-of", "collect-as-of", "previous-as-of"})
        check("…pre-filled with the end of the last full month", all(d.get_attribute("value") == last_month_end for d in dates),
              [d.get_attribute("value") for d in dates])

        # 核对
        panel = driver.find_element(By.ID, "panel-check")
        set_date(driver, panel, "2023-10-31")
        check("a 截至日期 typed on one tab is on every tab",
              all(d.get_attribute("value") == "2023-10-31" for d in driver.find_elements(By.CSS_SELECTOR, 'input[name="as_of"]')))
        driver.refresh()
        check("…and remembered by the browser", driver.find_element(By.ID, "convert-as-of").get_attribute("value") == "2023-10-31")
        panel = driver.find_element(By.ID, "panel-check")
        panel.find_element(By.ID, "check-files").send_keys("\n".join(samples))
        submit_and_wait(driver, panel, "table.findings tbody tr")
        driver.execute_script("document.activeElement.blur()")
        save_whole(driver, "check-whole.png", 1300)  # as the README shows it, before any filter or sort
        rows = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr.finding")
        found = [r for r in rows if r.get_attribute("data-code") == "rate-mismatch"
                 and "镜湖区" in texts(r)["file"] and "111" in texts(r)["message"]]
        check("核对 lists the 镜湖区 111% rate-mismatch", len(found) == 1, [texts(r) for r in rows[:10]])
        cells = texts(found[0])
        check("…at the CLI's cell", cells["cell"] == expected["cell"], f"{cells['cell']} != {expected['cell']}")
        check("…named by its kind, explained in a sentence",
              cells["kind"] == "完成率算错" and "完成数 ÷ 目标" in found[0].find_element(By.CSS_SELECTOR, "td.kind abbr").get_attribute("title"))
        all_rows = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
        check("errors come first", all_rows[0].get_attribute("data-severity") == "error")
        statuses = panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr")
        check("every sample has a status", len(statuses) == len(samples), len(statuses))
        check("…and they read", all("读取成功" in s.text for s in statuses), [s.text for s in statuses])
        # Behind-schedule warnings: one line per file with the count, expandable.
        groups = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr.group")
        check("behind-schedule warnings are grouped per file", groups and all(
            int(g.get_attribute("data-count")) >= 2 and "滞后于序时进度" in g.text for g in groups), [g.text for g in groups])
        check("…so that no behind-schedule row shows before a group is opened",
              not [r for r in rows if r.get_attribute("data-code") == "behind-schedule"
                   and len([g for g in groups if g.get_attribute("data-file") == r.get_attribute("data-file")])])
        group_file = groups[0].get_attribute("data-file")
        count = int(groups[0].get_attribute("data-count"))
        groups[0].find_element(By.TAG_NAME, "button").click()
        opened = [r for r in panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr.finding")
                  if r.get_attribute("data-code") == "behind-schedule" and r.get_attribute("data-file") == group_file]
        check("…and a group opens to its rows", len(opened) == count, (len(opened), count))
        # Filters: severity, kind, file.
        Select(panel.find_element(By.ID, "filter-check")).select_by_value("warning")
        visible = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
        check("the filter shows only warnings", visible and all(r.get_attribute("data-severity") == "warning" for r in visible))
        Select(panel.find_element(By.ID, "filter-check")).select_by_value("all")
        Select(panel.find_element(By.ID, "filter-kind-check")).select_by_value("rate-mismatch")
        visible = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
        note = panel.find_element(By.CSS_SELECTOR, ".kind-note")
        check("the kind filter shows only that kind, and what it means",
              visible and all(r.get_attribute("data-code") == "rate-mismatch" for r in visible)
              and note.is_displayed() and "完成率算错" in note.text, note.text)
        Select(panel.find_element(By.ID, "filter-kind-check")).select_by_value("all")
        jinghu = next(o.get_attribute("value") for o in panel.find_elements(By.CSS_SELECTOR, "#filter-file-check option")
                      if "镜湖区" in o.get_attribute("value"))
        Select(panel.find_element(By.ID, "filter-file-check")).select_by_value(jinghu)
        visible = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
        check("the file filter shows only that file's findings", visible and all(r.get_attribute("data-file") == jinghu for r in visible))
        # Sorting: by cell, row by row.
        panel.find_element(By.CSS_SELECTOR, 'table.findings th[data-key="cell"] button').click()
        keys = [re.match(r"([A-Z]+)(\d+)$", texts(r)["cell"]) for r in panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr.finding")]
        keys = [(int(m.group(2)), len(m.group(1)), m.group(1)) for m in keys if m]
        check("a click on 单元格 sorts by the cells, row by row", len(keys) > 2 and keys == sorted(keys), keys[:8])
        check("…and says so (aria-sort)", panel.find_element(By.CSS_SELECTOR, 'table.findings th[data-key="cell"]').get_attribute("aria-sort") == "ascending")
        Select(panel.find_element(By.ID, "filter-file-check")).select_by_value("all")
        # The findings as a workbook, from our writer.
        before = set(os.listdir(downloads))
        total = int(re.search(r"（(\d+)）", panel.find_element(By.CSS_SELECTOR, ".findings-box h2").text).group(1))
        panel.find_element(By.CSS_SELECTOR, "a.findings-download").click()
        workbook = wait_for_download(downloads, ".xlsx", before)
        check("核对 downloads the findings as a workbook named with the date",
              os.path.basename(workbook) == "核对结果-2023-10-31.xlsx", workbook)
        check("…whose 核对结果 has every finding with its kind", dump_ok(bin_dir, workbook, ("核对结果", "完成率算错", "滞后于序时进度"))
              and dump_rows(bin_dir, workbook, "核对结果") == total + 2, (dump_rows(bin_dir, workbook, "核对结果"), total))
        hint = panel.find_elements(By.CSS_SELECTOR, ".hint-date")
        check("mostly behind-schedule findings: one hint to confirm the 截至日期", len(hint) == 1 and "2023-10-31" in hint[0].text,
              [h.text for h in hint])
        driver.execute_script("document.activeElement.blur()")
        driver.save_screenshot(os.path.join(OUT, "1-check.png"))
        fits, wide = phone(driver, "1-check-phone.png")
        check("核对 with findings fits a 390 px phone", fits, wide)
        fits, wide = phone(driver, "1-check-phone-360.png", 360)
        check("…and a 360 px one", fits, wide)
        reading_checks(driver, panel, bin_dir, downloads, len(samples))

        # 核对 with nothing readable: never 没有发现问题.
        panel.find_element(By.ID, "check-files").send_keys("\n".join(path for path, _ in bad_words))
        note = panel.find_elements(By.CSS_SELECTOR, ".results .outdated-note")
        check("files changed after a run: the results say they are last run's", note and note[0].is_displayed()
              and "上一次的结果" in note[0].text, [n.text for n in note])
        panel.find_element(By.CSS_SELECTOR, ".drop .clear").click()  # 全部移除: the samples go
        panel.find_element(By.ID, "check-files").send_keys("\n".join(path for path, _ in bad_words))
        submit_and_wait(driver, panel, ".outcome")
        text = results_text(panel)
        check("nothing readable is 没有可核对的表格", "没有可核对的表格" in text and "没有发现问题" not in text, text[:300])
        check("…without green counts or a findings download",
              not panel.find_elements(By.CSS_SELECTOR, ".pill.ok, a.findings-download, table.findings"))
        for path, word in bad_words:
            name = os.path.basename(path)
            row = [r for r in panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr") if name in r.text]
            check(f"{name} is told what it is ({word})", row and word in row[0].text and "zip" not in row[0].text,
                  row[0].text if row else "no row")
        driver.save_screenshot(os.path.join(OUT, "1-check-nothing.png"))
        # One good file among unreadable ones: the clean file is checked, the rest named.
        panel.find_element(By.ID, "check-files").send_keys(quoted)
        submit_and_wait(driver, panel, ".outcome")
        outcome = panel.find_element(By.CSS_SELECTOR, ".outcome").text
        check("one readable file among six: the others are named as not checked",
              "已核对 1 个表格" in outcome and f"另有 {len(bad_words)} 个文件没有读取" in outcome, outcome)
        names = [r.find_element(By.CSS_SELECTOR, "td.file").text for r in panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr")]
        check("an upload's name is shown as sent (quotes, spaces)", os.path.basename(quoted) in names, names)
        # ✕ by keyboard keeps the focus in the list.
        removes = panel.find_elements(By.CSS_SELECTOR, "ul.files button.remove")
        removes[1].send_keys(Keys.ENTER)
        active = driver.switch_to.active_element
        check("after ✕ the focus stays in the list",
              active.get_attribute("class") == "remove" and len(panel.find_elements(By.CSS_SELECTOR, "ul.files li")) == len(removes) - 1,
              active.get_attribute("outerHTML")[:120])
        # A file dropped anywhere on the page is caught and added, not opened by the browser.
        before_count = len(panel.find_elements(By.CSS_SELECTOR, "ul.files li"))
        driver.execute_script(
            "const dt = new DataTransfer(); dt.items.add(new File(['x'], '拖进来的.xlsx'));"
            "document.querySelector('header').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));")
        names = [li.text for li in panel.find_elements(By.CSS_SELECTOR, "ul.files li")]
        check("a file dropped outside the drop zone is added to the tab's files",
              len(names) == before_count + 1 and any("拖进来的.xlsx" in n for n in names) and driver.current_url.startswith(url), names)
        # ✕ is disabled while an upload is under way (the request held back by the test).
        driver.execute_script("window.__send = XMLHttpRequest.prototype.send; XMLHttpRequest.prototype.send = function () {};")
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        removes = panel.find_elements(By.CSS_SELECTOR, "ul.files button.remove")
        check("✕ is disabled during an upload", removes and all(not r.is_enabled() for r in removes)
              and not panel.find_element(By.CSS_SELECTOR, "button.primary").is_enabled())
        check("…and the last run's results are gone when a run starts", not panel.find_elements(By.CSS_SELECTOR, ".results .outcome"))
        driver.refresh()

        # An impossible 截至日期 is refused before anything is sent.
        panel = driver.find_element(By.ID, "panel-check")
        panel.find_element(By.ID, "check-files").send_keys(samples[0])
        set_value(driver, panel.find_element(By.NAME, "as_of"), "0005-02-02")
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("a half-typed year (0005-02-02) is refused", alert.is_displayed() and "年份" in alert.text
              and panel.find_element(By.NAME, "as_of").get_attribute("aria-invalid") == "true", alert.text)
        set_value(driver, panel.find_element(By.NAME, "as_of"), str(int(last_month_end[:4]) + 1) + last_month_end[4:])
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        check("…and so is a date still to come", "还没有到" in alert.text, alert.text)
        set_date(driver, panel, "2023-10-31")

        # 2100 findings: the table shows the first 2000 and says so; the workbook has them all.
        # (2100 wrong rates among 2101 right ones: were most of them wrong, the reading would be
        # doubted once — doubtful-reading — instead of 2100 errors.)
        many = os.path.join(bad_dir, "两千多个问题.csv")
        with open(many, "w", encoding="utf-8") as f:
            f.write("项目,指标,单位,年度目标,完成数,完成率\n" + "".join(f"城镇就业,新增就业{i},人,100,50,60%\n" for i in range(2100))
                    + "".join(f"城镇就业,公益岗位{i},个,100,50,50%\n" for i in range(2101)))
        panel.find_element(By.CSS_SELECTOR, "ul.files button.remove").click()
        panel.find_element(By.ID, "check-files").send_keys(many)
        submit_and_wait(driver, panel, "table.findings tbody tr")
        shown = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr.finding")
        more = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr.more")
        # (2100 rate errors, and 4201 behind-schedule warnings in one group line: 2101 rows)
        check("2100 findings: 2000 rows shown and a line saying so", len(shown) == 2000 and len(more) == 1
              and "共 2101 行" in more[0].text, (len(shown), [m.text for m in more]))
        check("…and the download counts them all", "6301 个问题" in panel.find_element(By.CSS_SELECTOR, "a.findings-download").text)

        # 汇总
        driver.find_element(By.ID, "tab-convert").click()
        panel = driver.find_element(By.ID, "panel-convert")
        panel.find_element(By.ID, "convert-files").send_keys("\n".join(path for path, _ in bad_words))
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        WebDriverWait(driver, 60).until(lambda d: panel.find_element(By.CSS_SELECTOR, ".alert").is_displayed())
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("汇总 with nothing readable is an error, not a download",
              "没有可汇总的表格" in alert.text and not panel.find_elements(By.CSS_SELECTOR, "a.download"), alert.text[:200])
        check("…that names why, per file", all(os.path.basename(p) in alert.text for p, _ in bad_words), alert.text[:400])
        driver.save_screenshot(os.path.join(OUT, "2-convert-nothing.png"))
        panel.find_element(By.CSS_SELECTOR, ".drop .clear").click()
        panel.find_element(By.ID, "convert-files").send_keys("\n".join(samples))
        check("…and the 截至日期 is the one typed on 核对", panel.find_element(By.NAME, "as_of").get_attribute("value") == "2023-10-31")
        panel.find_element(By.NAME, "title").send_keys("民生实事进展情况")
        before = set(os.listdir(downloads))
        link = submit_and_wait(driver, panel, "a.main-download")
        check("汇总 shows its findings in the same table", findings_of(panel, "rate-mismatch"))
        sheets = [td.text for td in panel.find_elements(By.CSS_SELECTOR, 'table.file-status td[data-label="工作表"]')]
        check("…and the 工作表 column names the sheets read", len(sheets) == len(samples) and all(sheets), sheets)
        readings = reading_toggles(panel)
        check("…and a 读法 per file, as on 核对", len(readings) == len(samples)
              and all(r.get_attribute("aria-expanded") == "false" for r in readings), len(readings))
        driver.save_screenshot(os.path.join(OUT, "2-convert.png"))
        link.click()
        workbook = wait_for_download(downloads, ".xlsx", before)
        check("汇总 downloads a workbook named by its title and date",
              os.path.basename(workbook) == "民生实事进展情况-2023-10-31.xlsx", workbook)
        check("…that is a zip", zipfile.is_zipfile(workbook))
        check("…that the reader opens", dump_ok(bin_dir, workbook))
        fits, wide = phone(driver, "2-convert-phone.png")
        check("汇总 fits a 390 px phone", fits, wide)

        # 拆分模板
        driver.find_element(By.ID, "tab-split").click()
        panel = driver.find_element(By.ID, "panel-split")
        panel.find_element(By.ID, "split-plan").send_keys(plan)
        panel.find_element(By.NAME, "period").send_keys("1-9月")
        before = set(os.listdir(downloads))
        link = submit_and_wait(driver, panel, "a.download")
        driver.save_screenshot(os.path.join(OUT, "3-split.png"))
        link.click()
        archive = wait_for_download(downloads, ".zip", before)
        check("拆分模板 downloads 县区模板-1-9月.zip", os.path.basename(archive) == "县区模板-1-9月.zip", archive)
        with zipfile.ZipFile(archive) as z:
            names = z.namelist()
        check("…a zip of district templates", "涡阳县.xlsx" in names, names)
        listed = [r.text for r in panel.find_elements(By.CSS_SELECTOR, "table.templates tbody tr")]
        check("…and lists them", len(listed) == len(names) and any("涡阳县" in r for r in listed), listed)

        # 收集汇总: a good run, then a failing one — the old download must go.
        driver.find_element(By.ID, "tab-collect").click()
        panel = driver.find_element(By.ID, "panel-collect")
        panel.find_element(By.ID, "collect-plan").send_keys(plan)
        panel.find_element(By.ID, "collect-files").send_keys("\n".join(returns))
        before = set(os.listdir(downloads))
        link = submit_and_wait(driver, panel, "a.main-download")
        statuses = panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr")
        check("收集汇总 lists every return", len(statuses) >= len(returns), [s.text for s in statuses])
        sheets = [td.text for td in panel.find_elements(By.CSS_SELECTOR, 'table.file-status td[data-label="工作表"]')]
        check("…with the sheets read in the 工作表 column", len(sheets) == len(statuses) and all(sheets), sheets)
        collect_codes = {r.get_attribute("data-code") for r in panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")}
        check("…and shows the collect findings on the page", {"duplicate-submission", "target-changed"} & collect_codes, collect_codes)
        check("…named", "重复报送" in results_text(panel) or "目标被改动" in results_text(panel))
        driver.save_screenshot(os.path.join(OUT, "4-collect.png"))
        link.click()
        collected = wait_for_download(downloads, ".xlsx", before)
        check("…and downloads the collected workbook", zipfile.is_zipfile(collected) and dump_ok(bin_dir, collected))
        check("…named with the date", os.path.basename(collected) == "县区汇总-2023-10-31.xlsx", collected)
        panel.find_element(By.ID, "collect-plan").send_keys(returns[0])  # a return where the plan goes
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        WebDriverWait(driver, 60).until(lambda d: panel.find_element(By.CSS_SELECTOR, ".alert").is_displayed())
        check("a failed run shows only its error: no old download, counts or findings",
              not panel.find_elements(By.CSS_SELECTOR, ".results a, .results .outcome, .results table"),
              results_text(panel)[:200])
        check("…and the error says the plan is not one", "分解表" in panel.find_element(By.CSS_SELECTOR, ".alert").text,
              panel.find_element(By.CSS_SELECTOR, ".alert").text)
        driver.execute_script("arguments[0].querySelectorAll('.drop').forEach(d => { d.files = []; d.render(); })", panel)
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("…the same with no files chosen", alert.is_displayed() and not panel.find_elements(By.CSS_SELECTOR, ".results a"), alert.text)

        # 核对县区汇总
        driver.find_element(By.ID, "tab-reconcile").click()
        panel = driver.find_element(By.ID, "panel-reconcile")
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("核对县区汇总 asks for the summary first", alert.is_displayed() and "汇总表" in alert.text, alert.text)
        panel.find_element(By.ID, "reconcile-summary").send_keys(area_returns[0])  # a return in the summary field
        panel.find_element(By.ID, "reconcile-files").send_keys("\n".join(area_returns))
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        WebDriverWait(driver, 60).until(lambda d: panel.find_element(By.CSS_SELECTOR, ".alert").is_displayed())
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("a return in the summary field is told so", "不是手工汇总表" in alert.text and "县区目标" not in alert.text, alert.text)
        panel.find_element(By.ID, "reconcile-summary").send_keys(summary)
        submit_and_wait(driver, panel, "table.findings tbody tr")
        found = findings_of(panel, "area-mismatch")
        check("核对县区汇总 lists the 涡阳县 area-mismatch", len(found) == 1 and "涡阳县" in found[0][1]["area"],
              [cells for _, cells in found])
        check("…at H4, the CLI's cell", found[0][1]["cell"] == "H4" == mismatch["cell"], found[0][1])
        check("…in the summary", found[0][1]["file"] == "汇总表.xlsx", found[0][1])
        statuses = panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr")
        check("…with the summary and every return read", len(statuses) == 1 + len(area_returns)
              and all("读取成功" in s.text for s in statuses), [s.text for s in statuses])
        before = set(os.listdir(downloads))
        panel.find_element(By.CSS_SELECTOR, "a.findings-download").click()
        workbook = wait_for_download(downloads, ".xlsx", before)
        check("核对县区汇总 downloads its findings as a workbook", dump_ok(bin_dir, workbook, ("核对结果", "汇总与县区报表不符")), workbook)
        driver.execute_script("document.activeElement.blur()")
        driver.save_screenshot(os.path.join(OUT, "5-reconcile.png"))
        save_whole(driver, "reconcile-whole.png")
        fits, wide = phone(driver, "5-reconcile-phone.png")
        check("核对县区汇总 fits a 390 px phone", fits, wide)

        # 上期对比: first the wrong way round, then right.
        driver.find_element(By.ID, "tab-previous").click()
        panel = driver.find_element(By.ID, "panel-previous")
        panel.find_element(By.ID, "previous-files").send_keys(previous)
        panel.find_element(By.ID, "previous-report").send_keys(current)
        set_value(driver, panel.find_element(By.NAME, "as_of"), "2023-10-31")
        submit_and_wait(driver, panel, ".outcome")
        hint = [h for h in panel.find_elements(By.CSS_SELECTOR, ".hint-swap") if "放反" in h.text]
        check("swapped 本期/上期 get one hint that the files may be the wrong way round", len(hint) == 1,
              [h.text for h in panel.find_elements(By.CSS_SELECTOR, ".hint-swap")])
        hint = panel.find_elements(By.CSS_SELECTOR, ".hint-period")
        check("a 截至日期 in another month than the file's name gets one hint",
              len(hint) == 1 and "亳州-1-8月.xlsx" in hint[0].text and "8月" in hint[0].text, [h.text for h in hint])
        panel.find_element(By.ID, "previous-files").send_keys(current)
        driver.execute_script("const d = arguments[0]; d.files = d.files.slice(-1); d.render();",
                              panel.find_element(By.CSS_SELECTOR, '.drop[data-field="file"]'))
        panel.find_element(By.ID, "previous-report").send_keys(previous)
        set_date(driver, panel, "2023-09-30")
        panel.find_element(By.NAME, "title").send_keys("亳州民生实事1-9月")
        submit_and_wait(driver, panel, "table.findings tbody tr")
        check("…and none when they are right (nor about the date)", not panel.find_elements(By.CSS_SELECTOR, ".hint-swap"),
              [h.text for h in panel.find_elements(By.CSS_SELECTOR, ".hint-swap")])
        found = findings_of(panel, "completed-decreased")
        check("上期对比 lists the completed-decreased", len(found) == 1 and "上期" in found[0][1]["message"],
              [cells for _, cells in found])
        check("…at E3, the CLI's cell", found[0][1]["cell"] == "E3" == decreased["cell"], found[0][1])
        before = set(os.listdir(downloads))
        panel.find_element(By.CSS_SELECTOR, 'button[data-route="convert"]').click()
        WebDriverWait(driver, 120).until(
            lambda d: panel.find_elements(By.CSS_SELECTOR, "a.main-download")
            or panel.find_element(By.CSS_SELECTOR, ".alert").is_displayed())
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("上期对比 makes the workbook", not alert.is_displayed(), alert.text)
        check("…with this run's findings shown", len(findings_of(panel, "completed-decreased")) == 1)
        driver.execute_script("document.activeElement.blur()")
        driver.save_screenshot(os.path.join(OUT, "6-previous.png"))
        save_whole(driver, "previous-whole.png")
        panel.find_element(By.CSS_SELECTOR, "a.main-download").click()
        monthly = wait_for_download(downloads, ".xlsx", before)
        check("…named by its title and date", os.path.basename(monthly) == "亳州民生实事1-9月-2023-09-30.xlsx", monthly)
        check("…whose 进度汇总 has 上期累计 and 本期新增",
              zipfile.is_zipfile(monthly) and dump_ok(bin_dir, monthly, ("进度汇总", "上期累计", "本期新增")), monthly)

        reporting_round(driver, url, bin_dir, downloads, plan)

        # Phone: the tabs wrap as whole buttons, and nothing overflows on any tab at 390 or 360 px.
        for width in (390, 360):
            driver.set_window_size(width, 844)
            for tab in driver.find_elements(By.CSS_SELECTOR, '[role="tab"]'):
                tab.click()
                check(f"{tab.text} fits a {width} px phone", no_overflow(driver))
            heights = [t.size["height"] for t in driver.find_elements(By.CSS_SELECTOR, '[role="tab"]')]
            check(f"…and no tab name wraps at {width} px", max(heights) < 50, heights)
        driver.set_window_size(1366, 768)

        refused, answer = too_large_is_refused_before_the_body(url)
        check("413 from Content-Length, before the body is read", refused, answer)
        check("no upload outlives its request", os.listdir(tmpdir) == [], os.listdir(tmpdir))

        # Keyboard: the arrow keys move between tabs.
        tab = driver.find_element(By.ID, "tab-collect")
        tab.click()
        tab.send_keys("\ue012")  # ArrowLeft
        check("arrow keys move between tabs", driver.find_element(By.ID, "tab-split").get_attribute("aria-selected") == "true")
        driver.switch_to.active_element.send_keys("\ue010")  # End
        check("End goes to the last tab, 报送轮次",
              driver.find_element(By.ID, "tab-rounds").get_attribute("aria-selected") == "true")

        # --token on every address: the printed links can be opened, a browser without the token
        # gets a Chinese page, the cookie lasts 30 days and /logout ends it.
        token_server, links = start_token_server(bin_dir, os.path.join(OUT, "server-token.log"), tmpdir)
        check("--host 0.0.0.0 prints the machine's addresses, not 0.0.0.0",
              links and not any("0.0.0.0" in link for link in links), links)
        bare = links[0].split("?")[0]
        driver.get(bare)
        body = driver.find_element(By.TAG_NAME, "body").text
        check("without the token a browser gets a Chinese page", "访问链接" in body and "{" not in body, body[:200])
        with urllib.request.urlopen(links[0], timeout=10) as answer:
            cookie = answer.headers.get("Set-Cookie", "")
        check("…the token's cookie lasts 30 days", "Max-Age=2592000" in cookie, cookie)
        driver.get(links[0])
        check("…the page opens with the link", driver.find_elements(By.ID, "panel-check"))
        logout = driver.find_element(By.CSS_SELECTOR, "footer .logout a")
        check("…offers to end it", logout.is_displayed())
        logout.click()
        driver.get(bare)
        check("…and after 退出 the token is needed again", "访问链接" in driver.find_element(By.TAG_NAME, "body").text)
    finally:
        if driver is not None:
            driver.quit()
        if token_server is not None:
            token_server.send_signal(signal.SIGTERM)
            try:
                token_server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                token_server.kill()
        shutil.rmtree(bad_dir, ignore_errors=True)
        server.send_signal(signal.SIGTERM)
        try:
            status = server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            status = "hung"
        shutil.rmtree(downloads, ignore_errors=True)
        shutil.rmtree(tmpdir, ignore_errors=True)
        shutil.rmtree(tmpdir + "-data", ignore_errors=True)
        shutil.rmtree(tmpdir + "-data-token", ignore_errors=True)
    check("SIGTERM stops the server cleanly", status == 0, status)
    print(f"screenshots: {OUT}")
    print(f"browser: {len(passed)} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - report any failure as the test's failure
        print(f"browser: {len(passed)} passed, 1 failed — {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
