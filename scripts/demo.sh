#!/usr/bin/env bash
# Runs every method and sanity check on the shipped example and prints the report's path.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product sanity >&2
.build/release/sanity demo --output sanity-demo "$@"
