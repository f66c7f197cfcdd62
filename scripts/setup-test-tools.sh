#!/usr/bin/env bash
# Installs the test tools that are not Rust crates, once:
# - a Python virtualenv under target/test-venv with openpyxl (to open the XLSX files as a
#   journalist would) and icalendar (to read the release calendar as a calendar app would);
# - Debian's chromium and chromedriver (browser tests: live reload, error overlay).
# Re-running is quick when they are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/test-venv
if ! "$venv/bin/python" -c 'import openpyxl' 2>/dev/null; then
  mkdir -p target
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'openpyxl==3.1.*'
fi
if ! "$venv/bin/python" -c 'import icalendar' 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'icalendar==7.*'
fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdfinfo >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium chromium-driver fonts-noto-cjk poppler-utils >/dev/null
  else
    echo "setup-test-tools: install Debian's chromium, chromium-driver and poppler-utils (needs root) for the browser tests" >&2
    exit 1
  fi
fi
