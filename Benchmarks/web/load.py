#!/usr/bin/env python3
"""Load on minsheng-web, loopback only, bounded in count and time.

1. For --jobs 1 and --jobs 2: POST /api/check of one return (Samples/returns/涡阳县.xlsx),
   REQUESTS requests from CLIENTS concurrent clients after a warm-up: requests/s, p50 and p99
   latency, and the server's peak RSS (VmHWM of /proc/PID/status).
2. 200 check requests, 20 at a time (server at its default --jobs): all must answer 200, peak
   RSS under 400 MiB, and /healthz must still answer afterwards.

Usage: load.py [BIN_DIR]   (default: the release build, built first)
Prints a Markdown table; exits 1 when a bound is broken.
"""
import concurrent.futures
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RETURN = os.path.join(ROOT, "Samples", "returns", "涡阳县.xlsx")
HOST = "127.0.0.1"  # loopback only
REQUESTS = 300
CLIENTS = 4
TIME_LIMIT = 600
BOUNDARY = "----minshengLoadBoundary"


def body():
    with open(RETURN, "rb") as f:
        content = f.read()
    head = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="涡阳县.xlsx"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + content + f"\r\n--{BOUNDARY}--\r\n".encode()


BODY = body()


def start(bin_dir, jobs):
    log = tempfile.NamedTemporaryFile("w+", prefix="minsheng-web-load-", suffix=".log", delete=False)
    args = [os.path.join(bin_dir, "minsheng-web"), "--host", HOST, "--port", "0"]
    if jobs:
        args += ["--jobs", str(jobs)]
    process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                               env=dict(os.environ, LOG_LEVEL="warning"))
    deadline = time.time() + 60
    while time.time() < deadline:
        with open(log.name, encoding="utf-8", errors="replace") as f:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", f.read())
        if match:
            return process, int(match.group(1))
        if process.poll() is not None:
            raise RuntimeError(open(log.name).read())
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("minsheng-web did not start")


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def post_check(port):
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request("POST", "/api/check", BODY, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def healthz(port):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        return response.status == 200 and response.read() == b"ok"
    finally:
        connection.close()


def run(port, count, clients):
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        started = time.perf_counter()
        results = list(pool.map(lambda _: post_check(port), range(count)))
        wall = time.perf_counter() - started
    latencies = sorted(r[1] for r in results)
    statuses = [r[0] for r in results]
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    return {"rps": count / wall, "p50": p(0.50), "p99": p(0.99), "statuses": statuses,
            "mean": statistics.mean(latencies) * 1000}


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        return "hung"


def main():
    signal.alarm(TIME_LIMIT)
    if len(sys.argv) > 1:
        bin_dir = sys.argv[1]
    else:
        subprocess.run(["swift", "build", "-c", "release", "--product", "minsheng-web"], cwd=ROOT, check=True)
        bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout.strip()
    ok = True
    print(f"check of one return ({os.path.getsize(RETURN)} bytes), {REQUESTS} requests from {CLIENTS} clients, loopback\n")
    print("| server | requests/s | p50 ms | p99 ms | peak RSS MiB |")
    print("| --- | --- | --- | --- | --- |")
    for jobs in (1, 2):
        process, port = start(bin_dir, jobs)
        try:
            run(port, 10, 2)  # warm-up
            result = run(port, REQUESTS, CLIENTS)
            rss = peak_rss_mib(process.pid)
            ok &= all(s == 200 for s in result["statuses"])
            print(f"| --jobs {jobs} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} | {rss:.0f} |")
        finally:
            stop(process)

    process, port = start(bin_dir, None)
    try:
        result = run(port, 200, 20)
        rss = peak_rss_mib(process.pid)
        answered = sum(1 for s in result["statuses"] if s == 200)
        alive = healthz(port)
    finally:
        status = stop(process)
    print(f"\n200 requests, 20 at a time (default --jobs): {answered}/200 answered 200, "
          f"{result['rps']:.0f} requests/s, p50 {result['p50']:.0f} ms, p99 {result['p99']:.0f} ms, "
          f"peak RSS {rss:.0f} MiB (bound 400), /healthz after: {'ok' if alive else 'FAILED'}, "
          f"SIGTERM exit status: {status}")
    ok &= answered == 200 and rss < 400 and alive and status == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
