#!/usr/bin/env bash
# Convert throughput: `minsheng convert` over N copies of a sample (default 1,000 copies of the
# seed 003 progress table) into one workbook, reported as files per second.
# usage: Benchmarks/convert/run.sh [COPIES] [SAMPLE]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
copies="${1:-1000}"
sample="${2:-$root/Samples/003-民生实事进展情况.xlsx}"
work="$root/Benchmarks/work/convert-$copies"
rm -rf "$work"
mkdir -p "$work/in"
for i in $(seq -w 1 "$copies"); do cp "$sample" "$work/in/return-$i.xlsx"; done
(cd "$root" && swift build -c release --product minsheng >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
start=$(date +%s.%N)
"$bin" convert "$work/in" -o "$work/out.xlsx" --force || [ $? -eq 1 ]
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'convert: {n} files in {s:.2f} s = {n/s:.0f} files/s')" "$start" "$end" "$copies"
