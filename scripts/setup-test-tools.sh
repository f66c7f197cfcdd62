#!/usr/bin/env bash
# Installs the test tools that are not Rust crates, once: a Python virtualenv with openpyxl
# under target/test-venv. Re-running is quick when they are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/test-venv
if ! "$venv/bin/python" -c 'import openpyxl' 2>/dev/null; then
  mkdir -p target
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'openpyxl==3.1.*'
fi
