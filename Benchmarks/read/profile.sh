#!/usr/bin/env bash
# Where the reader's time goes, in instructions (valgrind callgrind counts instructions, so the
# figures repeat on a busy machine): `minsheng dump --format csv` on the task sheet, split by
# library (inflate in libz, XML in libexpat, our Swift code, malloc/memcpy in libc), against
# the inflate-only floor `unzip -p FILE <parts> > /dev/null`.
# usage: Benchmarks/read/profile.sh [ROWS]     (default 20000: callgrind runs ~50× slower)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-20000}"
py="$("$root/Benchmarks/venv.sh")"
work="$root/Benchmarks/work"
mkdir -p "$work"
input="$work/task-$rows.xlsx"
[ -f "$input" ] || "$py" "$root/Benchmarks/read/make_task_sheet.py" "$input" "$rows"
# MINSHENG_BIN=path profiles another build (an earlier commit's binary, for a before/after).
if [ -n "${MINSHENG_BIN:-}" ]; then
    bin="$MINSHENG_BIN"
else
    (cd "$root" && swift build -c release --product minsheng >&2)
    bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
fi
command -v valgrind >/dev/null || { echo "需要 valgrind (apt-get install valgrind)" >&2; exit 1; }
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.minsheng${MINSHENG_BIN:+.other}" "$bin" dump --format csv "$input" > /dev/null 2> "$work/callgrind.minsheng.log"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.unzip" unzip -p "$input" xl/worksheets/sheet1.xml xl/sharedStrings.xml > /dev/null 2> "$work/callgrind.unzip.log"
"$py" - "$work/callgrind.minsheng${MINSHENG_BIN:+.other}" "$work/callgrind.unzip" <<'PY'
import re, subprocess, sys
from collections import defaultdict

def profile(path):
    out = subprocess.run(["callgrind_annotate", "--threshold=100", "--show-percs=no", path],
                         capture_output=True, text=True).stdout
    total = int(re.search(r"^([\d,]+).*PROGRAM TOTALS", out, re.M).group(1).replace(",", ""))
    functions = []
    for line in out.splitlines():
        m = re.match(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(.*?)\s+\[(.*)\]\s*$", line)
        if m:
            functions.append((int(m.group(1).replace(",", "")), m.group(2), m.group(3)))
    return total, functions

def group(obj, name):
    if "libz." in obj or "inflate" in name: return "inflate (libz)"
    if "libexpat" in obj: return "XML (libexpat)"
    if "libzip" in obj: return "zip (libzip)"
    if "libc." in obj or "ld-linux" in obj: return "libc (malloc, memcpy…)"
    if "libswiftCore" in obj or "libFoundation" in obj or "libswift" in obj: return "Swift runtime & stdlib"
    return "minsheng (our Swift code)"

total, functions = profile(sys.argv[1])
floor, _ = profile(sys.argv[2])
groups = defaultdict(int)
for count, name, obj in functions:
    groups[group(obj, name)] += count
print(f"minsheng dump --format csv: {total:,} instructions")
print(f"unzip -p (inflate only):    {floor:,} instructions  → minsheng = {total / floor:.2f}× the floor")
print()
for name, count in sorted(groups.items(), key=lambda kv: -kv[1]):
    print(f"  {name:28} {count / total:6.1%}  {count:>15,}")
print()
print("top functions:")
for count, name, obj in sorted(functions, reverse=True)[:15]:
    print(f"  {count / total:6.1%}  {name[:80]}  [{obj.rsplit('/', 1)[-1]}]")
PY
