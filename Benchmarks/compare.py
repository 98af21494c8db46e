"""Runs two commands alternately in one run and reports median wall time, peak memory and the
ratio (first ÷ second). Peak memory is the child's maximum resident set (rusage ru_maxrss).

usage: compare.py RUNS NAME_A 'CMD A' NAME_B 'CMD B'"""
import os
import shlex
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
    return wall, usage.ru_maxrss / 1024  # MiB


def main():
    runs = int(sys.argv[1])
    name_a, cmd_a, name_b, cmd_b = sys.argv[2:6]
    results = {name_a: [], name_b: []}
    for _ in range(runs):
        for name, cmd in ((name_a, cmd_a), (name_b, cmd_b)):
            results[name].append(run(cmd))
    med = {}
    for name, samples in results.items():
        wall = statistics.median(s[0] for s in samples)
        rss = max(s[1] for s in samples)
        med[name] = (wall, rss)
        print(f"{name:>16}: median {wall:.3f} s over {runs} runs, peak memory {rss:.0f} MiB")
    (wa, ra), (wb, rb) = med[name_a], med[name_b]
    print(f"ratio {name_a}/{name_b}: time {wa / wb:.2f}, peak memory {ra / rb:.2f}")


if __name__ == "__main__":
    main()
