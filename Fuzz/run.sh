#!/usr/bin/env bash
# Fuzzes minsheng with libFuzzer + AddressSanitizer.
#   Fuzz/run.sh [reader|parts|text|check] [SECONDS]     (default: reader, 600 s)
#   reader  bytes as an .xlsx file: zip, XML, shared strings, styles, sheets, export
#   parts   bytes as the sheet, shared strings, styles and workbook XML (NUL-separated), stored
#           uncompressed in a zip, so that mutations reach the XML handlers
#   text    bytes as cell text: quantities, prose breakdowns, printed precision, CSV
#   check   bytes as a submitted workbook: recognition, reading, validation
# Seeds: Samples/, Samples/returns/, the calamine corpus, the seed documents' lines (text), and
# Fuzz/regressions/ (inputs of crashes found so far, also read by the tests). The growing corpus
# is kept in Fuzz/.corpus-TARGET (not committed); crashes land in Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-reader}"
seconds="${2:-600}"
case "$target" in
    reader) product=ReaderFuzzer ;;
    parts) product=PartsFuzzer ;;
    text) product=TextFuzzer ;;
    check) product=CheckFuzzer ;;
    *) echo "usage: Fuzz/run.sh [reader|parts|text|check] [SECONDS]" >&2; exit 64 ;;
esac
swift build -c release --scratch-path .build-fuzz --product "$product" -Xswiftc -sanitize=fuzzer,address >&2
binary="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/$product"
mkdir -p ".corpus-$target" artifacts regressions
if [ "$target" = text ]; then
    seeds=(regressions)
    if [ ! -d .seeds-text ]; then
        # One seed per line of the seed documents: the real ways figures are written.
        mkdir -p .seeds-text
        cat ../Tests/Fixtures/seeds/*.txt | awk 'length > 0 && length < 400' | split -l 1 - .seeds-text/line-
    fi
    seeds+=(.seeds-text)
elif [ "$target" = parts ]; then
    seeds=(regressions)
    if [ ! -d .seeds-parts ]; then
        # Each sample's own parts, NUL-separated, as the harness expects them.
        mkdir -p .seeds-parts
        for file in ../Samples/*.xlsx ../Samples/returns/*.xlsx ../Tests/Fixtures/calamine/*.xlsx; do
            { unzip -p "$file" xl/worksheets/sheet1.xml; printf '\0'; unzip -p "$file" xl/sharedStrings.xml
              printf '\0'; unzip -p "$file" xl/styles.xml; printf '\0'; unzip -p "$file" xl/workbook.xml
            } > ".seeds-parts/$(basename "$file" .xlsx)" 2>/dev/null || true
        done
    fi
    seeds+=(.seeds-parts)
else
    seeds=(../Samples ../Samples/returns ../Tests/Fixtures/calamine ../Tests/Fixtures/injected regressions)
fi
export MINSHENG_TEMPLATES="$PWD/../Templates"
# -dict: the XML and zip words the reader branches on.
dict=()
[ "$target" = text ] || dict=(-dict=xlsx.dict)
exec "$binary" ".corpus-$target" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" \
    -timeout=5 -rss_limit_mb=2048 -max_len=2000000 -artifact_prefix=artifacts/ \
    -print_final_stats=1
