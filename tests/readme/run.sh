#!/bin/sh
# tests/readme/run.sh BUILD -- every example README.md shows, run, and its
# output compared with what README.md shows (tests/readme/check.py).
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
exec "${PYTHON:-python3}" tests/readme/check.py "$BUILD"
