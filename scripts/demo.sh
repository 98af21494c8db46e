#!/usr/bin/env bash
# The main jobs on the bundled Samples/:
#   1. convert: every sample workbook into one standardized progress workbook;
#   2. split → collect: district templates from the seed 002 plan, and the filled returns of
#      Samples/returns/ collected back;
#   3. check: the findings of every sample;
#   4. check --previous: this month's report against last month's;
#   5. reconcile: a hand-made summary against each area's own return.
set -euo pipefail
out="${1:-out}"
bin="$(swift build -c release --disable-default-traits --show-bin-path)/minsheng"
mkdir -p "$out"
# Status 1 means error findings (seeds 000 and 003 really report wrong rates; a return has a
# target typed over): that is the demo working. 2 (an unreadable input) or worse is a failure.
allow_findings() { local s=0; "$@" || s=$?; [ "$s" -le 1 ] || exit "$s"; }

echo "== 1. minsheng convert Samples -o $out/民生实事进展情况.xlsx --as-of 2023-10-31"
allow_findings "$bin" convert Samples -o "$out/民生实事进展情况.xlsx" --as-of 2023-10-31 --force
echo
echo "== 2. minsheng split Samples/002-亳州-分解表-分列.xlsx -o $out/templates --period 1-9月"
"$bin" split Samples/002-亳州-分解表-分列.xlsx -o "$out/templates" --period 1-9月 --force
echo
echo "== minsheng collect --plan Samples/002-亳州-分解表-分列.xlsx Samples/returns -o $out/县区汇总.xlsx"
allow_findings "$bin" collect --plan Samples/002-亳州-分解表-分列.xlsx Samples/returns -o "$out/县区汇总.xlsx" --force
echo
echo "== 3. minsheng check Samples"
allow_findings "$bin" check Samples
echo
echo "== 4. minsheng check Samples/monthly/亳州-1-9月.xlsx --previous Samples/monthly/亳州-1-8月.xlsx（上期对比）"
allow_findings "$bin" check Samples/monthly/亳州-1-9月.xlsx --previous Samples/monthly/亳州-1-8月.xlsx
echo
echo "== 5. minsheng reconcile Samples/reconcile/汇总表.xlsx Samples/reconcile/县区报表（核对县区汇总）"
allow_findings "$bin" reconcile Samples/reconcile/汇总表.xlsx Samples/reconcile/县区报表
echo
echo "输出：$out/民生实事进展情况.xlsx（标准进度表）、$out/templates/（县区模板）、$out/县区汇总.xlsx（收集结果）"
