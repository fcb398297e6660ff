#!/bin/sh
# tests/run.sh BUILD -- build and run every test; the last line is the total
# "N passed, N failed".  Exit status 0 only when nothing failed.
#
# Layers: tests/unit/*.c (C programs on the library), tests/*/run.sh (each
# layer's own driver: cli, golden, fuzz replay, eval gates ...).  Every
# driver prints lines "LABEL N passed, M failed"; this script adds them up.
# A test that needs ../shared (NAZIF_SHARED) and does not find it says so
# in a line with "skip"; those lines are shown too.
BUILD=${1:-build}
CC=${CC:-cc}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
mkdir -p "$BUILD/tests"
log="$BUILD/tests/summary.txt"
: > "$log"
status=0

for src in tests/unit/*.c; do
  [ -f "$src" ] || continue
  name=$(basename "$src" .c)
  exe="$BUILD/tests/$name"
  if ! $CC -Iinclude -Isrc -Itests/unit -D_POSIX_C_SOURCE=200809L -std=c11 -g -O1 \
       $SANFLAGS $TEST_CFLAGS -o "$exe" "$src" "$BUILD/libnazif.a" ${TEST_LIBS:--lz -lstemmer -lsqlite3 -lpthread}; then
    echo "unit:$name 0 passed, 1 failed (does not compile)" | tee -a "$log"
    status=1; continue
  fi
  ( cd "$top" && NAZIF_SHARED="${NAZIF_SHARED:-$top/../shared}" "$exe" ) | tee "$BUILD/tests/$name.out" | tee -a "$log" | grep -E ' passed, ' || { echo "unit:$name 0 passed, 1 failed (crashed)" | tee -a "$log"; }
  [ "$(tail -n 1 "$log" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')" = 0 ] || status=1
  grep -E 'skipped|^skip ' "$BUILD/tests/$name.out"
done

for drv in tests/*/run.sh; do
  [ -f "$drv" ] || continue
  sh "$drv" "$BUILD" > "$BUILD/tests/$(basename "$(dirname "$drv")").out" 2>&1
  rc=$?
  grep -E ' [0-9]+ passed, [0-9]+ failed|skipped|^skip ' "$BUILD/tests/$(basename "$(dirname "$drv")").out" | tee -a "$log"
  if [ $rc -ne 0 ]; then
    status=1
    echo "--- $drv failed (exit $rc); its output:" >&2
    tail -n 40 "$BUILD/tests/$(basename "$(dirname "$drv")").out" >&2
  fi
done

p=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
f=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p' "$log" | awk '{s+=$1} END {print s+0}')
[ "$f" = 0 ] || status=1
echo "$p passed, $f failed"
exit $status
