#!/bin/sh
# tests/linefreq/run.sh BUILD -- repeated lines across the pages of a site
# through the nazif command: `nazif linefreq`, `nazif clean --linefreq=FILE`
# and `--linefreq-stream` on the invented three-site corpus of
# tests/corpus-data/make-sites.py (see linefreq_test.py for what is
# checked).  Prints "linefreq: N passed, M failed".
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
NAZIF=${NAZIF:-$top/$BUILD/nazif}
exec python3 "$top/tests/linefreq/linefreq_test.py" --nazif "$NAZIF"
