#!/usr/bin/env bash
# Fuzzes minsheng with libFuzzer + AddressSanitizer.
#   Fuzz/run.sh [reader|parts|sheet|xml|text|check] [SECONDS]     (default: reader, 600 s)
#   reader  bytes as an .xlsx file: zip, XML, shared strings, styles, sheets, export
#   sheet   bytes as one worksheet part's XML (the first byte picks the chunk size): the sheet
#           tokenizer against expat, which must give the same cells, ranges and errors
#   xml     bytes as any other part's XML (relationships, workbook, shared strings, styles; the
#           first byte picks the chunk size): the tokenizer against expat, which must hand a
#           handler the same start tags, attributes, end tags, text and errors
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
    sheet) product=SheetFuzzer ;;
    xml) product=XMLFuzzer ;;
    text) product=TextFuzzer ;;
    check) product=CheckFuzzer ;;
    *) echo "usage: Fuzz/run.sh [reader|parts|sheet|xml|text|check] [SECONDS]" >&2; exit 64 ;;
esac
swift build -c release --scratch-path .build-fuzz --product "$product" -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing >&2
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
elif [ "$target" = sheet ]; then
    seeds=(regressions sheet-seeds)
    if [ ! -d .seeds-sheet ]; then
        # Every worksheet part of the samples and fixtures, behind a chunk-size byte (0–6, from a checksum of the names).
        mkdir -p .seeds-sheet
        find ../Samples ../Tests/Fixtures -name '*.xlsx' | sort | while IFS= read -r file; do
            unzip -Z1 "$file" 2>/dev/null | { grep -E '^xl/worksheets/[^/]+\.xml$' || true; } | while IFS= read -r part; do
                n=$(printf '%s' "$file$part" | cksum | cut -d' ' -f1)
                { printf "\\$(printf '%03o' $((n % 7)))"; unzip -p "$file" "$part"; } > ".seeds-sheet/$(basename "$file" .xlsx)-$(basename "$part" .xml)" 2>/dev/null || true
            done
        done
    fi
    seeds+=(.seeds-sheet)
elif [ "$target" = xml ]; then
    seeds=(regressions sheet-seeds)
    if [ ! -d .seeds-xml ]; then
        # Every part but the worksheets, of the samples and fixtures, behind a chunk-size byte.
        mkdir -p .seeds-xml
        find ../Samples ../Tests/Fixtures -name '*.xlsx' | sort | while IFS= read -r file; do
            unzip -Z1 "$file" 2>/dev/null | { grep -E '(\.xml|\.rels)$' | grep -v '^xl/worksheets/' || true; } | while IFS= read -r part; do
                n=$(printf '%s' "$file$part" | cksum | cut -d' ' -f1)
                { printf "\\$(printf '%03o' $((n % 7)))"; unzip -p "$file" "$part"; } > ".seeds-xml/$(basename "$file" .xlsx)-$(printf '%s' "$part" | tr '/[]' '___')" 2>/dev/null || true
            done
        done
    fi
    seeds+=(.seeds-xml)
else
    seeds=(../Samples ../Samples/returns ../Tests/Fixtures/calamine ../Tests/Fixtures/injected regressions)
fi
export MINSHENG_TEMPLATES="$PWD/../Templates"
# -dict: the XML and zip words the reader branches on.
dict=()
[ "$target" = text ] || dict=(-dict=xlsx.dict)
[ "$target" = sheet ] && dict=(-dict=sheet.dict)
[ "$target" = xml ] && dict=(-dict=sheet.dict)
maxlen=2000000
[ "$target" = sheet ] && maxlen=262144
[ "$target" = xml ] && maxlen=262144
exec "$binary" ".corpus-$target" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" \
    -timeout=5 -rss_limit_mb=2048 -max_len="$maxlen" -artifact_prefix=artifacts/ \
    -print_final_stats=1
