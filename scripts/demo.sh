#!/usr/bin/env bash
# The main job on the bundled Samples/.
set -euo pipefail
out="${1:-out}"
bin="$(swift build -c release --show-bin-path)/minsheng"
mkdir -p "$out"
shopt -s nullglob
samples=(Samples/*.xlsx)
if [ ${#samples[@]} -eq 0 ]; then echo "Samples/ 中没有 .xlsx 文件" >&2; exit 1; fi
for f in "${samples[@]}"; do
    echo "== $f"
    "$bin" dump "$f" --format text
done
