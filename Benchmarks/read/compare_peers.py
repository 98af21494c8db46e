"""Runs several commands in turn, RUNS rounds, and reports each one's median wall time, median CPU
time (user + system, all threads) and peak memory, then the ratio of the first command to each of
the others (first ÷ other). Peak memory is the child's maximum resident set (rusage ru_maxrss).
On a machine shared with other work, wall time shows what a second thread gains only when a core
is free; CPU time shows the work done either way.

usage: compare_peers.py RUNS NAME 'CMD' NAME 'CMD' [NAME 'CMD' ...]"""
import os
import statistics
import subprocess
import sys
import time


def run(cmd):
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, shell=True, stdout=null)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {cmd}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # s, MiB, s


def main():
    runs = int(sys.argv[1])
    pairs = sys.argv[2:]
    if len(pairs) < 4 or len(pairs) % 2:
        sys.exit(__doc__)
    commands = list(zip(pairs[0::2], pairs[1::2]))
    results = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, cmd in commands:
            results[name].append(run(cmd))
    summary = {}
    for name, samples in results.items():
        wall = statistics.median(s[0] for s in samples)
        rss = max(s[1] for s in samples)
        cpu = statistics.median(s[2] for s in samples)
        summary[name] = (wall, rss, cpu)
        print(f"{name:>16}: median {wall:.3f} s over {runs} runs, CPU {cpu:.3f} s, peak memory {rss:.0f} MiB")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    first = commands[0][0]
    wa, ra, ca = summary[first]
    for name, _ in commands[1:]:
        wb, rb, cb = summary[name]
        print(f"ratio {first}/{name}: time {wa / wb:.2f}, CPU {ca / cb:.2f}, peak memory {ra / rb:.2f}")


if __name__ == "__main__":
    main()
