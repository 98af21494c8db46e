#!/usr/bin/env bash
# Creates (once) the Python venv the benchmarks use to make inputs and run the peer readers.
# Prints the venv's python path. Dev-time only: minsheng never needs Python at run time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install -q -r "$here/requirements.txt" >&2
fi
echo "$venv/bin/python"
