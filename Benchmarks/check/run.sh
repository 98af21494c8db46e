#!/usr/bin/env bash
# Check throughput: `minsheng check` over N copies of a sample (default 1,000 copies of the
# seed 003 progress table), reported as files per second.
# usage: Benchmarks/check/run.sh [COPIES] [SAMPLE]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
copies="${1:-1000}"
sample="${2:-$root/Samples/003-民生实事进展情况.xlsx}"
work="$root/Benchmarks/work/check-$copies"
rm -rf "$work"
mkdir -p "$work"
for i in $(seq -w 1 "$copies"); do cp "$sample" "$work/return-$i.xlsx"; done
(cd "$root" && swift build -c release --product minsheng >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
start=$(date +%s.%N)
"$bin" check "$work" --format json > "$work.json" || [ $? -eq 1 ]
end=$(date +%s.%N)
python3 - "$start" "$end" "$copies" "$work.json" <<'PY'
import json, sys
start, end, copies, path = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
report = json.load(open(path))
assert report["summary"]["files"] == copies and report["summary"]["unreadable"] == 0
seconds = end - start
print(f"check: {copies} files in {seconds:.2f} s = {copies / seconds:.0f} files/s "
      f"({report['summary']['errors']} errors, {report['summary']['warnings']} warnings)")
PY
