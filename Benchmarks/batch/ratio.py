"""Side by side, alternating, RUNS times: `minsheng check --jobs 1` and `--jobs 2` over a folder
of returns, and python-calamine merely reading every cell of the same files in one process.
Prints each one's best time and the ratios to python-calamine. Extra binaries (e.g. a build from
before a change) are given as LABEL=PATH and measured the same way.

usage: python3 ratio.py RUNS FOLDER PYTHON PEER_SCRIPT BIN [LABEL=BIN ...]
"""
import os
import subprocess
import sys
import time

runs, folder, python, peer, binary = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
others = [argument.split("=", 1) for argument in sys.argv[6:]]
files = len([f for f in os.listdir(folder) if f.endswith(".xlsx")])

commands = {"python-calamine": [python, peer, folder]}
for label, path in [("minsheng", binary)] + others:
    for jobs in (1, 2):
        commands[f"{label} --jobs {jobs}"] = [path, "check", folder, "--jobs", str(jobs), "--quiet", "--format", "json"]


def run(arguments):
    start = time.perf_counter()
    child = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        sys.exit(f"{' '.join(arguments)} exited {code}")
    return seconds, usage.ru_maxrss / 1024


best = {name: (float("inf"), 0.0) for name in commands}
for _ in range(runs):
    for name, arguments in commands.items():
        seconds, rss = run(arguments)
        if seconds < best[name][0]:
            best[name] = (seconds, rss)

peer_seconds = best["python-calamine"][0]
with open("/proc/loadavg") as f:
    load = f.read().split()[:3]
print(f"{files} files, best of {runs} runs each, alternating; load average {' '.join(load)}")
print(f"| {'work':<28} | {'time':>8} | {'per file':>9} | {'max RSS':>9} | {'ratio to python-calamine':>24} |")
print(f"| {'-' * 28} | {'-' * 8}: | {'-' * 8}: | {'-' * 8}: | {'-' * 23}: |")
for name, (seconds, rss) in best.items():
    print(
        f"| {name:<28} | {seconds:7.2f}s | {seconds / files * 1000:6.2f} ms | {rss:5.0f} MiB | {seconds / peer_seconds:24.2f} |")
