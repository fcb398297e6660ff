#!/bin/sh
# tests/progress/run.sh BUILD -- the progress line (cli/progress.c) is the
# same in every command that draws one: clean in corpus mode, dedup,
# linefreq and index, from a file (share done, time left) and from standard
# input (time elapsed); none with --no-progress.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
exec /usr/bin/python3 tests/progress/check.py "$BUILD/nazif"
