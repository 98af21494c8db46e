#!/usr/bin/env bash
# Fuzzes the .xlsx reader with libFuzzer + AddressSanitizer.
#   Fuzz/run.sh [SECONDS]    (default 600)
# Seeds: Samples/, Samples/returns/, the calamine corpus and Fuzz/regressions/ (every crash or
# hang found so far, kept as a regression input; Tests/XLSXReaderTests reads them too).
# The growing corpus is kept in Fuzz/.corpus (not committed); crashes land in Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
swift build -c release --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address >&2
binary="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/ReaderFuzzer"
mkdir -p .corpus artifacts regressions
seeds=(../Samples ../Samples/returns ../Tests/Fixtures/calamine regressions)
if [ -d ../../shared/corpus/calamine ]; then seeds+=(../../shared/corpus/calamine); fi
# -dict: the XML and zip words the reader branches on.
exec "$binary" .corpus "${seeds[@]}" -dict=xlsx.dict -max_total_time="$seconds" \
    -timeout=5 -rss_limit_mb=2048 -max_len=2000000 -artifact_prefix=artifacts/ \
    -print_final_stats=1
