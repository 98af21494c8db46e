#!/usr/bin/env bash
# Issue 24's two speed ratios in instructions, repeatable on a busy machine (the wall-clock
# figures of run.sh move with the load): valgrind's callgrind counts the instructions of
# `minsheng check --jobs 1` and `minsheng convert --jobs 1` over 1 and over N copies of a
# progress table with area columns; the cost of one file is the difference over N − 1, the
# process's start-up left out. BEFORE=/path/to/minsheng measures another build the same way.
# usage: Benchmarks/speed/instructions.sh [N] [SAMPLE]   (default 50 Samples/002-亳州-分县区进度.xlsx)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-50}"
sample="${2:-$root/Samples/002-亳州-分县区进度.xlsx}"
(cd "$root" && swift build -c release --product minsheng --disable-default-traits >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
work="$root/Benchmarks/work/speed/instructions"
rm -rf "$work"
mkdir -p "$work/one" "$work/many"
ln "$sample" "$work/one/000000.xlsx" 2>/dev/null || cp "$sample" "$work/one/000000.xlsx"
for ((i = 0; i < n; i++)); do
    target="$work/many/$(printf '%06d' "$i").xlsx"
    ln "$sample" "$target" 2>/dev/null || cp "$sample" "$target"
done

# Instructions of one run (callgrind's total).
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" > /dev/null 2> "$work/valgrind.log" || true
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/valgrind.log"
}

measure() {
    local label="$1" binary="$2"
    local check1 checkN convert1 convertN
    check1=$(count "$binary" check "$work/one" --jobs 1 --quiet --format json)
    checkN=$(count "$binary" check "$work/many" --jobs 1 --quiet --format json)
    convert1=$(count "$binary" convert "$work/one" -o "$work/out.xlsx" --force --jobs 1 --quiet)
    convertN=$(count "$binary" convert "$work/many" -o "$work/out.xlsx" --force --jobs 1 --quiet)
    python3 - "$label" "$n" "$check1" "$checkN" "$convert1" "$convertN" <<'PY'
import sys
label, n = sys.argv[1], int(sys.argv[2])
check1, checkN, convert1, convertN = (int(x) for x in sys.argv[3:7])
check = (checkN - check1) / (n - 1)
convert = (convertN - convert1) / (n - 1)
print(f"{label}: per file check {check / 1e6:.2f} M instructions, convert {convert / 1e6:.2f} M "
      f"(convert ÷ check {convert / check:.2f}; whole processes over {n} files: {convertN / checkN:.2f}); "
      f"start-up {check1 / 1e6:.0f} M")
PY
}

measure minsheng "$bin"
if [ -n "${BEFORE:-}" ]; then measure before "$BEFORE"; fi
