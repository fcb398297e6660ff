#!/bin/sh
# tests/gzahead/run.sh BUILD -- gzip members inflated ahead by the helpers
# of -j N (cli/corpus_inflate.c): on multi-member files of several MiB,
# with member headers stored inside other members (false starts), padding,
# and broken, truncated and foreign bytes past the first MiB, clean -j 2 and
# -j 3 give the bytes, messages and exit status of -j 1, and the output of
# the same bytes uncompressed; and so does a file gzipped whole, whose
# output pages a helper faults in while the reader inflates it.  Prints
# "gzahead: N passed, M failed".
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
exec "$PY" "$top/tests/gzahead/gzahead_test.py" "$top/$BUILD/nazif"
