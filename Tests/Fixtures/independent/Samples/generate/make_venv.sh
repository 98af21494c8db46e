#!/usr/bin/env bash
# Create Samples/generate/.venv with the pinned writers used to build the samples.
# LibreOffice (soffice) must be installed separately for samples 3 and 4.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --upgrade pip
"$here/.venv/bin/pip" install --quiet "openpyxl==3.1.5" "XlsxWriter==3.3.1"
echo "ready: $here/.venv/bin/python $here/generate.py"
