#!/usr/bin/env bash
# Batches at scale: check and convert over N copies of the Samples, collect over N copies of the
# returns, each with 1 and 2 jobs; files/s, peak memory, and cost per file against N.
# usage: Benchmarks/batch/run.sh [N ...]      (default 1000 10000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
(cd "$root" && swift build -c release --product minsheng >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/minsheng"
mkdir -p "$root/Benchmarks/work/batch"
if [ $# -eq 0 ]; then set -- 1000 10000; fi
python3 "$root/Benchmarks/batch/measure.py" "$bin" "$root" "$root/Benchmarks/work/batch" "$@"
