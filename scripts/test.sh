#!/usr/bin/env bash
# The test command: installs what the tests need beyond Rust (a Python with openpyxl and
# icalendar, to open the XLSX files and the release calendar as a journalist would), then runs
# the whole cargo test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-tools.sh
quality=target/tmp/search-quality.txt
rm -f "$quality"
VITRINE_TEST_PYTHON="$PWD/target/test-venv/bin/python" cargo test "$@"
# The search quality test's recall and precision (tests/integration/search_quality.rs).
if [ -f "$quality" ]; then
  echo
  cat "$quality"
fi
