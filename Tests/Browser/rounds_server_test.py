#!/usr/bin/env python3
"""The reporting rounds against the real server on 127.0.0.1 (nothing else is ever addressed):

1. kill -9: the server is killed while an area's upload is being received and while uploads are
   being stored, then started again on the same data folder: no version is partial (every
   version's stored file exists and has the SHA-256 and size recorded), nothing recorded before
   the kill is lost, and the round's workbook can still be made.
2. load: 100 area uploads at once on loopback, bounded in count and time: each is answered 200
   (checked and kept) or 503 (the queue is full), every 200 is exactly one new version, and the
   server is healthy afterwards.
3. backup: `minsheng-web backup` while the server runs gives a .zip whose database and files
   open as a data folder.

Usage: rounds_server_test.py BIN_DIR
"""
import concurrent.futures
import glob
import hashlib
import json
import os
import random
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
import uuid
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "Samples")
PLAN = os.path.join(SAMPLES, "002-亳州-分解表-分列.xlsx")
RETURN = os.path.join(SAMPLES, "returns", "涡阳县.xlsx")
TIME_LIMIT = 600
passed = []


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    passed.append(name)
    print(f"  ✓ {name}")


STARTED = []  # every server started, stopped at the end whatever happens


def start(bin_dir, data_dir, log_path, extra=(), tmp=None):
    """Starts a server on a free port; with `tmp`, its uploads stream into folders there (TMPDIR)."""
    log = open(log_path, "a")
    env = dict(os.environ, TMPDIR=tmp) if tmp else None
    process = subprocess.Popen(
        [os.path.join(bin_dir, "minsheng-web"), "--host", "127.0.0.1", "--port", "0", "--data-dir", data_dir, *extra],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    STARTED.append(process)
    deadline = time.time() + 60
    while time.time() < deadline:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            ports = re.findall(r"http://127\.0\.0\.1:(\d+)/", f.read())
        if ports and process.poll() is None:
            port = int(ports[-1])
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                    return process, port
            except OSError:
                pass
        if process.poll() is not None:
            raise RuntimeError(f"minsheng-web exited with {process.returncode}")
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("minsheng-web did not start within 60 s")


def multipart(fields, files):
    boundary = "----minsheng" + uuid.uuid4().hex
    body = b""
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, (filename, data) in files.items():
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def request(port, path, method="GET", body=None, content_type=None, timeout=60):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{urllib.parse.quote(path)}", data=body, method=method)
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def open_round(port):
    body, kind = multipart({"period": "1-9月", "deadline": "2026-10-10", "title": "kill-9"},
                           {"plan": (os.path.basename(PLAN), open(PLAN, "rb").read())})
    status, answer = request(port, "/api/rounds", "POST", body, kind)
    check("a round opens", status == 201, answer[:200])
    return json.loads(answer)


def upload(port, link, data, name="涡阳县.xlsx", timeout=120):
    body, kind = multipart({}, {"file": (name, data)})
    return request(port, link + "/returns", "POST", body, kind, timeout=timeout)


def versions(port, link):
    status, answer = request(port, link + "/returns")
    return json.loads(answer)["versions"] if status == 200 else None


def no_partial_version(port, data_dir, link, label):
    """Every version's file is stored whole: present, with the recorded SHA-256 and size."""
    listed = versions(port, link)
    for v in listed:
        path = os.path.join(data_dir, "files", v["sha256"])
        data = open(path, "rb").read() if os.path.exists(path) else None
        check(f"{label}: version {v['version']}'s file is whole",
              data is not None and hashlib.sha256(data).hexdigest() == v["sha256"] and len(data) == v["size"], v)
    return listed


def receiving(tmp, timeout=30):
    """Returns once the server is reading an upload's body: it has made the request's private
    folder under `tmp`, which it does before reading the body (a small upload is then kept in
    memory, a large one written there). The event itself; the timeout only bounds a hang."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if glob.glob(os.path.join(tmp, "minsheng-web-*")):
            return
        time.sleep(0.02)
    raise AssertionError(f"no upload reached the server (no request folder in {tmp}) within {timeout} s")


def kill_nine(bin_dir, work):
    data_dir = os.path.join(work, "data")
    log = os.path.join(work, "server.log")
    tmp = os.path.join(work, "tmp")
    os.makedirs(tmp, exist_ok=True)
    server, port = start(bin_dir, data_dir, log, tmp=tmp)
    opened = open_round(port)
    link = next(a["link"] for a in opened["areas"] if a["area"] == "涡阳县")
    data = open(RETURN, "rb").read()
    status, _ = upload(port, link, data)
    check("a first upload is kept", status == 200)

    # 1. Killed while the body is still arriving: half the upload sent, then kill -9.
    body, kind = multipart({}, {"file": ("涡阳县-第二版.xlsx", data + b"\0" * 200_000)})
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall((f"POST {link}/returns HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {kind}\r\n"
                  f"Content-Length: {len(body)}\r\n\r\n").encode() + body[: len(body) // 2])
    receiving(tmp)
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=10)
    sock.close()
    server, port = start(bin_dir, data_dir, log)
    listed = no_partial_version(port, data_dir, link, "killed mid-body")
    check("…the cut-off upload is no version, the first one is kept", [v["version"] for v in listed] == [1], listed)

    # 2. Killed at random moments while whole uploads are being checked and stored.
    random.seed(26)
    for attempt in range(6):
        variant = data + bytes([attempt]) * (attempt + 1)  # a new content hash each time
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(upload, port, link, variant, f"v{attempt}.xlsx", 30)
            time.sleep(random.uniform(0.0, 0.25))
            server.send_signal(signal.SIGKILL)
            server.wait(timeout=10)
            try:
                future.result(timeout=30)
            except Exception:  # noqa: BLE001 - the connection dies with the server
                pass
        server, port = start(bin_dir, data_dir, log)
        before = len(listed)
        listed = no_partial_version(port, data_dir, link, f"kill -9 #{attempt + 1}")
        check(f"…nothing recorded before kill #{attempt + 1} is lost and at most the one upload was added",
              before <= len(listed) <= before + 1 and sorted(v["version"] for v in listed) == list(range(1, len(listed) + 1)),
              listed)
    leftovers = [n for n in os.listdir(os.path.join(data_dir, "files")) if n.startswith(".tmp-")]
    check("…a restart leaves no temporary file of a cut-off upload", leftovers == [], leftovers)
    status, answer = request(port, f"/api/rounds/{opened['id']}/workbook")
    check("…and the round's workbook is still made", status == 200 and answer[:2] == b"PK", status)

    # Backup while serving.
    archive = os.path.join(work, "backup.zip")
    result = subprocess.run([os.path.join(bin_dir, "minsheng-web"), "backup", "--data-dir", data_dir, "-o", archive],
                            capture_output=True, timeout=60)
    check("minsheng-web backup while the server runs", result.returncode == 0 and os.path.exists(archive),
          result.stderr.decode("utf-8", "replace"))
    restored = os.path.join(work, "restored")
    with zipfile.ZipFile(archive) as z:
        z.extractall(restored)
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=15)
    server, port = start(bin_dir, restored, log)
    check("…the backup opens as a data folder with every version",
          [v["sha256"] for v in versions(port, link)] == [v["sha256"] for v in listed])
    server.send_signal(signal.SIGTERM)
    check("…and the server stops cleanly", server.wait(timeout=15) == 0)
    again = subprocess.run([os.path.join(bin_dir, "minsheng-web"), "backup", "--data-dir", data_dir, "-o", archive],
                           capture_output=True, timeout=60)
    check("backup refuses to overwrite", again.returncode == 1 and "已存在" in again.stderr.decode("utf-8", "replace"))


def load(bin_dir, work):
    data_dir = os.path.join(work, "load-data")
    log = os.path.join(work, "server-load.log")
    server, port = start(bin_dir, data_dir, log, ["--jobs", "2"])
    try:
        opened = open_round(port)
        links = [a["link"] for a in opened["areas"]]
        data = open(RETURN, "rb").read()
        count = 100
        started = time.time()
        with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
            futures = [pool.submit(upload, port, links[i % len(links)], data, f"第{i}份.xlsx", 180) for i in range(count)]
            statuses = [f.result(timeout=200)[0] for f in futures]
        elapsed = time.time() - started
        ok = statuses.count(200)
        check(f"100 uploads at once are each answered 200 or 503 (200: {ok}, 503: {statuses.count(503)}, {elapsed:.1f} s)",
              set(statuses) <= {200, 503} and ok > 0, statuses)
        check("…within 180 s", elapsed < 180, elapsed)
        kept = sum(len(versions(port, link)) for link in links)
        check("…every 200 is exactly one version", kept == ok, (kept, ok))
        status, _ = request(port, "/healthz")
        check("…and the server is healthy afterwards", status == 200)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    bin_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug"))
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError(f"over {TIME_LIMIT} s")))
    signal.alarm(TIME_LIMIT)
    work = tempfile.mkdtemp(prefix="minsheng-rounds-")
    try:
        kill_nine(bin_dir, work)
        load(bin_dir, work)
    finally:
        for process in STARTED:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=15)
        shutil.rmtree(work, ignore_errors=True)
    print(f"rounds server: {len(passed)} passed, 0 failed")


if __name__ == "__main__":
    import urllib.parse  # noqa: E402 - used by request()
    try:
        main()
    except Exception as error:  # noqa: BLE001 - report any failure as the test's failure
        print(f"FAILED: {error}")
        print(f"rounds server: {len(passed)} passed, 1 failed")
        sys.exit(1)
