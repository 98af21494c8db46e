#!/usr/bin/env bash
# Issue 24's two speed ratios, side by side in one run: `minsheng check --jobs 1` over N copies
# of a progress table with area columns against python-calamine reading every cell of the same
# files in one process (target ≤ 2×), and `minsheng convert --jobs 1` of them against their
# check (target ≤ 1.2×). Release build of the CLI alone. A binary built before a change is
# measured in the same rounds with BEFORE=/path/to/minsheng.
# usage: Benchmarks/speed/run.sh [N] [ROUNDS] [SAMPLE]   (default 1000 5 Samples/002-亳州-分县区进度.xlsx)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000}"
rounds="${2:-5}"
sample="${3:-$root/Samples/002-亳州-分县区进度.xlsx}"
py="${PYTHON:-$("$root/Benchmarks/venv.sh")}"
(cd "$root" && swift build -c release --product minsheng --disable-default-traits >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
work="$root/Benchmarks/work/speed"
folder="$work/$(basename "$sample" .xlsx)-$n"
if [ ! -d "$folder" ] || [ "$(ls "$folder" | wc -l)" -ne "$n" ]; then
    rm -rf "$folder"
    mkdir -p "$folder"
    for ((i = 0; i < n; i++)); do
        target="$folder/$(printf '%06d' "$i").xlsx"
        ln "$sample" "$target" 2>/dev/null || cp "$sample" "$target"
    done
fi
extra=()
if [ -n "${BEFORE:-}" ]; then extra+=("before=$BEFORE"); fi
"$py" "$root/Benchmarks/speed/ratio.py" "$rounds" "$folder" "$work" "$py" "$root/Benchmarks/speed/peer_calamine.py" "$bin" "${extra[@]}"
