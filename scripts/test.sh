#!/usr/bin/env bash
# Runs the whole test suite (installing the system libraries first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
swift test -c release "$@"
