"""Side by side in one run, alternating, ROUNDS rounds: python-calamine reading every cell of a
folder of workbooks (one process), `minsheng check --jobs 1` over the same folder, and
`minsheng convert --jobs 1` of it; whole processes, wall time. Prints each one's median and best
time and the two ratios of issue 24 (check ÷ python-calamine, target ≤ 2; convert ÷ check,
target ≤ 1.2), each the median of the per-round ratios (a round's three runs are back to back,
so a busy machine slows both sides of a ratio alike). Extra binaries (a build from before a
change) are given as LABEL=PATH and measured the same way, in the same rounds.

usage: python3 ratio.py ROUNDS FOLDER OUT_DIR PYTHON PEER_SCRIPT BIN [LABEL=BIN ...]
"""
import json
import os
import statistics
import subprocess
import sys
import time

rounds, folder, out_dir, python, peer, binary = (
    int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6])
binaries = [("minsheng", binary)] + [argument.split("=", 1) for argument in sys.argv[7:]]
files = len([f for f in os.listdir(folder) if f.endswith(".xlsx")])

commands = {"python-calamine": [python, peer, folder]}
for label, path in binaries:
    commands[f"{label} check"] = [path, "check", folder, "--jobs", "1", "--quiet", "--format", "json"]
    commands[f"{label} convert"] = [
        path, "convert", folder, "-o", os.path.join(out_dir, f"{label}-汇总.xlsx"), "--force", "--jobs", "1", "--quiet"]


def run(name, arguments):
    """Wall seconds of one whole process; its exit status must be 0, 1 or 2 (findings), and a
    check must have read every file (a binary that fails fast is not fast)."""
    output = os.path.join(out_dir, "last-output")
    with open(output, "wb") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(arguments, stdout=sink, stderr=subprocess.STDOUT)
        _, status, _ = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        sys.exit(f"{' '.join(arguments)} exited {code}: {open(output, errors='replace').read()[:2000]}")
    if name.endswith(" check"):
        summary = json.load(open(output))["summary"]
        if summary["files"] != files or summary["unreadable"] != 0:
            sys.exit(f"{name}: {summary}")
    return seconds


times = {name: [] for name in commands}
for _ in range(rounds):
    for name, arguments in commands.items():
        times[name].append(run(name, arguments))

with open("/proc/loadavg") as f:
    load = " ".join(f.read().split()[:3])
print(f"{files} files, {rounds} alternating rounds; load average after: {load}")
print(f"| {'work':<24} | {'median':>8} | {'best':>8} |")
print(f"| {'-' * 24} | {'-' * 7}: | {'-' * 7}: |")
for name, seconds in times.items():
    print(f"| {name:<24} | {statistics.median(seconds):7.2f}s | {min(seconds):7.2f}s |")
peer_times = times["python-calamine"]
print()
for label, _ in binaries:
    check, convert = times[f"{label} check"], times[f"{label} convert"]
    check_ratio = statistics.median(c / p for c, p in zip(check, peer_times))
    convert_ratio = statistics.median(v / c for v, c in zip(convert, check))
    print(f"{label}: check ÷ python-calamine {check_ratio:.2f} (target ≤ 2), convert ÷ check {convert_ratio:.2f} (target ≤ 1.2)")
