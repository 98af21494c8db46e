#!/usr/bin/env bash
# Read benchmark: `minsheng dump --format csv` against python-calamine and fastexcel, each reading
# every cell of the same 200,000-row task sheet, side by side in one run (the three alternate);
# prints time and memory ratios of minsheng to each peer.
# usage: Benchmarks/read/run.sh [ROWS] [RUNS]
# MINSHENG_BEFORE=path adds another minsheng binary (an earlier commit's) to the same rounds.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-200000}"
runs="${2:-5}"
py="$("$root/Benchmarks/venv.sh")"
work="$root/Benchmarks/work"
mkdir -p "$work"
input="$work/task-$rows.xlsx"
if [ ! -f "$input" ]; then
    echo "生成 $rows 行测试表 → $input" >&2
    "$py" "$root/Benchmarks/read/make_task_sheet.py" "$input" "$rows"
fi
(cd "$root" && swift build -c release --product minsheng >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
ls -l "$input" >&2
"$py" "$root/Benchmarks/read/compare_peers.py" "$runs" \
    minsheng "$bin dump --format csv '$input'" \
    python-calamine "$py $root/Benchmarks/read/peer_calamine.py '$input'" \
    fastexcel "$py $root/Benchmarks/read/peer_fastexcel.py '$input'" \
    ${MINSHENG_BEFORE:+minsheng-before "$MINSHENG_BEFORE dump --format csv '$input'"}
