#!/usr/bin/env bash
# Collect throughput: `minsheng collect` over N returns (default 1,000: copies of the filled
# Samples/returns templates), reported as files per second.
# usage: Benchmarks/collect/run.sh [COPIES]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
copies="${1:-1000}"
work="$root/Benchmarks/work/collect-$copies"
rm -rf "$work"
mkdir -p "$work/in"
sources=("$root"/Samples/returns/涡阳县.xlsx "$root"/Samples/returns/蒙城县.xlsx "$root"/Samples/returns/利辛县.xlsx "$root"/Samples/returns/谯城区.xlsx)
for i in $(seq -w 1 "$copies"); do
    cp "${sources[$((10#$i % 4))]}" "$work/in/return-$i.xlsx"
done
(cd "$root" && swift build -c release --product minsheng >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
start=$(date +%s.%N)
"$bin" collect --plan "$root/Samples/002-亳州-分解表-分列.xlsx" "$work/in" -o "$work/out.xlsx" --force --format json > "$work/report.json" || [ $? -le 1 ]
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'collect: {n} returns in {s:.2f} s = {n/s:.0f} files/s')" "$start" "$end" "$copies"
