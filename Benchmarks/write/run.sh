#!/usr/bin/env bash
# Write benchmark: the Swift XLSXWriter against a C program calling libxlsxwriter directly, the
# same 200,000 rows x 12 columns and formats, alternately in one run; prints the ratio.
# usage: Benchmarks/write/run.sh [ROWS] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-200000}"
runs="${2:-5}"
work="$root/Benchmarks/work"
mkdir -p "$work"
cc -O2 -o "$work/bench_write" "$root/Benchmarks/write/bench_write.c" $(pkg-config --cflags --libs xlsxwriter)
# The Swift side is a package of its own (Benchmarks/write/Package.swift) depending on the root
# package by path, as Fuzz/ is: the root package's products stay the tool and its libraries.
bench="$root/Benchmarks/write"
swift build -c release --package-path "$bench" --product minsheng-bench-write >&2
swiftbin="$(swift build -c release --package-path "$bench" --show-bin-path)/minsheng-bench-write"
python3 "$root/Benchmarks/compare.py" "$runs" \
    swift-XLSXWriter "$swiftbin '$work/write-swift.xlsx' $rows" \
    C-libxlsxwriter "$work/bench_write '$work/write-c.xlsx' $rows"
