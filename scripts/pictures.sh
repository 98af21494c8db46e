#!/usr/bin/env bash
# The pictures of README: the returns of Samples/returns collected against the seed 002 plan,
# printed to PDF by LibreOffice (as the tests print it) and two pages made PNG by pdftoppm:
#   docs/总览.png        the first page, 总览
#   docs/进度汇总.png    the first printed page of 进度汇总
# Needs libreoffice-calc-nogui, fonts-crosextra-carlito, fonts-wqy-zenhei and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product minsheng >/dev/null
bin="$(swift build --show-bin-path)/minsheng"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
"$bin" collect --plan Samples/002-亳州-分解表-分列.xlsx Samples/returns -o "$work/县区汇总.xlsx" --force >/dev/null || status=$?
[ "$status" -le 1 ] || exit "$status"   # 1: findings, as the Samples mean to have
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/县区汇总.xlsx" >/dev/null 2>&1
mkdir -p docs
pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$work/县区汇总.pdf" "docs/总览"
pdftoppm -png -r 90 -f 2 -l 2 -singlefile "$work/县区汇总.pdf" "docs/进度汇总"
echo "docs/总览.png、docs/进度汇总.png（$(pdfinfo "$work/县区汇总.pdf" | awk '/^Pages/ {print $2}') 页中的第 1、2 页）"
