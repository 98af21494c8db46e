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
A screenshot of each tab goes to $MINSHENG_BROWSER_OUT (default /tmp/minsheng-browser). Then
SIGTERM must stop the server cleanly (status 0). Bounded: the whole run is killed after 300 s.

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
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "Samples")
OUT = os.environ.get("MINSHENG_BROWSER_OUT", "/tmp/minsheng-browser")
TIME_LIMIT = 300

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
        [os.path.join(bin_dir, "minsheng-web"), "--host", "127.0.0.1", "--port", "0", "--jobs", "2"],
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


def save_whole(driver, name):
    """The whole tab at once (a taller window, from the top), then the laptop's size again."""
    driver.set_window_size(1366, 1000)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(OUT, name))
    driver.set_window_size(1366, 768)


def set_value(driver, element, value):
    driver.execute_script("arguments[0].value = arguments[1];", element, value)


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
    """The rows of the panel's findings table with `code`, as (row, cell texts)."""
    rows = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
    return [(r, [td.text for td in r.find_elements(By.TAG_NAME, "td")]) for r in rows
            if r.get_attribute("data-code") == code]


def too_large_is_refused_before_the_body(url):
    """A real socket: headers announcing 60 MB and only a few bytes of body get 413 at once."""
    match = re.match(r"http://([^:/]+):(\d+)/", url)
    with socket.create_connection((match.group(1), int(match.group(2))), timeout=10) as sock:
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                     b"Content-Length: 62914560\r\n\r\n--b\r\n")
        answer = sock.recv(4096).decode("utf-8", "replace")
    return answer.startswith("HTTP/1.1 413"), answer[:200]


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
    server, url = start_server(bin_dir, os.path.join(OUT, "server.log"), tmpdir)
    driver = None
    try:
        driver = browser(downloads)
        driver.get(url)
        check("the page opens", "核对" in driver.title or "核对" in driver.page_source)

        # 核对
        panel = driver.find_element(By.ID, "panel-check")
        panel.find_element(By.ID, "check-files").send_keys("\n".join(samples))
        table = submit_and_wait(driver, panel, "table.findings tbody tr")
        rows = panel.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
        found = [r for r in rows if r.get_attribute("data-code") == "rate-mismatch"
                 and "镜湖区" in r.find_elements(By.TAG_NAME, "td")[1].text and "111" in r.text]
        check("核对 lists the 镜湖区 111% rate-mismatch", len(found) == 1, [r.text for r in rows[:10]])
        cells = found[0].find_elements(By.TAG_NAME, "td")
        check("…at the CLI's cell", cells[3].text == expected["cell"], f"{cells[3].text} != {expected['cell']}")
        check("errors come first", rows[0].get_attribute("data-severity") == "error")
        statuses = panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr")
        check("every sample has a status", len(statuses) == len(samples), len(statuses))
        check("…and they read", all("读取成功" in s.text for s in statuses), [s.text for s in statuses])
        Select(panel.find_element(By.ID, "filter-check")).select_by_value("warning")
        visible = [r for r in rows if r.is_displayed()]
        check("the filter shows only warnings", visible and all(r.get_attribute("data-severity") == "warning" for r in visible))
        Select(panel.find_element(By.ID, "filter-check")).select_by_value("all")
        driver.execute_script("document.activeElement.blur()")
        driver.save_screenshot(os.path.join(OUT, "1-check.png"))
        # The whole tab at once, for the README: a taller window, from the top.
        driver.set_window_size(1366, 1000)
        driver.execute_script("window.scrollTo(0, 0)")
        save_whole(driver, "check-whole.png")

        # 汇总
        driver.find_element(By.ID, "tab-convert").click()
        panel = driver.find_element(By.ID, "panel-convert")
        panel.find_element(By.ID, "convert-files").send_keys("\n".join(samples))
        set_value(driver, panel.find_element(By.NAME, "as_of"), "2023-10-31")
        panel.find_element(By.NAME, "title").send_keys("民生实事进展情况")
        before = set(os.listdir(downloads))
        link = submit_and_wait(driver, panel, "a.download")
        driver.save_screenshot(os.path.join(OUT, "2-convert.png"))
        link.click()
        workbook = wait_for_download(downloads, ".xlsx", before)
        check("汇总 downloads a workbook named by its title", os.path.basename(workbook) == "民生实事进展情况.xlsx", workbook)
        check("…that is a zip", zipfile.is_zipfile(workbook))
        check("…that the reader opens", dump_ok(bin_dir, workbook))

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
        with zipfile.ZipFile(archive) as z:
            names = z.namelist()
        check("拆分模板 downloads a zip of district templates", "涡阳县.xlsx" in names, names)
        listed = [r.text for r in panel.find_elements(By.CSS_SELECTOR, "table.templates tbody tr")]
        check("…and lists them", len(listed) == len(names) and any("涡阳县" in r for r in listed), listed)

        # 收集汇总
        driver.find_element(By.ID, "tab-collect").click()
        panel = driver.find_element(By.ID, "panel-collect")
        panel.find_element(By.ID, "collect-plan").send_keys(plan)
        panel.find_element(By.ID, "collect-files").send_keys("\n".join(returns))
        set_value(driver, panel.find_element(By.NAME, "as_of"), "2023-10-31")
        before = set(os.listdir(downloads))
        link = submit_and_wait(driver, panel, "a.download")
        statuses = panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr")
        check("收集汇总 lists every return", len(statuses) >= len(returns), [s.text for s in statuses])
        driver.save_screenshot(os.path.join(OUT, "4-collect.png"))
        link.click()
        collected = wait_for_download(downloads, ".xlsx", before)
        check("…and downloads the collected workbook", zipfile.is_zipfile(collected) and dump_ok(bin_dir, collected))

        # 核对县区汇总
        driver.find_element(By.ID, "tab-reconcile").click()
        panel = driver.find_element(By.ID, "panel-reconcile")
        panel.find_element(By.CSS_SELECTOR, "button.primary").click()
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("核对县区汇总 asks for the summary first", alert.is_displayed() and "汇总表" in alert.text, alert.text)
        panel.find_element(By.ID, "reconcile-summary").send_keys(summary)
        panel.find_element(By.ID, "reconcile-files").send_keys("\n".join(area_returns))
        submit_and_wait(driver, panel, "table.findings tbody tr")
        found = findings_of(panel, "area-mismatch")
        check("核对县区汇总 lists the 涡阳县 area-mismatch", len(found) == 1 and "涡阳县" in found[0][1][5],
              [cells for _, cells in found])
        check("…at H4, the CLI's cell", found[0][1][3] == "H4" == mismatch["cell"], found[0][1])
        check("…in the summary", found[0][1][1] == "汇总表.xlsx", found[0][1])
        statuses = panel.find_elements(By.CSS_SELECTOR, "table.file-status tbody tr")
        check("…with the summary and every return read", len(statuses) == 1 + len(area_returns)
              and all("读取成功" in s.text for s in statuses), [s.text for s in statuses])
        driver.execute_script("document.activeElement.blur()")
        driver.save_screenshot(os.path.join(OUT, "5-reconcile.png"))
        save_whole(driver, "reconcile-whole.png")

        # 上期对比
        driver.find_element(By.ID, "tab-previous").click()
        panel = driver.find_element(By.ID, "panel-previous")
        panel.find_element(By.ID, "previous-files").send_keys(current)
        panel.find_element(By.ID, "previous-report").send_keys(previous)
        panel.find_element(By.NAME, "title").send_keys("亳州民生实事1-9月")
        submit_and_wait(driver, panel, "table.findings tbody tr")
        found = findings_of(panel, "completed-decreased")
        check("上期对比 lists the completed-decreased", len(found) == 1 and "上期" in found[0][1][6],
              [cells for _, cells in found])
        check("…at E3, the CLI's cell", found[0][1][3] == "E3" == decreased["cell"], found[0][1])
        before = set(os.listdir(downloads))
        panel.find_element(By.CSS_SELECTOR, 'button[data-route="convert"]').click()
        WebDriverWait(driver, 120).until(
            lambda d: panel.find_elements(By.CSS_SELECTOR, ".extra a.download")
            or panel.find_element(By.CSS_SELECTOR, ".alert").is_displayed())
        alert = panel.find_element(By.CSS_SELECTOR, ".alert")
        check("上期对比 makes the workbook", not alert.is_displayed(), alert.text)
        check("…and keeps the findings shown", len(findings_of(panel, "completed-decreased")) == 1)
        driver.execute_script("document.activeElement.blur()")
        driver.save_screenshot(os.path.join(OUT, "6-previous.png"))
        save_whole(driver, "previous-whole.png")
        panel.find_element(By.CSS_SELECTOR, ".extra a.download").click()
        monthly = wait_for_download(downloads, ".xlsx", before)
        check("…named by its title", os.path.basename(monthly) == "亳州民生实事1-9月.xlsx", monthly)
        check("…whose 进度汇总 has 上期累计 and 本期新增",
              zipfile.is_zipfile(monthly) and dump_ok(bin_dir, monthly, ("进度汇总", "上期累计", "本期新增")), monthly)

        refused, answer = too_large_is_refused_before_the_body(url)
        check("413 from Content-Length, before the body is read", refused, answer)
        check("no upload outlives its request", os.listdir(tmpdir) == [], os.listdir(tmpdir))

        # Keyboard: the arrow keys move between tabs.
        tab = driver.find_element(By.ID, "tab-collect")
        tab.send_keys("\ue012")  # ArrowLeft
        check("arrow keys move between tabs", driver.find_element(By.ID, "tab-split").get_attribute("aria-selected") == "true")
        driver.switch_to.active_element.send_keys("\ue010")  # End
        check("End goes to the last tab, 上期对比",
              driver.find_element(By.ID, "tab-previous").get_attribute("aria-selected") == "true")
    finally:
        if driver is not None:
            driver.quit()
        server.send_signal(signal.SIGTERM)
        try:
            status = server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            status = "hung"
        shutil.rmtree(downloads, ignore_errors=True)
        shutil.rmtree(tmpdir, ignore_errors=True)
    check("SIGTERM stops the server cleanly", status == 0, status)
    print(f"screenshots: {OUT}")
    print(f"browser: {len(passed)} passed, 0 failed")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - report any failure as the test's failure
        print(f"browser: {len(passed)} passed, 1 failed — {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
