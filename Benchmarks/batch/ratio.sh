#!/usr/bin/env bash
# What a batch costs beyond reading: `minsheng check --jobs 1` and `--jobs 2` over N copies of
# the district returns (Samples/returns, in turn) against python-calamine merely reading every
# cell of the same N files in one process; side by side in one run (alternating, best of RUNS),
# with the ratios. Release build. Extra binaries to compare (e.g. one built before a change):
#   BEFORE=/tmp/minsheng-before Benchmarks/batch/ratio.sh 1000
# usage: Benchmarks/batch/ratio.sh [N] [RUNS]      (default 1000 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000}"
runs="${2:-3}"
py="${PYTHON:-$("$root/Benchmarks/venv.sh")}"
(cd "$root" && swift build -c release --product minsheng >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
folder="$root/Benchmarks/work/batch/returns-$n"
if [ ! -d "$folder" ] || [ "$(ls "$folder" | wc -l)" -ne "$n" ]; then
    rm -rf "$folder"
    mkdir -p "$folder"
    mapfile -t returns < <(ls "$root"/Samples/returns/*.xlsx)
    for ((i = 0; i < n; i++)); do
        source="${returns[$((i % ${#returns[@]}))]}"
        ln "$source" "$folder/$(printf '%06d' "$i")-$(basename "$source")" 2>/dev/null \
            || cp "$source" "$folder/$(printf '%06d' "$i")-$(basename "$source")"
    done
fi
extra=()
if [ -n "${BEFORE:-}" ]; then extra+=("before=$BEFORE"); fi
"$py" "$root/Benchmarks/batch/ratio.py" "$runs" "$folder" "$py" "$root/Benchmarks/batch/peer_calamine_many.py" "$bin" "${extra[@]}"
