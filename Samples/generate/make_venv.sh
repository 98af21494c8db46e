#!/usr/bin/env bash
# Creates (once) the Python venv that generate.py needs and prints its python path.
# Dev-time only: the generated .xlsx files are committed, so tests and minsheng need no Python.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install -q openpyxl==3.1.5 XlsxWriter==3.3.1 >&2
fi
echo "$venv/bin/python"
