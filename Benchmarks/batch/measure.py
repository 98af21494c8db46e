"""Runs minsheng check / convert / collect over N input files (check and convert: copies of the
seven Samples progress tables; check-r and collect: copies of the district returns) with 1 and 2 jobs, and prints
files/s, peak memory (the child's own max RSS, from wait4) and the cost per file against the
smallest N, to show that cost grows linearly with the number of files.

usage: python3 measure.py BIN ROOT WORK N [N ...]
"""
import os
import shutil
import subprocess
import sys
import time

binary, root, work = sys.argv[1], sys.argv[2], sys.argv[3]
sizes = [int(n) for n in sys.argv[4:]] or [1000, 10000]
samples = sorted(os.path.join(root, "Samples", f) for f in os.listdir(os.path.join(root, "Samples")) if f.endswith(".xlsx"))
returns_dir = os.path.join(root, "Samples", "returns")
returns = sorted(os.path.join(returns_dir, f) for f in os.listdir(returns_dir) if f.endswith(".xlsx"))
plan = os.path.join(root, "Samples", "002-亳州-分解表-分列.xlsx")


def populate(folder, sources, count):
    """`count` copies of `sources` in turn (hard links when the file system allows)."""
    if os.path.isdir(folder) and len(os.listdir(folder)) == count:
        return
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for i in range(count):
        source = sources[i % len(sources)]
        target = os.path.join(folder, f"{i:06d}-{os.path.basename(source)}")
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def run(arguments):
    """Seconds and peak RSS (MiB) of one run; the exit status must be 0, 1 or 2 (findings)."""
    start = time.perf_counter()
    child = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        sys.exit(f"{' '.join(arguments)} exited {code}")
    return seconds, usage.ru_maxrss / 1024


rows = []
for n in sizes:
    sample_dir = os.path.join(work, f"samples-{n}")
    return_dir = os.path.join(work, f"returns-{n}")
    populate(sample_dir, samples, n)
    populate(return_dir, returns, n)
    commands = {
        "check": lambda jobs: [binary, "check", sample_dir, "--format", "json", "--jobs", str(jobs)],
        "check-r": lambda jobs: [binary, "check", return_dir, "--format", "json", "--jobs", str(jobs)],
        "convert": lambda jobs: [binary, "convert", sample_dir, "-o", os.path.join(work, "out.xlsx"), "--force", "--jobs", str(jobs)],
        "collect": lambda jobs: [binary, "collect", "--plan", plan, return_dir, "-o", os.path.join(work, "out.xlsx"), "--force", "--jobs", str(jobs)],
    }
    for name, command in commands.items():
        for jobs in (1, 2):
            seconds, rss = run(command(jobs))
            rows.append((name, n, jobs, seconds, rss))
            print(f"{name:8} {n:>6} files  jobs {jobs}: {seconds:7.2f} s  {n / seconds:7.0f} files/s  peak {rss:6.0f} MiB", flush=True)

print()
print("cost per file against the smallest batch (1.00 = linear):")
smallest = sizes[0]
for name, n, jobs, seconds, rss in rows:
    if n == smallest:
        continue
    base = next(r for r in rows if r[0] == name and r[1] == smallest and r[2] == jobs)
    per_file = (seconds / n) / (base[3] / smallest)
    print(f"{name:8} jobs {jobs}: {n} vs {smallest} files: {per_file:.2f}; peak memory {rss:.0f} vs {base[4]:.0f} MiB")
for name in ("check", "check-r", "convert", "collect"):
    for n in sizes:
        one = next(r for r in rows if r[0] == name and r[1] == n and r[2] == 1)
        two = next(r for r in rows if r[0] == name and r[1] == n and r[2] == 2)
        print(f"{name:8} {n:>6} files: 2 jobs are {one[3] / two[3]:.2f}× as fast as 1")
